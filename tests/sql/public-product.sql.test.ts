/**
 * The attack on the public product (issue 14): on the cells built from a generated territory
 * (8 communes, one year: quarters, the year, the whole period; four families and all), an
 * attacker who holds every published cell and knows every margin (communes → intercommunalité →
 * territory, quarters → year → whole period, families → all) tries to recover each masked value.
 * Any combination of published cells is a linear combination of those margin equations, so the
 * strongest attack is a linear program over all of them: for each masked cell with a non-zero
 * value, minimise and maximise it subject to every margin the true figures satisfy, and for the
 * counts an exchange adds to whole in every period it overlaps (exchanges, beneficiaries), each
 * period's total between its largest part and the sum of its parts (bounds the method page gives
 * away), and to non-negativity for figures that cannot be negative — in each published scenario
 * (central, low, high). Solved with HiGHS. The cell is protected when the interval has a positive
 * width.
 *
 * The same attack on the product without secondary suppression succeeds, as in the issue:
 * « all families » minus the other families gives a masked family's exact value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openNodeRunner } from '../../src/data/duckdb-node.ts';
import { loadDataset } from '../../src/data/load-dataset.ts';
import { folderDatasetReader } from '../../src/data/node-dataset-reader.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { loadForcedZeros } from '../../src/indicators/public/forced-zeros.ts';
import { ALL_FAMILIES, FAMILIES, type CellIndex } from '../../src/indicators/public/granularities.ts';
import { PUBLIC_MEASURES, STATUS_COLUMNS } from '../../src/indicators/public/measures.ts';
import { computeRawCells, type RawCell } from '../../src/indicators/public/public-cells.ts';
import {
  cellRows,
  consentedCounts,
  maskTiers,
  publicExchanges,
  type PublicCellRow,
} from '../../src/indicators/public/public-product.ts';
import { maskTable, type Mask } from '../../src/indicators/public/suppression.ts';
import { generateDemo } from '../support/demo.ts';
import { attackerKnowledge, feasibleInterval, loadSolver, type Highs } from '../support/lp-attack.ts';

/** Two linear programs per masked cell: a few seconds per figure alone, more on a busy machine. */
const LP_TIMEOUT = 300_000;

let runner: QueryRunner;
let highs: Highs;
let index: CellIndex;
let cells: RawCell[];
let rows: PublicCellRow[];

beforeAll(async () => {
  const { folder } = await generateDemo({
    communes: 8,
    associations: 400,
    exchanges: 1500,
    periodStart: '2024-01-01',
    periodEnd: '2024-12-31',
    programmeStart: '2024-04-01',
  });
  runner = await openNodeRunner();
  const manifest = await loadDataset(runner, folderDatasetReader(folder));
  ({ index, cells } = await computeRawCells(runner, manifest.period));
  const consented = consentedCounts(index, await publicExchanges(runner));
  rows = cellRows(index, cells, maskTiers(cells, index, await loadForcedZeros(), consented));
  highs = await loadSolver();
}, 900_000);

afterAll(async () => {
  await runner.close();
});

type Scenario = 'central' | 'bas' | 'haut';

/** The true value of a measure in every cell, in a scenario (an unknown figure of an empty cell is 0). */
const truthOf = (m: number, scenario: Scenario = 'central') =>
  cells.map((c) => c.figures[m]?.[scenario] ?? 0);

/**
 * Masked cells with a non-zero value whose value (in `scenario`) the attacker pins exactly; with
 * `lower`, the attacker also knows a lower bound of each cell, and cells whose value is that bound
 * are not counted (they hold nothing the attacker did not know).
 */
function recovered(
  mask: Mask,
  m: number,
  lower: readonly number[] = [],
  scenario: Scenario = 'central',
): { cell: number; truth: number; min: number; max: number }[] {
  const measure = PUBLIC_MEASURES[m];
  if (!measure) throw new Error(`No measure ${m}`);
  const truth = truthOf(m, scenario);
  const published = truth.map((v, i) => (mask[i] === null ? v : null));
  const known = attackerKnowledge(index.equations(), truth, measure.wholeInEachPeriod);
  const found = [];
  for (const [cell, value] of truth.entries()) {
    if (published[cell] !== null || Math.abs(value - (lower[cell] ?? 0)) < 1e-9) continue;
    const { min, max } = feasibleInterval(highs, cell, known, published, {
      nonNegative: measure.nonNegative,
      lower,
    });
    // The true value is feasible: the model is the attacker's true knowledge.
    expect(min).toBeLessThanOrEqual(value + 1e-6 * (1 + Math.abs(value)));
    expect(max).toBeGreaterThanOrEqual(value - 1e-6 * (1 + Math.abs(value)));
    if (max - min <= 1e-6 * (1 + Math.abs(value))) found.push({ cell, truth: value, min, max });
  }
  return found;
}

/** The published product's mask for a measure, read back from the shipped rows. */
function shippedMask(m: number): Mask {
  const measure = PUBLIC_MEASURES[m];
  if (!measure) throw new Error(`No measure ${m}`);
  return rows.map((row) => {
    const status = row[STATUS_COLUMNS[measure.tier]];
    return status === 'publie' ? null : 'secondaire';
  });
}

