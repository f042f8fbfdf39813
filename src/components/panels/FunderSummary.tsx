import { useFormat } from '../../hooks/use-format.ts';
import type { FundedAssociation } from '../../indicators/explore/territory-insights.ts';
import { indicatorById, type ZoneIndicators } from '../../indicators/registry.ts';
import { FunderRatioNote } from './FunderRatioNote.tsx';
import { KeyFigure } from './KeyFigure.tsx';
import { ValueDecomposition } from './ValueDecomposition.tsx';

const LIST_LENGTH = 8;

/**
 * For a funder: what it granted in the period and, next to it, what the associations it funds
 * exchanged, the emissions avoided and the value of their cooperation as a
 * decomposition on four bases (never one sum) — as context, never as a return.
 */
export function FunderSummary({
  funderName,
  zone,
  funded,
  onSelectAssociation,
}: {
  /** Null when no funder is chosen yet. */
  funderName: string | null;
  zone: ZoneIndicators;
  funded: readonly FundedAssociation[] | null;
  onSelectAssociation: (id: string) => void;
}) {
  const f = useFormat();
  const { m } = f;
  if (!funderName) {
    return (
      <section className="panel-section" data-testid="funder-summary">
        <h3>{m.funder.heading}</h3>
        <p className="muted">{m.funder.choose}</p>
      </section>
    );
  }
  const figure = (id: string) => {
    const indicator = indicatorById(id);
    if (!indicator) return null;
    const value = zone.values[id];
    return (
      <KeyFigure
        label={f.label(indicator)}
        {...f.estimate(indicator, value)}
        definition={indicator}
        testId={`funder-${id}`}
      />
    );
  };
  return (
    <section className="panel-section" aria-labelledby="funder-title" data-testid="funder-summary">
      <h3 id="funder-title">
        {m.funder.heading}
        {m.lang === 'fr' ? ' : ' : ': '}
        {f.name(funderName)}
      </h3>
      <dl className="key-figures">
        <KeyFigure
          label={m.funder.granted}
          value={`${f.number(zone.parts.subventions.central ?? 0)}\u00a0€`}
          testId="funder-granted"
        />
        <KeyFigure
          label={m.funder.funded}
          value={funded ? f.number(funded.length) : m.authority.pending}
          testId="funder-count"
        />
        {figure('echanges')}
        {figure('bilan-co2')}
        {figure('ratio-subventions')}
      </dl>
      <ValueDecomposition zone={zone} masked={false} testPrefix="funder" />
      <FunderRatioNote zone={zone} />
      <p className="panel-note">{m.funder.context}</p>
      {funded && funded.length > 0 ? (
        <table className="mini-table" data-testid="funded-associations">
          <caption>{m.funder.funded}</caption>
          <thead>
            <tr>
              <th scope="col">{m.funder.association}</th>
              <th scope="col">{m.funder.grant}</th>
              <th scope="col">{m.chart.series}</th>
            </tr>
          </thead>
          <tbody>
            {funded.slice(0, LIST_LENGTH).map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onSelectAssociation(a.id)}>
                    {f.name(a.nom)}
                  </button>
                  <span className="muted"> · {f.name(a.commune_nom)}</span>
                </th>
                <td>{a.montant === null ? m.funder.inKindOnly : `${f.number(a.montant)}\u00a0€`}</td>
                <td>{a.echanges === null ? m.coverage.notProvided : f.number(a.echanges)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {funded && funded.length > LIST_LENGTH ? (
        <p className="muted">{m.authority.more(funded.length - LIST_LENGTH)}</p>
      ) : null}
    </section>
  );
}
