import { SCENARIOS, type Scenario } from '../data/method/coefficients.ts';
import { PARTS, type PartId } from './method/parts.ts';

/** The parts of one zone in each scenario. */
export type ZoneParts = Readonly<Record<PartId, Readonly<Record<Scenario, number | null>>>>;

/** A zone and its parts. */
export interface ZonePartsRow {
  readonly zone: string;
  readonly zone_nom: string;
  readonly parts: ZoneParts;
}

/** Values of the parts that do not add up (the same in every scenario), for one zone. */
export type NonAdditiveValues = ReadonlyMap<PartId, number | null>;

/**
 * Zones made of communes (an intercommunalité, the territory), with their parts: each additive
 * part is the sum of its communes' (unknown when one commune's is: a population with a gap is no
 * population), each other part is read from `nonAdditive` (computed for the zone itself).
 * `zoneOf` says which zone a commune belongs to. Zones come in code order.
 */
export function rollUp<C extends ZonePartsRow>(
  communes: readonly C[],
  zoneOf: (commune: C) => { readonly zone: string; readonly zone_nom: string },
  nonAdditive: ReadonlyMap<string, NonAdditiveValues>,
): ZonePartsRow[] {
  const sums = new Map<
    string,
    { zone: string; zone_nom: string; parts: Record<string, Record<string, number | null>> }
  >();
  for (const commune of communes) {
    const { zone, zone_nom } = zoneOf(commune);
    let entry = sums.get(zone);
    if (!entry) {
      entry = { zone, zone_nom, parts: {} };
      sums.set(zone, entry);
    }
    for (const part of PARTS) {
      if (!part.additive) continue;
      const sum = (entry.parts[part.id] ??= {});
      for (const scenario of SCENARIOS) {
        const value = commune.parts[part.id][scenario];
        const before = sum[scenario];
        sum[scenario] =
          before === undefined ? value : before === null || value === null ? null : before + value;
      }
    }
  }
  return [...sums.values()]
    .sort((a, b) => (a.zone < b.zone ? -1 : a.zone > b.zone ? 1 : 0))
    .map((entry) => {
      const own = nonAdditive.get(entry.zone);
      if (!own) throw new Error(`Missing non-additive parts for zone ${entry.zone}`);
      for (const part of PARTS) {
        if (part.additive) continue;
        const value = own.get(part.id);
        if (value === undefined) throw new Error(`Missing ${part.id} for zone ${entry.zone}`);
        entry.parts[part.id] = { bas: value, central: value, haut: value };
      }
      return entry as ZonePartsRow;
    });
}
