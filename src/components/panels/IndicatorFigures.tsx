import { useFormat } from '../../hooks/use-format.ts';
import { indicatorById, type ZoneIndicators } from '../../indicators/registry.ts';
import { KeyFigure } from './KeyFigure.tsx';

/** Indicators shown in the panels, by family: a few that speak to each audience. */
export const PANEL_FAMILIES = [
  { family: 'cooperation', ids: ['taux-cooperation', 'partenariats', 'echanges', 'liens-intercommunaux'] },
  { family: 'economy', ids: ['valeur-totale', 'cout-evite-net', 'valeur-benevolat'] },
  { family: 'environment', ids: ['bilan-co2', 'matiere-evitee', 'distance-moyenne'] },
] as const;

/**
 * A family of indicator figures of one zone, each with its low–high range (or unit) and a link to
 * its definition on the method page. A masked zone shows « secret » in place of every figure.
 */
export function IndicatorFigures({
  zone,
  ids,
  masked,
  testPrefix,
}: {
  zone: ZoneIndicators;
  ids: readonly string[];
  masked: boolean;
  testPrefix: string;
}) {
  const f = useFormat();
  return (
    <dl className="key-figures">
      {ids.map((id) => {
        const indicator = indicatorById(id);
        if (!indicator) return null;
        const value = masked ? null : zone.values[id];
        return (
          <KeyFigure
            key={id}
            label={f.label(indicator)}
            value={f.value(indicator, value)}
            hint={f.hint(indicator, value)}
            href={f.href(id)}
            testId={`${testPrefix}-${id}`}
          />
        );
      })}
    </dl>
  );
}

/** Every family of figures of a zone, under their headings. */
export function FamilyFigures({
  zone,
  masked,
  testPrefix,
}: {
  zone: ZoneIndicators;
  masked: boolean;
  testPrefix: string;
}) {
  const { m } = useFormat();
  return (
    <>
      {PANEL_FAMILIES.map(({ family, ids }) => (
        <section key={family} className="panel-family">
          <h3>{m.families[family]}</h3>
          <IndicatorFigures zone={zone} ids={ids} masked={masked} testPrefix={testPrefix} />
        </section>
      ))}
    </>
  );
}
