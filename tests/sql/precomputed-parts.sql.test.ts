import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SCENARIOS } from '../../src/data/method/coefficients.ts';
import { openNodeRunner } from '../../src/data/duckdb-node.ts';
import { coverageMode } from '../../src/data/coverage.ts';
import { appendImportedRows } from '../../src/data/imported-data.ts';
import { loadDataset } from '../../src/data/load-dataset.ts';
import type { DatasetManifest } from '../../src/data/manifest.ts';
import { folderDatasetReader } from '../../src/data/node-dataset-reader.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { EXCHANGES_TABLE, RESOURCE_TYPES } from '../../src/data/schema/index.ts';
import { QUALITY_TIERS } from '../../src/indicators/filters.ts';
import { runIndicatorLevels, type IndicatorLevels } from '../../src/indicators/indicator-levels.ts';
import { PARTS } from '../../src/indicators/method/parts.ts';
import { INDICATORS, LEVELS, type IndicatorFilters } from '../../src/indicators/registry.ts';
import { generateDemo } from '../support/demo.ts';
import { arrowBytes } from '../support/engine.ts';
import { exchange } from '../support/fixture.ts';

/*
 * The precomputed path (each exchange's values computed once per dataset, intercommunalités and
 * the territory summed from the communes) must give what the raw scan gives — the method run over
 * the exchanges for each level — for any filters, every part, every indicator, every level.
 */

let runner: QueryRunner;
let manifest: DatasetManifest;
let themes: string[];
let funders: string[];

beforeAll(async () => {
  const demo = await generateDemo({ communes: 30, associations: 1200, exchanges: 4000 });
  runner = await openNodeRunner();
  manifest = await loadDataset(runner, folderDatasetReader(demo.folder));
  const themeRows = await runner.query({
    sql: 'SELECT DISTINCT theme_code FROM associations WHERE theme_code IS NOT NULL ORDER BY 1',
    params: [],
  });
  themes = themeRows.map((r) => String(r['theme_code']));
  const funderRows = await runner.query({
    sql: 'SELECT DISTINCT coalesce(idAttribuant, nomAttribuant) AS f FROM subventions WHERE coalesce(idAttribuant, nomAttribuant) IS NOT NULL ORDER BY 1',
    params: [],
  });
  funders = funderRows.map((r) => String(r['f']));
});
afterAll(async () => {
  await runner.close();
});

function day(offset: number): string {
  return new Date(Date.parse('2022-01-01') + offset * 86_400_000).toISOString().slice(0, 10);
}

/** Any filters: a period within the data's four years, types, themes, a funder, side, quality. */
const filtersArbitrary = fc
  .record({
    start: fc.integer({ min: 0, max: 1400 }),
    length: fc.integer({ min: 0, max: 1460 }),
    types: fc.subarray([...RESOURCE_TYPES]),
    themes: fc.subarray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], { maxLength: 3 }),
    funder: fc.option(fc.nat(), { nil: null }),
    side: fc.constantFrom('beneficiaire' as const, 'fournisseur' as const),
    quality: fc.constantFrom(undefined, ...QUALITY_TIERS),
  })
  .map((f): IndicatorFilters => ({
    period: { start: day(f.start), end: day(Math.min(1460, f.start + f.length)) },
    types: f.types,
    themes: f.themes.map((i) => themes[i % themes.length] ?? '').filter(Boolean),
    funder: f.funder === null || funders.length === 0 ? null : funders[f.funder % funders.length],
    side: f.side,
    quality: f.quality,
  }));

/** Equal up to the last digits of a double (sums in another order). */
function same(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function differences(raw: IndicatorLevels, fast: IndicatorLevels): string[] {
  const found: string[] = [];
  for (const level of LEVELS) {
    const expected = raw[level];
    const actual = fast[level];
    expect(actual.map((z) => [z.zone, z.zone_nom])).toEqual(expected.map((z) => [z.zone, z.zone_nom]));
    expected.forEach((zone, i) => {
      const other = actual[i];
      if (!other) return;
      for (const part of PARTS) {
        for (const scenario of SCENARIOS) {
          const [a, b] = [zone.parts[part.id][scenario], other.parts[part.id][scenario]];
          if (!same(a, b)) found.push(`${level} ${zone.zone} ${part.id} ${scenario}: ${a} ≠ ${b}`);
        }
      }
      for (const indicator of INDICATORS) {
        const [a, b] = [zone.values[indicator.id], other.values[indicator.id]];
        for (const key of ['central', 'bas', 'haut'] as const) {
          if (!same(a?.[key] ?? null, b?.[key] ?? null))
            found.push(`${level} ${zone.zone} ${indicator.id} ${key}: ${a?.[key]} ≠ ${b?.[key]}`);
        }
      }
    });
  }
  return found;
}

describe('precomputed path = raw scan', () => {
  it('gives every part and every indicator of every commune, intercommunalité and the territory, for random filters', async () => {
    expect(themes.length).toBeGreaterThan(3);
    expect(funders.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(filtersArbitrary, async (filters) => {
        const raw = await runIndicatorLevels(runner, INDICATORS, filters, 'raw');
        const fast = await runIndicatorLevels(runner, INDICATORS, filters, 'precomputed');
        expect(raw.commune.length).toBe(30);
        expect(differences(raw, fast)).toEqual([]);
      }),
      { numRuns: 10 },
    );
  });

  it('over the whole period with no filter, where every exchange counts', async () => {
    const filters = { period: { start: '2022-01-01', end: '2025-12-31' } };
    const raw = await runIndicatorLevels(runner, INDICATORS, filters, 'raw');
    const fast = await runIndicatorLevels(runner, INDICATORS, filters, 'precomputed');
    expect(raw.territoire[0]?.parts.echanges.central).toBeGreaterThan(3000);
    expect(differences(raw, fast)).toEqual([]);
  });

  it('follows rows added to the dataset, even when the addition fails half-way', async () => {
    const filters = { period: { start: '2022-01-01', end: '2025-12-31' } };
    const before = await runIndicatorLevels(runner, INDICATORS, filters, 'precomputed');
    const [first, second] = await runner.query({
      sql: 'SELECT code_insee FROM communes ORDER BY code_insee LIMIT 2',
      params: [],
    });
    const added = [1, 2, 3].map((i) =>
      exchange(`AJOUT-${i}`, '2024-05-0' + String(i), 1, 2, 'materiel', {
        fournisseur_commune: String(first?.['code_insee']),
        beneficiaire_commune: String(second?.['code_insee']),
      }),
    );
    // The exchanges go in, then the grants table is not Arrow: the addition fails after them.
    await expect(
      appendImportedRows(
        runner,
        new Map([
          ['echanges', arrowBytes(EXCHANGES_TABLE, added)],
          ['subventions', new Uint8Array([1, 2, 3])],
        ]),
        coverageMode(manifest),
      ),
    ).rejects.toThrow();
    const raw = await runIndicatorLevels(runner, INDICATORS, filters, 'raw');
    const fast = await runIndicatorLevels(runner, INDICATORS, filters, 'precomputed');
    expect(raw.territoire[0]?.parts.echanges.central).toBe(
      (before.territoire[0]?.parts.echanges.central ?? 0) + 3,
    );
    expect(differences(raw, fast)).toEqual([]);
  });
});
