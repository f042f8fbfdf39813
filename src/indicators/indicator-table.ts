import { SCENARIOS, type Scenario } from '../data/method/coefficients.ts';
import type { QueryRunner, Row } from '../data/query-runner.ts';
import type { IndicatorFilters, Level } from './filters.ts';
import { isDeclared, partDefinition, PARTS, type PartId } from './method/parts.ts';
import { buildZonePartsQuery } from './method/zone-parts-query.ts';
import { nullableNumberOf, stringOf } from './read-rows.ts';
import type { IndicatorDefinition, IndicatorValue } from './types.ts';

/** The parts of one zone in each scenario. */
export type ZoneParts = Readonly<Record<PartId, Readonly<Record<Scenario, number | null>>>>;

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

/** Groups the query's rows (one per zone and scenario) into zones. */
function toZoneParts(rows: readonly Row[]): { zone: string; zone_nom: string; parts: ZoneParts }[] {
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
    return z as { zone: string; zone_nom: string; parts: ZoneParts };
  });
}

/**
 * Every indicator for every zone of `level`: one SQL query for the parts (same SQL in the browser
 * and in Node), then each indicator's formula on the parts. Zones come in code order.
 */
export async function runIndicatorTable(
  runner: QueryRunner,
  indicators: readonly IndicatorDefinition[],
  filters: IndicatorFilters,
  level: Level,
): Promise<ZoneIndicators[]> {
  const rows = await runner.query(buildZonePartsQuery(filters, level));
  return toZoneParts(rows).map((z) => ({
    ...z,
    values: Object.fromEntries(indicators.map((indicator) => [indicator.id, evaluate(indicator, z.parts)])),
  }));
}
