import { COEFFICIENTS, type Scenario } from '../../data/method/coefficients.ts';
import type { QueryRunner, Row, SqlQuery } from '../../data/query-runner.ts';
import { filterParams, type IndicatorFilters, type Level } from '../filters.ts';
import { evaluate, isUncertain, type ZoneParts } from '../indicator-table.ts';
import { nullableNumberOf, nullableStringOf, stringOf } from '../read-rows.ts';
import type { IndicatorDefinition, PartReader } from '../types.ts';
import { partDefinition, PARTS, type PartId } from './parts.ts';
import { scopeAndValuesCtes, SCOPE_AND_VALUES_CTES } from './sql-values.ts';

/*
 * What moves a figure: one coefficient parameter at a time at its low or high bound, the others
 * central (the tornado); and the exchanges behind it (a figure that one exchange drives above
 * DOMINANCE_THRESHOLD is flagged). Computed for one zone, on demand.
 */

/** Above this share of Σ|contributions|, one exchange « drives » a figure. */
export const DOMINANCE_THRESHOLD = 0.85;
/** Exchanges listed under a figure. */
export const TOP_EXCHANGES = 5;

/**
 * Parameters swung one key at a time (`substitution.inconnu`, `facteur_donnee.declare`): which
 * answer to « would have bought », which quality tier moves a figure is what an evaluator asks.
 * Every other parameter is swung whole (all goods' rents at once).
 */
export const SWUNG_BY_KEY: readonly string[] = ['substitution', 'facteur_donnee'];

/**
 * A figure with one coefficient parameter (`parametre` of the coefficient file, or `parametre.cle`
 * for those of SWUNG_BY_KEY) at each bound, the others central.
 */
export interface ParameterSwing {
  readonly parametre: string;
  /** The figure with the parameter at the bound that lowers it (bas run). */
  readonly low: number;
  /** … and at the bound that raises it (haut run). */
  readonly high: number;
}

/** One exchange's share of a figure (central). */
export interface ExchangeContribution {
  readonly id_echange: string;
  readonly libelle: string | null;
  readonly type_ressource: string;
  readonly contribution: number;
  /** |contribution| ÷ Σ|contributions| of the zone's exchanges. */
  readonly share: number;
}

export interface FigureSensitivity {
  readonly indicator: string;
  readonly central: number | null;
  /** Parameters that move the figure, widest swing first (zero swings left out). */
  readonly swings: readonly ParameterSwing[];
  /** The exchanges that weigh most, largest |contribution| first (figures summed over exchanges only). */
  readonly exchanges: readonly ExchangeContribution[];
  /** Number of exchanges that contribute (non-zero). */
  readonly contributing: number;
  /** The largest exchange's share, or null when the figure is not a sum over exchanges. */
  readonly topShare: number | null;
  /** True when one exchange makes more than DOMINANCE_THRESHOLD of the figure. */
  readonly dominated: boolean;
}

const EXCHANGE_PARTS = PARTS.filter((p) => p.source === 'echanges');

/** Swings computed by one query (two runs each over the zone's exchanges). */
const SWINGS_PER_QUERY = 4;
const SWING_SEPARATOR = ':';

function exchangeAggregates(): string {
  return EXCHANGE_PARTS.map((p) => `  ${p.sql} AS ${p.id}`).join(',\n');
}

/** SQL: the swing a coefficient row `alias` belongs to (its parameter, or its id for SWUNG_BY_KEY). */
function swingOf(alias: string): string {
  const byKey = SWUNG_BY_KEY.map((p) => `'${p}'`).join(', ');
  return `CASE WHEN ${alias}.parametre IN (${byKey}) THEN ${alias}.id ELSE ${alias}.parametre END`;
}

/**
 * Coefficients by « scenario » `bas:<swing>` and `haut:<swing>`: every coefficient central except
 * those of one swing, at the bound of that run (see toCoefficientRows).
 */
