import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  ALL_FAMILIES,
  CellIndex,
  FAMILY_KEYS,
  publicPeriods,
  type FamilyKey,
  type PublicZone,
} from '../../../src/indicators/public/granularities.ts';
import { loadForcedZeros } from '../../../src/indicators/public/forced-zeros.ts';
import {
  everyMaskedZero,
  maskTable,
  type SecrecyInput,
  type ZeroOracle,
} from '../../../src/indicators/public/suppression.ts';
import { attackerKnowledge, feasibleInterval, loadSolver, type Highs } from '../../support/lp-attack.ts';

/*
 * The masks against an attacker with a linear-programming solver, on many small random tables
 * (4 communes in 2 intercommunalités, 2 quarters, every family), rather than the one generated
 * territory of tests/sql/public-product.sql.test.ts: for every masked cell whose true value is not
 * zero, the least and greatest values consistent with the published cells, every margin and
 * non-negativity must differ. Many cells of one measure are zero (as matter avoided or hours are
 * where nobody lends equipment or volunteers): a zero under a masked total with published parts
 * once let an attacker pin its neighbour (review of issue 14). Both zero oracles are attacked: the
 * build's (zeros proved by a linear program) and the default (every masked zero); an audit that
 * ignores non-negativity is attacked too, and must be beaten somewhere, or the attack proves nothing.
 */

let highs: Highs;
let forcedZeros: ZeroOracle;
beforeAll(async () => {
  highs = await loadSolver();
  forcedZeros = await loadForcedZeros();
});

const ZONES: readonly PublicZone[] = [
  { code: 'c1', nom: 'c1', niveau: 'commune', parent: 'E1' },
  { code: 'c2', nom: 'c2', niveau: 'commune', parent: 'E1' },
  { code: 'c3', nom: 'c3', niveau: 'commune', parent: 'E2' },
  { code: 'c4', nom: 'c4', niveau: 'commune', parent: 'E2' },
  { code: 'E1', nom: 'E1', niveau: 'epci', parent: 'T' },
  { code: 'E2', nom: 'E2', niveau: 'epci', parent: 'T' },
  { code: 'T', nom: 'T', niveau: 'territoire', parent: null },
];
const PERIODS = publicPeriods({ start: '2024-01-01', end: '2024-06-30' });
const INDEX = new CellIndex(ZONES, PERIODS);
const EQUATIONS = INDEX.equations();
const FAMILIES = FAMILY_KEYS.filter((f) => f !== ALL_FAMILIES);
const QUARTERS = PERIODS.filter((p) => p.kind === 'trimestre');
const COMMUNES = ZONES.filter((z) => z.niveau === 'commune');

/** A zone or period and every one above it. */
function upwards<T extends { parent: string | null }>(
  items: readonly T[],
  key: (t: T) => string,
  start: string,
) {
  const chain: string[] = [];
  for (let item = items.find((i) => key(i) === start); item;) {
    chain.push(key(item));
    const parent = item.parent;
    item = parent === null ? undefined : items.find((i) => key(i) === parent);
  }
  return chain;
}

/** One leaf cell (commune × quarter × family): associations, exchanges, matter and its largest share. */
const leafArbitrary = fc.record({
  associations: fc.oneof(
    { arbitrary: fc.constant(0), weight: 3 },
    { arbitrary: fc.integer({ min: 1, max: 8 }), weight: 7 },
  ),
  exchangesPerAssociation: fc.integer({ min: 1, max: 3 }),
  matter: fc.oneof(
    { arbitrary: fc.constant(0), weight: 4 },
    { arbitrary: fc.integer({ min: 1, max: 100 }), weight: 6 },
  ),
  dominated: fc.oneof(
    { arbitrary: fc.constant(true), weight: 2 },
    { arbitrary: fc.constant(false), weight: 8 },
  ),
});

type Leaf = { associations: number; exchangesPerAssociation: number; matter: number; dominated: boolean };

/** A table of leaves, summed up every margin as the product sums them. */
function table(leaves: readonly Leaf[]) {
  const n = INDEX.keys.length;
  const associations = new Array<number>(n).fill(0);
  const exchanges = new Array<number>(n).fill(0);
  const matter = new Array<number>(n).fill(0);
  const largest = new Array<number>(n).fill(0);
  let next = 0;
  for (const commune of COMMUNES)
    for (const quarter of QUARTERS)
      for (const family of FAMILIES) {
        const leaf = leaves[next++ % leaves.length];
        if (!leaf || leaf.associations === 0) continue;
        const values = {
          associations: leaf.associations,
          exchanges: leaf.associations * leaf.exchangesPerAssociation,
          matter: leaf.matter,
          largest: leaf.matter * (leaf.dominated ? 0.9 : 0.4),
        };
        for (const zone of upwards(ZONES, (z) => z.code, commune.code))
          for (const period of upwards(PERIODS, (p) => p.key, quarter.key))
            for (const f of [family, ALL_FAMILIES] as FamilyKey[]) {
              const i = INDEX.of(zone, period, f);
              associations[i] = (associations[i] ?? 0) + values.associations;
              exchanges[i] = (exchanges[i] ?? 0) + values.exchanges;
              matter[i] = (matter[i] ?? 0) + values.matter;
              largest[i] = Math.max(largest[i] ?? 0, values.largest);
            }
      }
  return { associations, measures: [exchanges, matter], largest };
}

