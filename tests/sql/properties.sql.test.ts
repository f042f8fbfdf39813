import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SCENARIOS, type Scenario } from '../../src/data/method/coefficients.ts';
import { openNodeRunner } from '../../src/data/duckdb-node.ts';
import { loadDataset } from '../../src/data/load-dataset.ts';
import type { DatasetManifest } from '../../src/data/manifest.ts';
import { folderDatasetReader } from '../../src/data/node-dataset-reader.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { RESOURCE_TYPES } from '../../src/data/schema/index.ts';
import { QUALITY_TIERS } from '../../src/indicators/filters.ts';
import { PARTS, type PartId } from '../../src/indicators/method/parts.ts';
import {
  INDICATORS,
  runIndicatorTable,
  type IndicatorFilters,
  type ZoneIndicators,
} from '../../src/indicators/registry.ts';
import { generateDemo } from '../support/demo.ts';

let runner: QueryRunner;
let manifest: DatasetManifest;

beforeAll(async () => {
  const demo = await generateDemo({ communes: 24, associations: 900, exchanges: 2500 });
  runner = await openNodeRunner();
  manifest = await loadDataset(runner, folderDatasetReader(demo.folder));
});
afterAll(async () => {
  await runner.close();
});

/** The day `offset` days after 2022-01-01 (the demo's data runs over four years from then). */
function day(offset: number): string {
  return new Date(Date.parse('2022-01-01') + offset * 86_400_000).toISOString().slice(0, 10);
}

/** Resource types, side and lowest quality tier kept (absent: all exchanges). */
const otherFiltersArbitrary = fc.record({
  types: fc.subarray([...RESOURCE_TYPES]),
  side: fc.constantFrom('beneficiaire' as const, 'fournisseur' as const),
  quality: fc.constantFrom(undefined, ...QUALITY_TIERS),
});

/** Random filters: a period within the dataset's, some resource types, a side, a quality tier. */
const filtersArbitrary = fc
  .record({
    start: fc.integer({ min: 0, max: 1400 }),
    length: fc.integer({ min: 0, max: 1460 }),
    other: otherFiltersArbitrary,
  })
  .map(({ start, length, other }): IndicatorFilters => ({
    period: { start: day(start), end: day(Math.min(1460, start + length)) },
    ...other,
  }));

/** Two adjacent periods (the second starts the day after the first ends), and the same other filters. */
const adjacentPeriodsArbitrary = fc.record({
  start: fc.integer({ min: 0, max: 1200 }),
  first: fc.integer({ min: 0, max: 400 }),
  second: fc.integer({ min: 0, max: 400 }),
  other: otherFiltersArbitrary,
});

/**
 * Parts of exchanges spread pro rata over the exchange's days (× part_periode): additive over
 * time. The other parts of exchanges are counted whole in every period an exchange overlaps.
 */
const SPREAD_PARTS: readonly PartId[] = [
  'valeur_marche_declaree',
  'heures_benevoles',
  'etp_annees',
  'valeur_brute',
  'valeur_substituee',
  'cout_transport',
  'energie_locaux',
  'valeur_benevolat',
  'valeur_personnel',
  'personnel_refacture',
  'co2_fabrication',
  'co2_locaux',
  'co2_energie_locaux',
  'co2_transport',
  'matiere_kg',
];
const WHOLE_PARTS: readonly PartId[] = [
  'echanges',
  'echanges_verifies',
  'echanges_confirmes',
  'echanges_recurrents',
  'echanges_valeur_declaree',
  'associations_impliquees',
  'beneficiaires',
  'distance_km',
  'echanges_avec_distance',
];

/** Parts added, minus parts subtracted read in the opposite scenario (low − high). */
function netParts(zone: ZoneIndicators, scenario: Scenario, added: PartId[], subtracted: PartId[]): number {
  const opposite: Scenario = scenario === 'bas' ? 'haut' : scenario === 'haut' ? 'bas' : 'central';
  let total = 0;
  for (const id of added) total += zone.parts[id][scenario] ?? 0;
  for (const id of subtracted) total -= zone.parts[id][opposite] ?? 0;
  return total;
}

async function tables(
  filters: IndicatorFilters,
): Promise<{ communes: ZoneIndicators[]; epcis: ZoneIndicators[]; territory: ZoneIndicators }> {
  const [communes, epcis, [territory]] = await Promise.all([
    runIndicatorTable(runner, INDICATORS, filters, 'commune'),
    runIndicatorTable(runner, INDICATORS, filters, 'epci'),
    runIndicatorTable(runner, INDICATORS, filters, 'territoire'),
  ]);
  if (!territory) throw new Error('no territory row');
  return { communes, epcis, territory };
}

const PROPERTY_RUNS = { numRuns: 12 };