const ONE_AT_A_TIME_CTE = `coefficients_un_a_un AS (
  SELECT c.id, c.parametre, c.cle, s.sens || '${SWING_SEPARATOR}' || p.swing AS scenario,
    CASE WHEN ${swingOf('c')} = p.swing THEN x.valeur ELSE c.valeur END AS valeur
  FROM coefficients c
  CROSS JOIN (
    SELECT DISTINCT ${swingOf('coefficients')} AS swing FROM coefficients
    WHERE list_contains(string_split(CAST($10 AS VARCHAR), ','), ${swingOf('coefficients')})
  ) p
  CROSS JOIN (VALUES ('bas'), ('haut')) s(sens)
  JOIN coefficients x ON x.id = c.id AND x.scenario = s.sens
  WHERE c.scenario = 'central'
)`;

/**
 * The exchange parts of zone $9 of `level`, one row per one-at-a-time run of the swings listed
 * in $10 (comma-separated).
 */
export function buildSwingQuery(
  filters: IndicatorFilters,
  level: Level,
  zone: string,
  swings: readonly string[],
): SqlQuery {
  return {
    sql: `WITH ${ONE_AT_A_TIME_CTE},
${scopeAndValuesCtes('coefficients_un_a_un')}
SELECT scenario,
${exchangeAggregates()}
FROM valeurs
WHERE zone = CAST($9 AS VARCHAR)
GROUP BY scenario
ORDER BY scenario`,
    params: [...filterParams(filters, level), zone, swings.join(',')],
  };
}

/** The exchange parts of each exchange of zone $9 of `level`, central run. */
export function buildContributionQuery(filters: IndicatorFilters, level: Level, zone: string): SqlQuery {
  return {
    sql: `WITH ${SCOPE_AND_VALUES_CTES}
SELECT id_echange, any_value(libelle) AS libelle, any_value(type_ressource) AS type_ressource,
${exchangeAggregates()}
FROM valeurs
WHERE scenario = 'central' AND zone = CAST($9 AS VARCHAR)
GROUP BY id_echange
ORDER BY id_echange`,
    params: [...filterParams(filters, level), zone],
  };
}

type ExchangeParts = ReadonlyMap<PartId, number | null>;

function exchangePartsOf(row: Row): ExchangeParts {
  return new Map(EXCHANGE_PARTS.map((p) => [p.id, nullableNumberOf(row, p.id)]));
}

/** True when the figure is a sum over exchanges (a total of exchange parts only). */
function summedOverExchanges(indicator: IndicatorDefinition): boolean {
  return indicator.total && indicator.parts.every((id) => partDefinition(id).source === 'echanges');
}

/** Swings of the parameters the indicator's parts depend on (one per key for SWUNG_BY_KEY). */
function parametersOf(indicator: IndicatorDefinition): Set<string> {
  const parameters = new Set(indicator.parts.flatMap((id) => partDefinition(id).coefficients));
  return new Set(
    [...parameters].flatMap((p) =>
      SWUNG_BY_KEY.includes(p)
        ? COEFFICIENTS.coefficients.filter((c) => c.parametre === p).map((c) => c.id)
        : [p],
    ),
  );
}

function swingsOf(
  indicator: IndicatorDefinition,
  base: ZoneParts,
  runs: ReadonlyMap<string, ExchangeParts>,
): ParameterSwing[] {
  if (!isUncertain(indicator) || evaluate(indicator, base).central === null) return [];
  const swings: ParameterSwing[] = [];
  for (const parametre of parametersOf(indicator)) {
    const run = (scenario: Scenario) => runs.get(`${scenario}${SWING_SEPARATOR}${parametre}`);
    const low = run('bas');
    const high = run('haut');
    if (!low || !high) continue;
    const read: PartReader = (id, scenario) => {
      if (scenario === 'central' || partDefinition(id).source !== 'echanges') return base[id].central;
      return (scenario === 'bas' ? low : high).get(id) ?? null;
    };
    const lowValue = indicator.value(read, 'bas');
    const highValue = indicator.value(read, 'haut');
    if (lowValue === null || highValue === null) continue;
    if (Math.abs(highValue - lowValue) < 1e-9 * Math.max(1, Math.abs(highValue))) continue;
    swings.push({ parametre, low: lowValue, high: highValue });
  }
  return swings.sort((a, b) => b.high - b.low - (a.high - a.low) || a.parametre.localeCompare(b.parametre));
}

