import { SCENARIOS, type Scenario } from '../../data/method/coefficients.ts';
import {
  ensureDerivedTable,
  EXCHANGE_VALUES_TABLE,
  forgetDerivedTable,
  waitForTurnToBuild,
} from '../../data/derived-tables.ts';
import type { QueryRunner, Row, SqlQuery } from '../../data/query-runner.ts';
import { filterParams } from '../filters.ts';
import { periodShare } from '../rules.ts';
import { creditedZone, keptInPeriod } from './sql-scope.ts';
import { EXCHANGE_VALUE_SQL, EXCHANGE_VALUE_TERMS, SCOPE_AND_VALUES_CTES } from './sql-values.ts';

/*
 * Every exchange's values, computed once per dataset. Apart from the zone it is credited to and
 * the share of its days inside the period (`part_periode`), nothing in an exchange's values
 * depends on the filters: the counterfactual, the coefficients of each scenario, the distance,
 * the data factor are the exchange's own. So the method's SQL (sql-values.ts) runs once, over
 * every exchange as if the period covered it whole, and its results are kept in a table with one
 * row per exchange: what the filters read (dates, type, quality, ends, communes in the territory),
 * what the counts read, and each value once per scenario (`v_substituee_bas`, `…_central`,
 * `…_haut`). A filter change then scans that one table and multiplies by the share — the same
 * numbers as running the method again (the share is applied last in both), without the
 * counterfactual joins and without a row per scenario. The table is built by the first query that
 * needs it after a dataset loads; the data layer drops it whenever the exchanges, communes or
 * coefficients change (src/data/derived-tables.ts).
 */

/** A period no exchange's days can leave: every exchange counts whole in it (`part_periode` = 1). */
const WHOLE_PERIOD = { start: '0001-01-01', end: '9999-12-31' } as const;

/** Columns of an exchange that the filters and the counts read: the same in every scenario. */
const EXCHANGE_FIELDS = [
  'date_debut',
  'date_fin',
  'type_ressource',
  'statut_donnee',
  'fournisseur_id',
  'beneficiaire_id',
  'commune_f',
  'commune_b',
  'fournisseur_commune',
  'beneficiaire_commune',
  'recurrent',
  'valeur_marche_eur',
  'heures_benevoles',
  'beneficiaires',
  'etp_annees',
] as const;

/** Columns that differ between scenarios: each value, and the round trip (its detour factor). */
const SCENARIO_COLUMNS = [...Object.keys(EXCHANGE_VALUE_TERMS), 'aller_retour_km'] as const;

/** The name of a column's copy for one scenario. */
const inScenario = (column: string, scenario: Scenario) => `${column}_${scenario}`;

/**
 * Builds the table of every exchange's values from the loaded exchanges and coefficients, unless
 * it is there already (it is dropped whenever they change): once per runner until then.
 */
export function buildExchangeValues(runner: QueryRunner): Promise<void> {
  return ensureDerivedTable(runner, EXCHANGE_VALUES_TABLE, createExchangeValues);
}

async function createExchangeValues(runner: QueryRunner): Promise<void> {
  const scenarioColumns = SCENARIOS.flatMap((scenario) =>
    SCENARIO_COLUMNS.map(
      (c) => `max(${c}) FILTER (WHERE scenario = '${scenario}') AS ${inScenario(c, scenario)}`,
    ),
  );
  await runner.query({
    sql: `CREATE TABLE IF NOT EXISTS ${EXCHANGE_VALUES_TABLE} AS
WITH ${SCOPE_AND_VALUES_CTES}
SELECT ligne,
  ${EXCHANGE_FIELDS.map((c) => `any_value(${c}) AS ${c}`).join(',\n  ')},
  ${scenarioColumns.join(',\n  ')}
FROM valeurs
GROUP BY ligne
ORDER BY ligne`,
    params: filterParams({ period: WHOLE_PERIOD }, 'commune'),
  });
}

/**
 * Runs a query that reads the table of exchange values, building the table first if needed —
 * and once more if new data dropped it between the two (an import while a query was on its way).
 * A background runner asks for the build only when its turn comes.
 */
export async function queryWithExchangeValues(runner: QueryRunner, query: SqlQuery): Promise<Row[]> {
  await waitForTurnToBuild(runner, EXCHANGE_VALUES_TABLE);
  const built = buildExchangeValues(runner);
  await built;
  try {
    return await runner.query(query);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes(EXCHANGE_VALUES_TABLE)) throw error;
    forgetDerivedTable(runner, EXCHANGE_VALUES_TABLE, built);
    await buildExchangeValues(runner);
    return runner.query(query);
  }
}

/**
 * The exchanges of the period from the table of exchange values (`faits`: its columns, the zone
 * credited at the level $3 as `zone`, the share as `part_periode`), and `periode` (zone and ends)
 * for the network and the associations behind the exchanges. Parameters $1–$8; zones, scope first.
 */
export const PERIOD_FACTS_CTES = `faits AS (
  SELECT f.*, ${periodShare('f', '$1', '$2')} AS part_periode, ${creditedZone('zf.zone', 'zb.zone')} AS zone
  FROM ${EXCHANGE_VALUES_TABLE} f
  LEFT JOIN zones zf ON zf.code_insee = f.commune_f
  LEFT JOIN zones zb ON zb.code_insee = f.commune_b
  WHERE ${keptInPeriod('f')}
),
periode AS (SELECT zone, fournisseur_id, beneficiaire_id FROM faits)`;

/**
 * An exchange part's aggregate (written over `valeurs`, see parts.ts) over `faits` in one
 * scenario: each value is its copy for the scenario × the share, the round trip its copy.
 */
export function partInScenario(sql: string, scenario: Scenario): string {
  return sql.replace(/\b(v_[a-z0-9_]+|aller_retour_km)\b/g, (column) =>
    column === 'aller_retour_km'
      ? inScenario(column, scenario)
      : `(part_periode * ${inScenario(column, scenario)})`,
  );
}

/** An exchange's net avoided cost over the period (its share of F2), central scenario, over `faits`. */
export const CENTRAL_EXCHANGE_VALUE = partInScenario(EXCHANGE_VALUE_SQL, 'central');