describe('indicator properties on a generated territory, for any period, types, side and quality tier', () => {
  it('adds up: every additive part summed over communes (or intercommunalités) is the territory’s', async () => {
    await fc.assert(
      fc.asyncProperty(filtersArbitrary, async (filters) => {
        const { communes, epcis, territory } = await tables(filters);
        for (const part of PARTS.filter((p) => p.additive && p.id !== 'population')) {
          for (const scenario of SCENARIOS) {
            const whole = territory.parts[part.id][scenario] ?? 0;
            const fromCommunes = communes.reduce((sum, z) => sum + (z.parts[part.id][scenario] ?? 0), 0);
            const fromEpcis = epcis.reduce((sum, z) => sum + (z.parts[part.id][scenario] ?? 0), 0);
            expect(fromCommunes, `${part.id} ${scenario}`).toBeCloseTo(whole, 6);
            expect(fromEpcis, `${part.id} ${scenario}`).toBeCloseTo(whole, 6);
          }
        }
      }),
      PROPERTY_RUNS,
    );
  });

  it('keeps rates in [0, 1], low ≤ central ≤ high, and each net figure = its parts as documented', async () => {
    await fc.assert(
      fc.asyncProperty(
        filtersArbitrary,
        fc.constantFrom('commune' as const, 'epci' as const, 'territoire' as const),
        async (filters, level) => {
          for (const zone of await runIndicatorTable(runner, INDICATORS, filters, level)) {
            for (const indicator of INDICATORS) {
              const { central, bas, haut } = zone.values[indicator.id] ?? {
                central: null,
                bas: null,
                haut: null,
              };
              if (central === null) continue;
              if (indicator.percent) {
                expect(central, `${zone.zone} ${indicator.id}`).toBeGreaterThanOrEqual(0);
                expect(central, `${zone.zone} ${indicator.id}`).toBeLessThanOrEqual(1);
              }
              expect(bas ?? -Infinity, `${zone.zone} ${indicator.id} bas`).toBeLessThanOrEqual(
                central + 1e-9,
              );
              expect(haut ?? Infinity, `${zone.zone} ${indicator.id} haut`).toBeGreaterThanOrEqual(
                central - 1e-9,
              );
            }
            for (const scenario of SCENARIOS) {
              const v = (id: string) => zone.values[id]?.[scenario] ?? null;
              const label = `${zone.zone} ${scenario}`;
              if (v('cout-evite-net') !== null)
                expect(v('cout-evite-net'), `cout-evite-net ${label}`).toBeCloseTo(
                  netParts(zone, scenario, ['valeur_substituee'], ['cout_transport', 'energie_locaux']),
                  6,
                );
              if (v('bilan-co2') !== null)
                expect(v('bilan-co2'), `bilan-co2 ${label}`).toBeCloseTo(
                  netParts(
                    zone,
                    scenario,
                    ['co2_fabrication', 'co2_locaux'],
                    ['co2_energie_locaux', 'co2_transport'],
                  ),
                  6,
                );
              if (v('co2-locaux-evite') !== null)
                expect(v('co2-locaux-evite'), `co2-locaux-evite ${label}`).toBeCloseTo(
                  netParts(zone, scenario, ['co2_locaux'], ['co2_energie_locaux']),
                  6,
                );
              // The re-invoiced part of shared staff never exceeds its cost, in any run.
              expect(
                zone.parts.personnel_refacture[scenario] ?? 0,
                `personnel_refacture ${label}`,
              ).toBeLessThanOrEqual((zone.parts.valeur_personnel[scenario] ?? 0) + 1e-6);
            }
          }
        },
      ),
      PROPERTY_RUNS,
    );
  });

  it('spreads exchanges over time: two adjacent periods add up to their union', async () => {
    // Every part of exchanges is either spread over the exchange's days or counted whole.
    expect(
      PARTS.filter((p) => p.source === 'echanges')
        .map((p) => p.id)
        .sort(),
    ).toEqual([...SPREAD_PARTS, ...WHOLE_PARTS].sort());
    await fc.assert(
      fc.asyncProperty(adjacentPeriodsArbitrary, async ({ start, first, second, other }) => {
        const end1 = start + first;
        const end2 = end1 + 1 + second;
        const run = async (from: number, to: number) => {
          const [zone] = await runIndicatorTable(
            runner,
            INDICATORS,
            { period: { start: day(from), end: day(to) }, ...other },
            'territoire',
          );
          if (!zone) throw new Error('no territory row');
          return zone;
        };
        const [a, b, union] = await Promise.all([run(start, end1), run(end1 + 1, end2), run(start, end2)]);
        for (const id of SPREAD_PARTS) {
          for (const scenario of SCENARIOS) {
            const sum = (a.parts[id][scenario] ?? 0) + (b.parts[id][scenario] ?? 0);
            expect(sum, `${id} ${scenario}`).toBeCloseTo(union.parts[id][scenario] ?? 0, 6);
          }
        }
        // An exchange that straddles the two periods is counted whole in each.
        const count = (zone: ZoneIndicators) => zone.parts.echanges.central ?? 0;
        expect(count(a) + count(b)).toBeGreaterThanOrEqual(count(union));
      }),
      PROPERTY_RUNS,
    );
  });

  it('counts every exchange of the period once for the territory', async () => {
    const [territory] = await runIndicatorTable(
      runner,
      INDICATORS,
      { period: manifest.period },
      'territoire',
    );
    expect(territory?.parts.echanges.central).toBe(manifest.tables.echanges.rows);
  });
});