interface ExchangeRow {
  readonly id_echange: string;
  readonly libelle: string | null;
  readonly type_ressource: string;
  readonly parts: ExchangeParts;
}

function contributionsOf(
  indicator: IndicatorDefinition,
  exchanges: readonly ExchangeRow[],
): Pick<FigureSensitivity, 'exchanges' | 'contributing' | 'topShare' | 'dominated'> {
  if (!summedOverExchanges(indicator))
    return { exchanges: [], contributing: 0, topShare: null, dominated: false };
  const values = exchanges
    .map((e) => ({ e, c: indicator.value((id) => e.parts.get(id) ?? null, 'central') ?? 0 }))
    .filter(({ c }) => c !== 0);
  const sum = values.reduce((acc, { c }) => acc + Math.abs(c), 0);
  if (sum === 0) return { exchanges: [], contributing: 0, topShare: null, dominated: false };
  values.sort((a, b) => Math.abs(b.c) - Math.abs(a.c) || a.e.id_echange.localeCompare(b.e.id_echange));
  const top = values.slice(0, TOP_EXCHANGES).map(({ e, c }) => ({
    id_echange: e.id_echange,
    libelle: e.libelle,
    type_ressource: e.type_ressource,
    contribution: c,
    share: Math.abs(c) / sum,
  }));
  const topShare = top[0]?.share ?? null;
  return {
    exchanges: top,
    contributing: values.length,
    topShare,
    dominated: topShare !== null && topShare > DOMINANCE_THRESHOLD,
  };
}

/**
 * The sensitivity of `indicators` in one zone of `level`: two queries (one-at-a-time runs, and
 * each exchange's parts), then each formula on the parts. `base` is the zone's parts from the
 * indicator table (the same filters).
 */
export async function runSensitivity(
  runner: QueryRunner,
  indicators: readonly IndicatorDefinition[],
  filters: IndicatorFilters,
  level: Level,
  zone: string,
  base: ZoneParts,
): Promise<FigureSensitivity[]> {
  // Only the swings the figures depend on, a few per query: each swing is two runs over every
  // exchange of the zone, and all of them at once exhaust DuckDB-WASM's memory at regional size.
  const swings = [...new Set(indicators.flatMap((indicator) => [...parametersOf(indicator)]))].sort();
  const swingRows: Row[] = [];
  for (let i = 0; i < swings.length; i += SWINGS_PER_QUERY) {
    const chunk = swings.slice(i, i + SWINGS_PER_QUERY);
    swingRows.push(...(await runner.query(buildSwingQuery(filters, level, zone, chunk))));
  }
  const contributionRows = await runner.query(buildContributionQuery(filters, level, zone));
  const runs = new Map(swingRows.map((row) => [stringOf(row, 'scenario'), exchangePartsOf(row)]));
  const exchanges: ExchangeRow[] = contributionRows.map((row) => ({
    id_echange: stringOf(row, 'id_echange'),
    libelle: nullableStringOf(row, 'libelle'),
    type_ressource: stringOf(row, 'type_ressource'),
    parts: exchangePartsOf(row),
  }));
  return indicators.map((indicator) => ({
    indicator: indicator.id,
    central: evaluate(indicator, base).central,
    swings: swingsOf(indicator, base, runs),
    ...contributionsOf(indicator, exchanges),
  }));
}
