import {
  formatIndicatorRange,
  formatIndicatorValue,
  methodHref,
  unitHint,
} from '../../i18n/format-indicator.ts';
import { indicatorById, type ZoneIndicators } from '../../indicators/registry.ts';
import { KeyFigure } from './KeyFigure.tsx';

/** Indicators shown in the panels, by family: a few that speak to each audience. */
export const PANEL_FAMILIES = [
  { title: 'Coopération', ids: ['taux-cooperation', 'partenariats', 'echanges', 'liens-intercommunaux'] },
  { title: 'Valeur économique', ids: ['valeur-totale', 'cout-evite-net', 'valeur-benevolat'] },
  { title: 'Environnement', ids: ['bilan-co2', 'matiere-evitee', 'distance-moyenne'] },
] as const;

/** A family of indicator figures of one zone, each with its range and a link to its definition. */
export function IndicatorFigures({
  zone,
  ids,
  testPrefix,
}: {
  zone: ZoneIndicators;
  ids: readonly string[];
  testPrefix: string;
}) {
  return (
    <dl className="key-figures">
      {ids.map((id) => {
        const indicator = indicatorById(id);
        if (!indicator) return null;
        const value = zone.values[id];
        return (
          <KeyFigure
            key={id}
            label={indicator.label.fr}
            value={formatIndicatorValue(indicator, value?.central ?? null)}
            hint={formatIndicatorRange(indicator, value) ?? unitHint(indicator)}
            href={methodHref(import.meta.env.BASE_URL, id)}
            testId={`${testPrefix}-${id}`}
          />
        );
      })}
    </dl>
  );
}
