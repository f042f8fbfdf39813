import type { QueryRunner } from '../../data/query-runner.ts';
import { partInScenario, PERIOD_FACTS_CTES, queryWithExchangeValues } from '../method/exchange-values.ts';
import { PARTS, type PartId } from '../method/parts.ts';
import { EPCI_NAME_SQL, EPCI_ZONE_SQL, SCOPE_CTES, TERRITORY_ZONE, ZONES_CTE } from '../method/sql-scope.ts';
import { filterParams, type IndicatorFilters } from '../filters.ts';
import { runIndicatorLevels } from '../indicator-levels.ts';
import type { ZoneIndicators } from '../indicator-table.ts';
import { nullableNumberOf, stringOf } from '../read-rows.ts';
import type { IndicatorValue, Period } from '../types.ts';
import {
  ALL_FAMILIES,
  CellIndex,
  FAMILIES,
  FAMILY_KEYS,
  publicPeriods,
  type FamilyKey,
  type PublicZone,
} from './granularities.ts';
import { PUBLIC_MEASURES } from './measures.ts';
import type { Magnitude, SecrecyInput } from './suppression.ts';

/*
 * The cells of the public product before secrecy: every figure of every zone × period × family,
 * with what the secrecy rules read (associations behind the cell, the largest contribution of
 * one association to each figure). The figures come from the method's own queries
 * (runIndicatorLevels, one call per period and family); the contributions from the same part
 * aggregates (parts.ts) over the same period's exchanges, grouped by association instead of zone.
 */

/**
 * A cell's figures (one per published measure, with its range) and its secrecy inputs. Its
 * `values` are the measures' central figures, then their low ones, then their high ones (all
 * three are published, so the secrecy audit checks all three: `scenarioIndex`).
 */
export interface RawCell extends SecrecyInput {
  readonly figures: readonly IndicatorValue[];
}

/** Where measure `m`'s figure of a scenario is in a cell's `values`. */
export function scenarioIndex(m: number, scenario: 'central' | 'bas' | 'haut'): number {
  return m + PUBLIC_MEASURES.length * (scenario === 'central' ? 0 : scenario === 'bas' ? 1 : 2);
}

/** Exchange parts the published measures read. */
const MEASURE_PARTS: readonly PartId[] = [...new Set(PUBLIC_MEASURES.flatMap((m) => m.indicator.parts))];

/**
 * Each association's share of each exchange part, per commune: an exchange counts whole for each
 * of its two ends (an association and its partner each « contribute » the exchange), so the
 * largest contribution is what one association's own declarations account for in the cell.
 */
function contributionsQuery(filters: IndicatorFilters) {
  const aggregates = PARTS.filter((p) => (MEASURE_PARTS as readonly string[]).includes(p.id)).map(
    (p) => `    ${partInScenario(p.sql, 'central')} AS ${p.id}`,
  );
  return {
    sql: `WITH ${ZONES_CTE},
${SCOPE_CTES},
${PERIOD_FACTS_CTES},
bouts AS (
  SELECT f.*, unnest(list_distinct([f.fournisseur_id, f.beneficiaire_id])) AS association_contributrice
  FROM faits f
  WHERE f.zone IS NOT NULL
)
SELECT zone, association_contributrice,
${aggregates.join(',\n')}
FROM bouts
WHERE association_contributrice IS NOT NULL
GROUP BY zone, association_contributrice`,
    params: filterParams(filters, 'commune'),
  };
}

