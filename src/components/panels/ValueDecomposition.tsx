import { useFormat } from '../../hooks/use-format.ts';
import { methodV2FigureMessages } from '../../i18n/sections/method-v2-figures.ts';
import { indicatorById, type ZoneIndicators } from '../../indicators/registry.ts';
import { KeyFigure } from './KeyFigure.tsx';

/** The figures of the decomposition, in the order they are shown. */
export const DECOMPOSITION_IDS = [
  'cout-evite-net',
  'valeur-benevolat',
  'valeur-personnel',
  'valeur-marche-declaree',
] as const;

/**
 * The value of cooperation as a decomposition, never one euro sum: the net avoided cost, volunteer
 * time valued at a conventional rate (with its hours), shared staff at cost (with what was
 * re-invoiced) and the market values as declared (with how many exchanges declare one), side by
 * side, each with its own range and definition, then one line saying they are not added up. A
 * masked zone shows « secret » in place of every figure and no detail.
 */
export function ValueDecomposition({
  zone,
  masked,
  testPrefix,
}: {
  zone: ZoneIndicators;
  masked: boolean;
  testPrefix: string;
}) {
  const f = useFormat();
  const x = methodV2FigureMessages[f.m.lang];
  const value = (id: string) => {
    const indicator = indicatorById(id);
    return indicator ? f.value(indicator, masked ? null : zone.values[id]) : f.m.coverage.notProvided;
  };
  const count = (part: 'echanges' | 'echanges_valeur_declaree') => {
    const n = zone.parts[part].central;
    return n === null ? f.m.coverage.notProvided : f.number(n);
  };
  const hints: Readonly<Record<(typeof DECOMPOSITION_IDS)[number], string>> = {
    'cout-evite-net': '',
    'valeur-benevolat': x.volunteerHint(value('heures-benevoles')),
    'valeur-personnel': x.staffHint(value('personnel-refacture')),
    'valeur-marche-declaree': x.marketHint(count('echanges_valeur_declaree'), count('echanges')),
  };
  // The survey's coverage beside the figures (never for a masked zone).
  const surveyed = zone.parts.associations_couvertes.central;
  const active = zone.parts.associations_actives.central;
  const coverage =
    masked || surveyed === null || !active
      ? null
      : x.coverageLine(f.number(surveyed), f.number(active), value('couverture'));
  const labels = {
    'cout-evite-net': x.netAvoidedCost,
    'valeur-benevolat': x.volunteerTime,
    'valeur-personnel': x.sharedStaff,
    'valeur-marche-declaree': x.declaredMarket,
  } as const;
  return (
    <div className="value-decomposition" data-testid={`${testPrefix}-decomposition`}>
      <dl className="key-figures">
        {DECOMPOSITION_IDS.map((id) => {
          const indicator = indicatorById(id);
          if (!indicator) return null;
          const shown = zone.values[id];
          const known = !masked && shown?.central !== null && shown?.central !== undefined;
          return (
            <KeyFigure
              key={id}
              label={labels[id]}
              {...f.estimate(indicator, masked ? null : shown)}
              hint={known && hints[id] ? hints[id] : null}
              definition={indicator}
              testId={`${testPrefix}-${id}`}
            />
          );
        })}
      </dl>
      <p className="panel-note" data-testid={`${testPrefix}-decomposition-note`}>
        {x.notAdded}
      </p>
      {coverage ? (
        <p className="panel-note" data-testid={`${testPrefix}-decomposition-coverage`}>
          {coverage}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The exchanges the figures rest on, split by quality tier: « 8 945 échanges, dont 1 200
 * confirmés par le partenaire et 300 vérifiés par le coordinateur ». Nothing where the zone is
 * masked or no exchange count is known.
 */
export function TierSplit({
  zone,
  masked,
  testId,
}: {
  zone: ZoneIndicators;
  masked: boolean;
  testId: string;
}) {
  const f = useFormat();
  const x = methodV2FigureMessages[f.m.lang];
  const { echanges, echanges_confirmes: confirmed, echanges_verifies: verified } = zone.parts;
  if (masked || echanges.central === null) return null;
  return (
    <p className="panel-note" data-testid={testId}>
      {x.tierSplit(
        f.number(echanges.central),
        f.number(confirmed.central ?? 0),
        f.number(verified.central ?? 0),
      )}
    </p>
  );
}
