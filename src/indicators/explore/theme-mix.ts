/*
 * The theme mix of a commune's active associations beside the whole territory's (in scope): what
 * the register says about what associations do there. The specialisation index (R8) sums the
 * gaps between these two mixes; this is the mix itself, by theme family.
 */
import type { QueryRunner, SqlQuery } from '../../data/query-runner.ts';
import { THEME_FAMILY_LABELS, themeFamily, type ThemeFamily } from '../../data/waldec.ts';
import { filterParams, type IndicatorFilters } from '../filters.ts';
import { SCOPE_CTES, ZONES_CTE } from '../method/sql-scope.ts';
import { numberOf, stringOf } from '../read-rows.ts';

/** Active associations of one WALDEC code in commune $9 and in the whole territory. */
export interface ThemeCount {
  readonly theme_code: string;
  readonly commune: number;
  readonly territoire: number;
}

/** One theme family: its active associations and their share, in the commune and the territory. */
export interface ThemeShare {
  readonly family: ThemeFamily;
  readonly commune: number;
  readonly territoire: number;
  /** Share of the commune's (territory's) active associations; null when it has none. */
  readonly communeShare: number | null;
  readonly territoireShare: number | null;
}

/** Active associations by WALDEC code, in commune $9 and in the territory, in the view's scope. */
export function buildThemeMixQuery(filters: IndicatorFilters, code: string): SqlQuery {
  return {
    sql: `WITH ${ZONES_CTE},
${SCOPE_CTES}
SELECT a.theme_code,
  count(*) FILTER (WHERE a.commune_code = CAST($9 AS VARCHAR)) AS commune,
  count(*) AS territoire
FROM associations a
JOIN associations_zone z ON z.id = a.id
WHERE z.active AND z.dans_perimetre
GROUP BY a.theme_code
ORDER BY a.theme_code`,
    params: [...filterParams(filters, 'commune'), code],
  };
}

export async function runThemeMix(
  runner: QueryRunner,
  filters: IndicatorFilters,
  code: string,
): Promise<ThemeShare[]> {
  const rows = await runner.query(buildThemeMixQuery(filters, code));
  return themeShares(
    rows.map((row) => ({
      theme_code: stringOf(row, 'theme_code'),
      commune: numberOf(row, 'commune'),
      territoire: numberOf(row, 'territoire'),
    })),
  );
}

/** Counts by code folded into theme families (every family, in the legend's order), with shares. */
export function themeShares(counts: readonly ThemeCount[]): ThemeShare[] {
  const families = Object.keys(THEME_FAMILY_LABELS) as ThemeFamily[];
  const sums = new Map(families.map((f) => [f, { commune: 0, territoire: 0 }]));
  for (const c of counts) {
    const sum = sums.get(themeFamily(c.theme_code));
    if (!sum) continue;
    sum.commune += c.commune;
    sum.territoire += c.territoire;
  }
  const total = { commune: 0, territoire: 0 };
  for (const s of sums.values()) {
    total.commune += s.commune;
    total.territoire += s.territoire;
  }
  return families.map((family) => {
    const s = sums.get(family) ?? { commune: 0, territoire: 0 };
    return {
      family,
      commune: s.commune,
      territoire: s.territoire,
      communeShare: total.commune > 0 ? s.commune / total.commune : null,
      territoireShare: total.territoire > 0 ? s.territoire / total.territoire : null,
    };
  });
}