/** The masks of a random table under `zeros`, and the masked non-zero cells an attacker pins. */
function attack(list: readonly Leaf[], zeros: ZeroOracle): string[] {
  const { associations, measures, largest } = table(list);
  const cells: SecrecyInput[] = associations.map((a, i) => ({
    associations: a,
    values: measures.map((m) => m[i] ?? 0),
    magnitudes: [
      [{ total: measures[0]?.[i] ?? 0, largest: 0 }],
      [{ total: measures[1]?.[i] ?? 0, largest: largest[i] ?? 0 }],
    ],
  }));
  const rules = { threshold: 3, measures: [0, 1], nonNegative: [0, 1], costMeasure: 0 };
  const mask = maskTable(cells, EQUATIONS, rules, new Map(), zeros);
  const masked = new Set(mask.flatMap((reason, i) => (reason === null ? [] : [i])));
  const pinned: string[] = [];
  for (const truth of measures) {
    // Every margin, as equations (these measures are sums); every figure non-negative.
    const known = attackerKnowledge(EQUATIONS, truth, false);
    const published = truth.map((v, i) => (masked.has(i) ? null : v));
    for (const cell of masked) {
      if ((truth[cell] ?? 0) === 0) continue;
      const { min, max } = feasibleInterval(highs, cell, known, published, { nonNegative: true });
      if (max - min <= 1e-6) pinned.push(`${JSON.stringify(INDEX.keys[cell])} = ${truth[cell]}`);
    }
  }
  return pinned;
}

const tables = fc.array(leafArbitrary, { minLength: 64, maxLength: 64 });
const RUNS = { numRuns: 30, seed: 20261126 } as const;
/** Two linear programs per masked cell, 30 tables: seconds alone, far more on a loaded machine. */
const LP_TIMEOUT = 300_000;

describe('the public masks against a linear-programming attacker', () => {
  it(
    'leave every non-zero masked value of random small tables a range (zeros proved by a linear program)',
    () => {
      fc.assert(
        fc.property(tables, (list) => {
          expect(attack(list, forcedZeros)).toEqual([]);
        }),
        RUNS,
      );
    },
    LP_TIMEOUT,
  );

  it(
    'leave every non-zero masked value of random small tables a range (every masked zero known)',
    () => {
      fc.assert(
        fc.property(tables, (list) => {
          expect(attack(list, everyMaskedZero)).toEqual([]);
        }),
        RUNS,
      );
    },
    LP_TIMEOUT,
  );

  it(
    'are beaten when non-negativity is ignored: the attack has teeth',
    () => {
      const noZeros: ZeroOracle = () => new Set();
      const beaten = fc.sample(tables, RUNS).filter((list) => attack(list, noZeros).length > 0);
      expect(beaten.length).toBeGreaterThan(0);
    },
    LP_TIMEOUT,
  );
});

describe('counts made whole in every period they overlap', () => {
  // One zone, two quarters. Families « locaux » and « materiel » each hold 5 exchanges that all
  // run through both quarters: counted 5 in T1, 5 in T2, 5 (not 10) in the year. One large
  // exchange, mostly in T1, dominates the matter avoided of T1, the year and the whole period. An
  // attacker who knows the method knows each period's count lies between its largest quarter and
  // the sum of its quarters (review of issue 14: these bounds pinned all six masked counts at 5).
  const periods = publicPeriods({ start: '2024-01-01', end: '2024-06-30' });
  const index = new CellIndex([{ code: 'T', nom: 'T', niveau: 'territoire', parent: null }], periods);
  const equations = index.equations();
  const data: Record<string, Partial<Record<FamilyKey, readonly [number, number, number]>>> = {
    // [exchanges, matter, largest contribution to matter]
    '2024-T1': { locaux: [5, 920, 900], materiel: [5, 920, 900], toutes: [10, 1840, 900] },
    '2024-T2': { locaux: [5, 120, 100], materiel: [5, 120, 100], toutes: [10, 240, 100] },
    '2024': { locaux: [5, 1040, 1000], materiel: [5, 1040, 1000], toutes: [10, 2080, 1000] },
    ensemble: { locaux: [5, 1040, 1000], materiel: [5, 1040, 1000], toutes: [10, 2080, 1000] },
  };
  const cells: SecrecyInput[] = index.keys.map((k) => {
    const d = data[k.periode]?.[k.famille];
    return d
      ? {
          associations: 6,
          values: [d[0], d[1]],
          magnitudes: [[{ total: d[0], largest: 0 }], [{ total: d[1], largest: d[2] }]],
        }
      : { associations: 0, values: [0, 0], magnitudes: [[], []] };
  });
  const counts = cells.map((c) => c.values[0] ?? 0);

  /** The masked counts an attacker pins, with the margins as sums except period ones, as bounds. */
  function pinnedCounts(masked: ReadonlySet<number>): string[] {
    const known = attackerKnowledge(equations, counts, true);
    const published = counts.map((v, i) => (masked.has(i) ? null : v));
    const pinned: string[] = [];
    for (const cell of masked) {
      const { min, max } = feasibleInterval(highs, cell, known, published, { nonNegative: true });
      if (max - min <= 1e-6) pinned.push(JSON.stringify(index.keys[cell]));
    }
    return pinned;
  }

  const rules = { threshold: 3, measures: [0, 1], nonNegative: [0, 1], costMeasure: 0 };
  const maskedBy = (wholeInEachPeriod: readonly number[]) => {
    const mask = maskTable(cells, equations, { ...rules, wholeInEachPeriod }, new Map(), forcedZeros);
    return new Set(mask.flatMap((reason, i) => (reason === null ? [] : [i])));
  };

  it('keeps every masked count free when the audit reads period margins as bounds', () => {
    const masked = maskedBy([0]);
    expect(masked.size).toBeGreaterThan(0);
    expect(pinnedCounts(masked)).toEqual([]);
  });

  it('loses them when period margins are read as sums only: the attack has teeth', () => {
    expect(pinnedCounts(maskedBy([])).length).toBeGreaterThan(0);
  });
});