describe('the public product resists a linear attack', () => {
  it('has masked cells to attack, and publishes no figure for them', () => {
    const masked = rows.filter((r) => r['statut'] !== 'publie');
    expect(masked.length).toBeGreaterThan(20);
    // Each figure is shown only where its tier's status says published.
    for (const row of rows)
      for (const m of PUBLIC_MEASURES)
        if (row[STATUS_COLUMNS[m.tier]] !== 'publie') expect(row[m.column], m.id).toBeNull();
    // Secondary masks were needed: more cells are secret than the primary rules mask.
    const general = PUBLIC_MEASURES.flatMap((x, i) => (x.tier === 'general' ? [i] : []));
    const primary = maskTable(cells, [], {
      threshold: 3,
      measures: general,
      nonNegative: [],
      costMeasure: 0,
    });
    expect(masked.length).toBeGreaterThan(primary.filter((r) => r !== null).length);
    expect(new Set(rows.map((r) => r['statut']))).toEqual(new Set(['publie', 'secret']));
    // Each published cell's figures are the method's: the territory's whole-period exchanges.
    const all = rows.find(
      (r) => r['zone'] === 'territoire' && r['periode'] === 'ensemble' && r['famille'] === ALL_FAMILIES,
    );
    expect(all?.['statut']).toBe('publie');
    expect(all?.['echanges']).toBe(
      cells[index.of('territoire', 'ensemble', ALL_FAMILIES)]?.figures[0]?.central,
    );
  });

  for (const [m, measure] of PUBLIC_MEASURES.entries()) {
    it(
      `recovers no masked value of « ${measure.id} », central, low or high (LP min/max over every margin)`,
      () => {
        for (const scenario of ['central', 'bas', 'haut'] as const)
          expect(recovered(shippedMask(m), m, [], scenario), scenario).toEqual([]);
      },
      LP_TIMEOUT,
    );
  }

  it(
    'recovers no masked count beyond what the consented exchanges listed one by one show',
    async () => {
      // The attacker counts the exchanges of the public list in each cell (credited like the method:
      // the receiver's commune, else the provider's; every period they overlap): a lower bound.
      const exchanges = await publicExchanges(runner);
      const zones = new Map(index.zones.map((z) => [z.code, z]));
      const lower = index.keys.map(() => 0);
      for (const e of exchanges) {
        const receiver = typeof e['beneficiaire_commune'] === 'string' ? e['beneficiaire_commune'] : '';
        const provider = typeof e['fournisseur_commune'] === 'string' ? e['fournisseur_commune'] : '';
        let zone = zones.get(receiver) ?? zones.get(provider);
        const start = String(e['date_debut']);
        const end = typeof e['date_fin'] === 'string' ? e['date_fin'] : start;
        for (; zone; zone = zone.parent === null ? undefined : zones.get(zone.parent)) {
          for (const p of index.periods) {
            if (start > p.end || end < p.start) continue;
            for (const famille of [String(e['famille']), ALL_FAMILIES]) {
              const cell = index.of(zone.code, p.key, famille as keyof typeof FAMILIES);
              lower[cell] = (lower[cell] ?? 0) + 1;
            }
          }
        }
      }
      const m = PUBLIC_MEASURES.findIndex((x) => x.id === 'echanges');
      const truth = truthOf(m);
      // The bounds are right: never above the true count, and the list is not empty.
      expect(truth.every((v, i) => (lower[i] ?? 0) <= v)).toBe(true);
      expect(exchanges.length).toBeGreaterThan(0);
      expect(recovered(shippedMask(m), m, lower)).toEqual([]);
    },
    LP_TIMEOUT,
  );

  it(
    'without secondary suppression, « all families » minus the other families gives masked values away',
    () => {
      const m = PUBLIC_MEASURES.findIndex((x) => x.id === 'echanges');
      const general = PUBLIC_MEASURES.flatMap((x, i) => (x.tier === 'general' ? [i] : []));
      const rules = { threshold: 3, measures: general, nonNegative: [m], costMeasure: m };
      const primaryOnly = maskTable(cells, [], rules);
      const truth = truthOf(m);
      // The subtraction, by hand: one masked family in a zone × period, the total published.
      let subtracted = 0;
      for (const zone of index.zones) {
        for (const period of index.periods) {
          const total = index.of(zone.code, period.key, ALL_FAMILIES);
          const parts = Object.keys(FAMILIES).map((f) =>
            index.of(zone.code, period.key, f as keyof typeof FAMILIES),
          );
          const hidden = parts.filter((p) => primaryOnly[p] !== null);
          if (primaryOnly[total] !== null || hidden.length !== 1) continue;
          const [cell] = hidden as [number];
          const guess =
            (truth[total] ?? 0) - parts.filter((p) => p !== cell).reduce((s, p) => s + (truth[p] ?? 0), 0);
          expect(guess).toBe(truth[cell]);
          subtracted++;
        }
      }
      expect(subtracted).toBeGreaterThan(0);
      // The linear program finds at least those.
      expect(recovered(primaryOnly, m).length).toBeGreaterThanOrEqual(subtracted);
    },
    LP_TIMEOUT,
  );
});
