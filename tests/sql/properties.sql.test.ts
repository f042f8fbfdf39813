import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SCENARIOS } from '../../src/data/method/coefficients.ts';
import { openNodeRunner } from '../../src/data/duckdb-node.ts';
import { loadDataset } from '../../src/data/load-dataset.ts';
import type { DatasetManifest } from '../../src/data/manifest.ts';
import { folderDatasetReader } from '../../src/data/node-dataset-reader.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { RESOURCE_TYPES } from '../../src/data/schema/index.ts';
import { PARTS } from '../../src/indicators/method/parts.ts';
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

/** Random filters: a period within the dataset's, some resource types, a side. */
const filtersArbitrary = fc
  .record({
    start: fc.integer({ min: 0, max: 1400 }),
    length: fc.integer({ min: 0, max: 1460 }),
    types: fc.subarray([...RESOURCE_TYPES]),
    side: fc.constantFrom('beneficiaire' as const, 'fournisseur' as const),
  })
  .map(({ start, length, types, side }): IndicatorFilters => {
    const day = (offset: number) =>
      new Date(Date.parse('2022-01-01') + offset * 86_400_000).toISOString().slice(0, 10);
    return { period: { start: day(start), end: day(Math.min(1460, start + length)) }, types, side };
  });

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

describe('indicator properties on a generated territory, for any period, types and side', () => {
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

  it('keeps rates in [0, 1], low ≤ central ≤ high, and net balance = avoided − transport', async () => {
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
            const v = (id: string) => zone.values[id]?.central ?? 0;
            expect(v('bilan-co2')).toBeCloseTo(
              v('co2-fabrication-evitee') + v('co2-locaux-evite') - v('co2-transport'),
              6,
            );
            expect(v('valeur-totale')).toBeCloseTo(
              v('cout-evite-net') + v('valeur-benevolat') + v('valeur-personnel'),
              6,
            );
          }
        },
      ),
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
