import { useFormat } from '../../hooks/use-format.ts';
import { hasCoveredAssociations } from '../../dashboard/shown-value.ts';
import { indicatorById, type ZoneIndicators } from '../../indicators/registry.ts';
import { KeyFigure } from './KeyFigure.tsx';
import { DECOMPOSITION_IDS, TierSplit, ValueDecomposition } from './ValueDecomposition.tsx';

/** Indicators shown in the panels, by family: a few that speak to each audience. */
export const PANEL_FAMILIES = [
  { family: 'cooperation', ids: ['taux-cooperation', 'partenariats', 'echanges', 'liens-intercommunaux'] },
  // The value of cooperation as a decomposition on four bases, never one sum (ValueDecomposition).
  { family: 'economy', ids: DECOMPOSITION_IDS },
  { family: 'environment', ids: ['bilan-co2', 'matiere-evitee', 'distance-moyenne'] },
  {
    family: 'register',
    ids: [
      'associations-pour-1000-hab',
      'creations-par-an',
      'age-moyen',
      'subventions-montant',
      'part-financees',
    ],
  },
  { family: 'signals', ids: ['associations-siege-partage', 'structures-faitieres', 'aides-en-nature'] },
] as const;

/** The families that rest on declared exchanges: « non renseigné » as a whole where none is covered. */
const DECLARED_FAMILIES: ReadonlySet<string> = new Set(['cooperation', 'economy', 'environment']);

/**
 * A family of indicator figures of one zone, each with its low–high range (or unit) and an ⓘ
 * that opens its definition in place. A masked zone shows « secret » in place of every figure.
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
            {...f.estimate(indicator, value)}
            definition={indicator}
            testId={`${testPrefix}-${id}`}
          />
        );
      })}
    </dl>
  );
}

/**
 * Every family of figures of a zone, under their headings, after the split of its exchanges by
 * quality tier; the economic family is the value decomposition (four bases, never one sum). Where
 * no association of the zone is covered by declared exchanges, what the public files say comes
 * first and the families that rest on exchanges are one line (« non renseigné »), not a wall of
 * empty figures.
 */
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
  const covered = hasCoveredAssociations(zone);
  const declared = PANEL_FAMILIES.filter(({ family }) => DECLARED_FAMILIES.has(family));
  const open = PANEL_FAMILIES.filter(({ family }) => !DECLARED_FAMILIES.has(family));
  const figures = ({ family, ids }: (typeof PANEL_FAMILIES)[number]) => (
    <section key={family} className="panel-family">
      <h3>{m.families[family]}</h3>
      {family === 'economy' ? (
        <ValueDecomposition zone={zone} masked={masked} testPrefix={testPrefix} />
      ) : (
        <IndicatorFigures zone={zone} ids={ids} masked={masked} testPrefix={testPrefix} />
      )}
    </section>
  );
  if (covered)
    return (
      <>
        <TierSplit zone={zone} masked={masked} testId={`${testPrefix}-tiers`} />
        {[...declared, ...open].map(figures)}
      </>
    );
  return (
    <>
      {open.map(figures)}
      <section className="panel-family" data-testid={`${testPrefix}-declared-missing`}>
        <h3>{declared.map(({ family }) => m.families[family]).join(', ')}</h3>
        <p className="panel-note">{m.coverage.familiesMissing}</p>
      </section>
    </>
  );
}
