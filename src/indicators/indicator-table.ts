import { SCENARIOS, type Scenario } from '../data/method/coefficients.ts';
import type { QueryRunner, Row } from '../data/query-runner.ts';
import type { IndicatorFilters, Level } from './filters.ts';
import { queryWithExchangeValues } from './method/exchange-values.ts';
import { TERRITORY_ZONE } from './method/sql-scope.ts';
import { isDeclared, partDefinition, PARTS, type PartId } from './method/parts.ts';
import {
  buildNonAdditivePartsQuery,
  NON_ADDITIVE_PARTS,
  type GroupLevel,
} from './method/non-additive-query.ts';
import { buildCommunePartsQuery, buildZonePartsQuery } from './method/zone-parts-query.ts';
import { lazyRecord } from './lazy-record.ts';
import { nullableNumberOf, stringOf } from './read-rows.ts';
import { rollUp, type NonAdditiveValues, type ZoneParts, type ZonePartsRow } from './roll-up.ts';
import type { IndicatorDefinition, IndicatorValue } from './types.ts';

export type { ZoneParts } from './roll-up.ts';

/** Every indicator of one zone, with the parts they come from. */
export interface ZoneIndicators {
  readonly zone: string;
  readonly zone_nom: string;
  readonly parts: ZoneParts;
  readonly values: Readonly<Record<string, IndicatorValue>>;
}

/** True when coefficients enter the indicator, which then has a low–high range. */
export function isUncertain(indicator: IndicatorDefinition): boolean {
  return indicator.parts.some((id) => partDefinition(id).scenario);
}

/** True when the indicator counts declared cooperation (exchanges, partners): unknown where nothing is covered. */
export function isDeclaredIndicator(indicator: IndicatorDefinition): boolean {
  return indicator.parts.some((id) => isDeclared(partDefinition(id)));
}

/**
 * Parts that must be above zero for the indicator to have a value — what its data must cover:
 * surveyed associations for declared cooperation, a grants file covering the period for grants,
 * seat addresses that can be counted for shared seats, the RNA groupement for unions.
 */
export function requiredCoverage(indicator: IndicatorDefinition): PartId[] {
  const required = new Set<PartId>();
  for (const id of indicator.parts) {
    const part = partDefinition(id);
    if (isDeclared(part)) required.add('associations_couvertes');
    if (part.source === 'subventions') required.add('subventions_territoire');
    if (part.source === 'sieges') required.add('sieges_renseignes');
    if (id === 'unions_federations') required.add('groupements_connus');
  }
  return [...required];
}

const UNKNOWN: IndicatorValue = { central: null, bas: null, haut: null };

/**
 * An indicator's value from a zone's parts: central, and the low and high runs when it has a
 * range; « non renseigné » (null) when the data it needs does not cover the zone (no surveyed
 * association, no grants file for the period, no countable seat address) — no data is not zero.
 */
export function evaluate(indicator: IndicatorDefinition, parts: ZoneParts): IndicatorValue {
  if (requiredCoverage(indicator).some((id) => !parts[id].central)) return UNKNOWN;
  const read = (id: PartId, scenario: Scenario) => parts[id][scenario];
  const central = indicator.value(read, 'central');
  if (!isUncertain(indicator)) return { central, bas: central, haut: central };
  return { central, bas: indicator.value(read, 'bas'), haut: indicator.value(read, 'haut') };
}