/** The zones of the product: communes, their intercommunalités, the territory. */
export async function publicZones(runner: QueryRunner): Promise<PublicZone[]> {
  const rows = await runner.query({
    sql: `SELECT c.code_insee, c.nom, ${EPCI_ZONE_SQL} AS epci, ${EPCI_NAME_SQL} AS epci_nom
FROM communes c ORDER BY c.code_insee`,
    params: [],
  });
  const epcis = new Map<string, string>();
  const zones: PublicZone[] = rows.map((row) => {
    epcis.set(stringOf(row, 'epci'), stringOf(row, 'epci_nom'));
    return {
      code: stringOf(row, 'code_insee'),
      nom: stringOf(row, 'nom'),
      niveau: 'commune',
      parent: stringOf(row, 'epci'),
    };
  });
  for (const [code, nom] of [...epcis].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    zones.push({ code, nom, niveau: 'epci', parent: TERRITORY_ZONE.zone });
  zones.push({ code: TERRITORY_ZONE.zone, nom: TERRITORY_ZONE.zone_nom, niveau: 'territoire', parent: null });
  return zones;
}

/** The largest contribution of one association to each measure and to each part, in absolute value. */
interface Largest {
  readonly measures: readonly number[];
  readonly parts: ReadonlyMap<PartId, number>;
}

const NO_CONTRIBUTION: Largest = { measures: PUBLIC_MEASURES.map(() => 0), parts: new Map() };

/** The largest contribution of one association, per zone of every level. */
async function largestContributions(
  runner: QueryRunner,
  filters: IndicatorFilters,
  zones: readonly PublicZone[],
): Promise<Map<string, Largest>> {
  const parentOf = new Map(zones.map((z) => [z.code, z.parent]));
  const rows = await queryWithExchangeValues(runner, contributionsQuery(filters));
  // Per zone of each level, per association, the parts summed over the zone's communes.
  const sums = new Map<string, Map<string, Map<PartId, number>>>();
  for (const row of rows) {
    const association = stringOf(row, 'association_contributrice');
    for (let zone: string | null | undefined = stringOf(row, 'zone'); zone; zone = parentOf.get(zone)) {
      let byAssociation = sums.get(zone);
      if (!byAssociation) sums.set(zone, (byAssociation = new Map()));
      let parts = byAssociation.get(association);
      if (!parts) byAssociation.set(association, (parts = new Map()));
      for (const id of MEASURE_PARTS) parts.set(id, (parts.get(id) ?? 0) + (nullableNumberOf(row, id) ?? 0));
    }
  }
  const largest = new Map<string, Largest>();
  for (const [zone, byAssociation] of sums) {
    const measures = PUBLIC_MEASURES.map(() => 0);
    const parts = new Map<PartId, number>();
    for (const own of byAssociation.values()) {
      const read = (id: PartId) => own.get(id) ?? 0;
      for (const [i, m] of PUBLIC_MEASURES.entries()) {
        measures[i] = Math.max(measures[i] ?? 0, Math.abs(m.indicator.value(read, 'central') ?? 0));
      }
      for (const [id, value] of own) parts.set(id, Math.max(parts.get(id) ?? 0, Math.abs(value)));
    }
    largest.set(zone, { measures, parts });
  }
  return largest;
}

/**
 * What the dominance rule reads of a zone's cell: each measure as a whole, or for a balance (a
 * difference) each of its parts.
 */
function magnitudesOf(zone: ZoneIndicators, largest: Largest): Magnitude[][] {
  return PUBLIC_MEASURES.map((m, i) =>
    m.nonNegative
      ? [{ total: Math.abs(zone.values[m.id]?.central ?? 0), largest: largest.measures[i] ?? 0 }]
      : m.indicator.parts.map((id) => ({
          total: Math.abs(zone.parts[id].central ?? 0),
          largest: largest.parts.get(id) ?? 0,
        })),
  );
}

/** Every cell of the product with its figures, before secrecy. */
export async function computeRawCells(
  runner: QueryRunner,
  period: Period,
): Promise<{ index: CellIndex; cells: RawCell[] }> {
  const zones = await publicZones(runner);
  const index = new CellIndex(zones, publicPeriods(period));
  const cells: RawCell[] = new Array<RawCell>(index.keys.length);
  const indicators = PUBLIC_MEASURES.map((m) => m.indicator);
  for (const p of index.periods) {
    for (const famille of FAMILY_KEYS) {
      const filters: IndicatorFilters = {
        period: { start: p.start, end: p.end },
        types: famille === ALL_FAMILIES ? undefined : FAMILIES[famille as Exclude<FamilyKey, 'toutes'>],
      };
      const [levels, largest] = await Promise.all([
        runIndicatorLevels(runner, indicators, filters),
        largestContributions(runner, filters, zones),
      ]);
      for (const zone of [...levels.commune, ...levels.epci, ...levels.territoire]) {
        const figures = PUBLIC_MEASURES.map(
          (m) => zone.values[m.id] ?? { central: null, bas: null, haut: null },
        );
        cells[index.of(zone.zone, p.key, famille)] = {
          associations: zone.parts.associations_impliquees.central ?? 0,
          values: [
            ...figures.map((f) => f.central),
            ...figures.map((f) => f.bas),
            ...figures.map((f) => f.haut),
          ],
          magnitudes: magnitudesOf(zone, largest.get(zone.zone) ?? NO_CONTRIBUTION),
          figures,
        };
      }
    }
  }
  for (const [i, key] of index.keys.entries()) {
    if (!cells[i]) throw new Error(`No figures for ${key.zone} × ${key.periode} × ${key.famille}`);
  }
  return { index, cells };
}
