import { inPeriod } from './rules.ts';
import type { IndicatorFilters, MapIndicatorDefinition } from './types.ts';

/** Exchanges received by the associations of a commune, per 1,000 inhabitants. */
export const exchangesPer1000: MapIndicatorDefinition = {
  id: 'echanges-pour-1000-hab',
  family: 'social',
  label: { fr: 'Échanges pour 1 000 habitants', en: 'Exchanges per 1,000 inhabitants' },
  unit: { fr: 'échanges pour 1 000 hab.', en: 'exchanges per 1,000 inh.' },
  formula: {
    fr: 'Nombre d’échanges de la période dont le bénéficiaire est une association de la commune, divisé par la population municipale, × 1 000.',
    en: 'Exchanges of the period received by an association of the commune, divided by the municipal population, × 1,000.',
  },
  fields: ['echanges.date_debut', 'echanges.beneficiaire_commune', 'communes.population'],
  decimals: 1,
  buildQuery(filters: IndicatorFilters) {
    return {
      sql: `WITH recus AS (
  SELECT e.beneficiaire_commune AS code_insee, count(*) AS echanges
  FROM echanges e
  WHERE ${inPeriod('e', '$1', '$2')}
  GROUP BY e.beneficiaire_commune
)
SELECT c.code_insee,
  CAST(COALESCE(r.echanges, 0) AS DOUBLE) AS numerateur,
  CAST(c.population AS DOUBLE) AS denominateur,
  CASE WHEN c.population > 0 THEN 1000.0 * COALESCE(r.echanges, 0) / c.population END AS valeur
FROM communes c
LEFT JOIN recus r ON r.code_insee = c.code_insee
ORDER BY c.code_insee`,
      params: [filters.period.start, filters.period.end],
    };
  },
};