/** Groups the query's rows (one per zone and scenario) into zones; `extra` columns are kept. */
function toZoneParts<K extends string>(
  rows: readonly Row[],
  extra: readonly K[] = [],
): (ZonePartsRow & Record<K, string>)[] {
  const zones = new Map<
    string,
    { zone: string; zone_nom: string; parts: Record<string, Record<string, number | null>> }
  >();
  for (const row of rows) {
    const zone = stringOf(row, 'zone');
    const scenario = stringOf(row, 'scenario') as Scenario;
    let entry = zones.get(zone);
    if (!entry) {
      entry = { zone, zone_nom: stringOf(row, 'zone_nom'), parts: {} };
      for (const column of extra) Object.assign(entry, { [column]: stringOf(row, column) });
      zones.set(zone, entry);
    }
    for (const part of PARTS) {
      (entry.parts[part.id] ??= {})[scenario] = nullableNumberOf(row, part.id);
    }
  }
  return [...zones.values()].map((z) => {
    for (const part of PARTS) {
      for (const scenario of SCENARIOS) {
        if (z.parts[part.id]?.[scenario] === undefined)
          throw new Error(`Missing ${part.id} (${scenario}) for ${z.zone}`);
      }
    }
    return z as ZonePartsRow & Record<K, string>;
  });
}

/** Every indicator of each zone, from its parts, each derived when first read (lazy-record.ts). */
export function withValues(
  zones: readonly ZonePartsRow[],
  indicators: readonly IndicatorDefinition[],
): ZoneIndicators[] {
  return zones.map((z) => ({
    ...z,
    values: lazyRecord(indicators, (indicator) => evaluate(indicator, z.parts)),
  }));
}

/**
 * How the parts are computed: `precomputed` (the default) reads each exchange's values from the
 * table built with the dataset (exchange-values.ts) and rolls intercommunalités and the territory
 * up from the communes; `raw` runs the method over the exchanges for each level — the reference
 * the precomputed path is tested against, and the benchmark's baseline.
 */
export type PartsPath = 'precomputed' | 'raw';

/** The communes' parts, each with its intercommunalité. */
export async function communeParts(runner: QueryRunner, filters: IndicatorFilters) {
  const rows = await queryWithExchangeValues(runner, buildCommunePartsQuery(filters));
  return toZoneParts(rows, ['epci', 'epci_nom'] as const);
}

/** The parts that do not add up, per zone of each level of `levels` (one query for all). */
export async function nonAdditiveParts(
  runner: QueryRunner,
  filters: IndicatorFilters,
  levels: readonly GroupLevel[],
): Promise<Record<GroupLevel, Map<string, NonAdditiveValues>>> {
  const rows = await queryWithExchangeValues(runner, buildNonAdditivePartsQuery(filters, levels));
  const byLevel: Record<GroupLevel, Map<string, NonAdditiveValues>> = {
    epci: new Map(),
    territoire: new Map(),
  };
  for (const row of rows)
    byLevel[stringOf(row, 'niveau') as GroupLevel].set(
      stringOf(row, 'zone'),
      new Map(NON_ADDITIVE_PARTS.map((p) => [p.id as PartId, nullableNumberOf(row, p.id)])),
    );
  return byLevel;
}

type CommuneParts = Awaited<ReturnType<typeof communeParts>>[number];

/** The intercommunalité or territory a commune belongs to, as a zone. */
export const ZONE_OF: Readonly<
  Record<Exclude<Level, 'commune'>, (c: CommuneParts) => { zone: string; zone_nom: string }>
> = {
  epci: (c) => ({ zone: c.epci, zone_nom: c.epci_nom }),
  territoire: () => TERRITORY_ZONE,
};

/**
 * Every indicator for every zone of `level`: the parts (one SQL query, the same in the browser
 * and in Node; intercommunalités and the territory rolled up from the communes), then each
 * indicator's formula on the parts. Zones come in code order.
 */
export async function runIndicatorTable(
  runner: QueryRunner,
  indicators: readonly IndicatorDefinition[],
  filters: IndicatorFilters,
  level: Level,
  path: PartsPath = 'precomputed',
): Promise<ZoneIndicators[]> {
  if (path === 'raw') {
    return withValues(toZoneParts(await runner.query(buildZonePartsQuery(filters, level))), indicators);
  }
  const communes = await communeParts(runner, filters);
  if (level === 'commune') return withValues(communes, indicators);
  const own = await nonAdditiveParts(runner, filters, [level]);
  return withValues(rollUp(communes, ZONE_OF[level], own[level]), indicators);
}
