import type { Rank } from '../../dashboard/rank.ts';
import { hasCoveredAssociations, shownIndicator, shownValue } from '../../dashboard/shown-value.ts';
import { useFormat, type Format } from '../../hooks/use-format.ts';
import type { CommuneSignals } from '../../hooks/use-signal-layers.ts';
import { formatPercent } from '../../i18n/format.ts';
import { isHalfCounted } from '../../i18n/format-indicator.ts';
import { themeFamily } from '../../data/waldec.ts';
import { THEME_FAMILY_COLORS } from '../../map/theme-colors.ts';
import type { TypeShare } from '../../indicators/explore/breakdown.ts';
import type { CommuneAssociation, PartnerCommune } from '../../indicators/explore/commune-details.ts';
import type { ThemeShare } from '../../indicators/explore/theme-mix.ts';
import type { IndicatorDefinition, QuarterCount, ZoneIndicators } from '../../indicators/registry.ts';
import { QuarterlyChart, type ChartEvent } from '../charts/QuarterlyChart.tsx';
import { ThemeMixChart } from '../charts/ThemeMixChart.tsx';
import { TypeMixChart } from '../charts/TypeMixChart.tsx';
import { DefinitionButton } from '../method/DefinitionButton.tsx';
import { CooperationSignals } from './CooperationSignals.tsx';
import { EstimateDetails } from './EstimateParts.tsx';
import { KeyFigure } from './KeyFigure.tsx';
import { SensitivityPanel } from './SensitivityPanel.tsx';

/** A zone of the portrait's comparison table, masked or not. */
export interface PortraitZone {
  readonly zone: ZoneIndicators;
  readonly masked: boolean;
  readonly name: string;
}

const LIST_LENGTH = 8;

/** « 3 sur 4 (75 %) », or that nobody was surveyed: what the commune's cooperation figures rest on. */
function coverageLine(f: Format, covered: number | null, active: number | null): string {
  if (!covered || !active) return f.m.coverage.portraitNone;
  return f.m.coverage.portraitValue(
    f.number(covered),
    f.number(active),
    formatPercent(covered / active, 0, f.m.locale),
  );
}

/** Addresses shared by exactly two associations: those shared by two or more, less the places of three or more. */
function sharedPairs(shared: number | null, places: number | null): number | null {
  return shared === null || places === null ? null : shared - places;
}

/**
 * The portrait of one commune: each indicator next to another commune (if chosen), its
 * intercommunalité and the territory, with its rank; exchanges per quarter, resource mix,
 * its cooperation signals (shared places, umbrella structures), partner communes and its
 * associations.
 */
export function CommunePortrait({
  commune,
  compare,
  epci,
  territory,
  indicators,
  perInhabitant,
  ranks,
  compareOptions,
  quarters,
  compareQuarters,
  maskedQuarters,
  mix,
  maskedTypes,
  themes = null,
  partners,
  associations,
  signals = null,
  publicView,
  fictional,
  events,
  busy,
  onClose,
  onCompare,
  onSelectCommune,
  onSelectAssociation,
  onPrint,
}: {
  commune: PortraitZone;
  compare: PortraitZone | null;
  epci: PortraitZone | null;
  territory: PortraitZone;
  indicators: readonly IndicatorDefinition[];
  perInhabitant: boolean;
  ranks: ReadonlyMap<string, Rank | null>;
  compareOptions: readonly { code: string; nom: string }[];
  quarters: readonly QuarterCount[] | null;
  compareQuarters: readonly QuarterCount[] | null;
  maskedQuarters: ReadonlySet<string>;
  mix: readonly TypeShare[] | null;
  maskedTypes: ReadonlySet<string>;
  /** Active associations by theme family, beside the territory (the register). */
  themes?: readonly ThemeShare[] | null;
  partners: readonly PartnerCommune[] | null;
  associations: readonly CommuneAssociation[] | null;
  /** Shared places and umbrella structures of the commune (open-data signals). */
  signals?: CommuneSignals | null;
  publicView: boolean;
  fictional: boolean;
  events: readonly ChartEvent[];
  /** True while figures of a newly selected commune (or filters) are on their way. */
  busy: boolean;
  onClose: () => void;
  onCompare: (code: string | null) => void;
  onSelectCommune: (code: string) => void;
  onSelectAssociation: (id: string) => void;
  onPrint: () => void;
}) {
  const f = useFormat();
  const { m } = f;
  const parts = commune.zone.parts;
  const covered = hasCoveredAssociations(commune.zone);
  const columns = [commune, ...(compare ? [compare] : []), ...(epci ? [epci] : []), territory];
  const columnIds = ['commune', ...(compare ? ['compare'] : []), ...(epci ? ['epci'] : []), 'territoire'];
  // Partners arrive as the view may show them (the model's secrecy).
  const visiblePartners = partners ?? [];
  return (
    <section
      className="panel portrait"
      aria-labelledby="panel-title"
      aria-busy={busy}
      data-testid="commune-panel"
    >
      <div className="panel-head">
        <p className="panel-kicker">{f.name(epci?.name ?? '')}</p>
        <div className="panel-actions">
          <button type="button" className="panel-button" onClick={onPrint} data-testid="print">
            {m.commune.print}
          </button>
          <button type="button" className="panel-close" onClick={onClose} aria-label={m.commune.close}>
            ×
          </button>
        </div>
      </div>
      <h2 id="panel-title" data-testid="commune-name" title={commune.name}>
        {f.name(commune.name)}
      </h2>
      <p className="panel-period">
        {m.commune.code} {commune.zone.zone}
        {fictional ? ` · ${m.commune.fictional}` : ''}
      </p>
      <dl className="key-figures">
        <KeyFigure
          label={m.commune.population}
          value={
            parts.population.central === null ? m.commune.noPopulation : f.number(parts.population.central)
          }
          testId="commune-population"
        />
        <KeyFigure
          label={m.commune.associations}
          value={f.number(parts.associations_actives.central ?? 0)}
          testId="commune-active"
        />
        <KeyFigure
          label={m.coverage.portraitLabel}
          value={coverageLine(f, parts.associations_couvertes.central, parts.associations_actives.central)}
          testId="commune-coverage"
        />
      </dl>
      {commune.masked ? (
        <p className="secret-note" data-testid="commune-secret">
          {m.public.communeSecret}
        </p>
      ) : null}

      <div className="compare-picker">
        <label htmlFor="compare-select">{m.commune.compareWith}</label>
        <select
          id="compare-select"
          value={compare?.zone.zone ?? ''}
          onChange={(event) => onCompare(event.target.value || null)}
          data-testid="compare-select"
        >
          <option value="">{m.commune.noCompare}</option>
          {compareOptions.map((c) => (
            <option key={c.code} value={c.code}>
              {f.name(c.nom)}
            </option>
          ))}
        </select>
      </div>

      <div className="table-scroll">
        <table className="portrait-table" data-testid="portrait-table">
          <caption className="visually-hidden">{m.commune.portraitCaption(f.name(commune.name))}</caption>
          <thead>
            <tr>
              <th scope="col">{m.commune.indicatorColumn}</th>
              {columns.map((c, i) => (
                <th
                  scope="col"
                  key={columnIds[i]}
                  className={columnIds[i] === 'compare' ? 'is-compared' : undefined}
                >
                  {columnIds[i] === 'territoire' ? (
                    m.commune.territoryColumn
                  ) : columnIds[i] === 'epci' ? (
                    <abbr title={f.name(c.name)}>{m.commune.epciColumn}</abbr>
                  ) : (
                    <span className="data-name" title={c.name}>
                      {f.name(c.name)}
                    </span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {indicators.map((indicator) => {
              const shown = shownIndicator(indicator, { perInhabitant });
              const rank = commune.masked ? null : ranks.get(indicator.id);
              return (
                <tr key={indicator.id}>
                  <th scope="row">
                    {f.label(shown)}
                    <DefinitionButton indicator={shown} />
                  </th>
                  {columns.map((c, i) => {
                    const value = shownValue(indicator, c.zone, { perInhabitant, masked: c.masked });
                    const estimate = f.estimate(shown, value);
                    const testId = `portrait-${indicator.id}-${columnIds[i]}`;
                    return (
                      <td key={columnIds[i]}>
                        <span data-testid={testId}>{estimate.value}</span>
                        <EstimateDetails estimate={estimate} fm={f.fm} testId={testId} />
                        {columnIds[i] === 'commune' ? (
                          <span className="portrait-rank" data-testid={`portrait-${indicator.id}-rang`}>
                            {rank ? m.commune.rank(rank.rank, rank.total) : '–'}
                          </span>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="panel-note">{m.commune.rankNote}</p>
      <p className="panel-note" data-testid="portrait-figures-note">
        {f.fm.rangeNote}
        {indicators.some(isHalfCounted) ? ` ${f.fm.halfCountNote}` : ''}
      </p>
      {/* What moves the commune's figures: computed only once opened; never for a masked commune. */}
      {!commune.masked && covered ? (
        <SensitivityPanel level="commune" zone={commune.zone} publicView={publicView} current={!busy} />
      ) : null}

      {!covered ? (
        <p className="panel-note" data-testid="commune-exchanges-missing">
          {m.coverage.chartMissing}
        </p>
      ) : null}
      {!commune.masked && quarters && covered ? (
        <QuarterlyChart
          series={[
            { name: f.name(commune.name), quarters, masked: maskedQuarters },
            ...(compare && compareQuarters && !compare.masked
              ? [{ name: f.name(compare.name), quarters: compareQuarters, masked: new Set<string>() }]
              : []),
          ]}
          events={events}
          title={m.chart.communeTitle}
          testId="commune-chart"
        />
      ) : null}
      {!commune.masked && mix && covered ? (
        <TypeMixChart mix={mix} masked={maskedTypes} title={m.commune.resourceMix} testId="commune-mix" />
      ) : null}

      {themes ? <ThemeMixChart mix={themes} name={f.name(commune.name)} /> : null}

      {signals ? (
        <CooperationSignals
          signals={signals}
          pairs={sharedPairs(parts.sieges_partages.central, parts.lieux_partages.central)}
          countableSeats={parts.sieges_renseignes.central}
          onSelectAssociation={onSelectAssociation}
        />
      ) : null}

      <h3 className="panel-subheading">{m.commune.partnerCommunes}</h3>
      {visiblePartners.length > 0 ? (
        <ul className="plain-list" data-testid="partner-communes">
          {visiblePartners.slice(0, LIST_LENGTH).map((p) => (
            <li key={p.code_insee}>
              <button type="button" className="link-button" onClick={() => onSelectCommune(p.code_insee)}>
                {f.name(p.nom)}
              </button>{' '}
              — {m.commune.exchanges(p.echanges)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{m.commune.noPartner}</p>
      )}

      <h3 className="panel-subheading">{m.commune.itsAssociations}</h3>
      <ul className="plain-list association-list" data-testid="commune-associations">
        {(associations ?? []).slice(0, LIST_LENGTH * 2).map((a) => (
          <li key={a.id}>
            <span
              className="theme-dot"
              style={{ background: THEME_FAMILY_COLORS[themeFamily(a.theme_code)] }}
              aria-hidden="true"
            />
            <button type="button" className="link-button" onClick={() => onSelectAssociation(a.id)}>
              {f.name(a.nom)}
            </button>
            {publicView ? null : (
              <span className="muted">
                {' '}
                —{' '}
                {a.fournis === null || a.recus === null
                  ? m.coverage.notSurveyed
                  : m.commune.givenReceived(a.fournis, a.recus)}
              </span>
            )}
          </li>
        ))}
      </ul>
      {associations && associations.length > LIST_LENGTH * 2 ? (
        <p className="muted">{m.authority.more(associations.length - LIST_LENGTH * 2)}</p>
      ) : null}
    </section>
  );
}
