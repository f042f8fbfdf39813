/**
 * Secrecy of the public product (src/indicators/public/suppression.ts) on small tables worked out
 * by hand: the three primary rules, then secondary suppression along one margin, across two
 * margins, through a combination of margins that no single equation shows, and through the zeros
 * that non-negativity gives away.
 */
import { beforeAll, describe, expect, it } from 'vitest';

import { loadForcedZeros } from '../../../src/indicators/public/forced-zeros.ts';

import {
  determinedCells,
  everyMaskedZero,
  maskTable,
  primaryReason,
  type MarginEquation,
  type MaskReason,
  type SecrecyInput,
  type TierRules,
  type ZeroOracle,
} from '../../../src/indicators/public/suppression.ts';

/** One measure (index 0): a count of exchanges, never below zero. */
const GENERAL: TierRules = { threshold: 3, measures: [0], nonNegative: [0], costMeasure: 0 };
const PEOPLE: TierRules = { ...GENERAL, threshold: 11 };

/** A cell of `associations` associations, value `value`, whose largest contribution is `largest`. */
const cell = (associations: number, value: number, largest = 0): SecrecyInput => ({
  associations,
  values: [value],
  magnitudes: [[{ total: value, largest }]],
});

/** The indexes of the masked cells. */
const maskedOf = (mask: readonly (MaskReason | null)[]) =>
  mask.flatMap((reason, i) => (reason === null ? [] : [i]));

describe('primary masks', () => {
  it('frequency: a cell of 1 or 2 associations is masked; 0 (a known zero) and 3 are not', () => {
    expect([0, 1, 2, 3].map((n) => primaryReason(cell(n, 10, 1), GENERAL))).toEqual([
      null,
      'frequence',
      'frequence',
      null,
    ]);
  });

  it('dominance: one association above 85 % of the cell masks it; exactly 85 % does not', () => {
    expect(primaryReason(cell(5, 100, 86), GENERAL)).toBe('dominance');
    expect(primaryReason(cell(5, 100, 85), GENERAL)).toBeNull();
    // A balance is checked term by term: 90 − 80 = 10 where one association holds 70 of the 90.
    const balance = (largest: number): SecrecyInput => ({
      associations: 5,
      values: [10],
      magnitudes: [
        [
          { total: 90, largest },
          { total: 80, largest: 20 },
        ],
      ],
    });
    expect(primaryReason(balance(70), GENERAL)).toBeNull();
    expect(primaryReason(balance(77), GENERAL)).toBe('dominance');
  });

  it('threshold of 11: figures that count people need 11 associations', () => {
    expect(primaryReason(cell(10, 100, 10), PEOPLE)).toBe('seuil-11');
    expect(primaryReason(cell(11, 100, 10), PEOPLE)).toBeNull();
    expect(primaryReason(cell(10, 100, 10), GENERAL)).toBeNull();
  });

  it('an unknown figure behind exchanges is masked, never published as zero', () => {
    expect(primaryReason({ associations: 4, values: [null], magnitudes: [[]] }, GENERAL)).toBe(
      'non-renseigne',
    );
  });
});

describe('secondary suppression', () => {
  it('along one margin: the published cell of smallest value is masked with the secret one', () => {
    // 0 = 1 + 2 + 3 (a total of three communes); commune 1 rests on two associations.
    const cells = [cell(9, 30), cell(2, 4), cell(4, 6), cell(5, 20)];
    const equations: MarginEquation[] = [{ total: 0, parts: [1, 2, 3] }];
    const mask = maskTable(cells, equations, GENERAL);
    expect(mask).toEqual([null, 'frequence', 'secondaire', null]);
  });

  it('across two margins: one secret cell of a 2 × 2 table takes the four inner cells', () => {
    //        c1   c2   rows
    //   r1   x11  x12  r1          x11 = 1 (2 associations), x12 = 5, x21 = 6, x22 = 50
    //   r2   x21  x22  r2          r1 = 6, r2 = 56, c1 = 7, c2 = 55, g = 62
    //   cols c1   c2   g
    const [x11, x12, x21, x22, r1, r2, c1, c2, g] = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;
    const cells = [cell(2, 1), cell(4, 5), cell(4, 6), cell(9, 50), cell(5, 6), cell(9, 56), cell(5, 7)];
    cells.push(cell(9, 55), cell(12, 62));
    const equations: MarginEquation[] = [
      { total: r1, parts: [x11, x12] },
      { total: r2, parts: [x21, x22] },
      { total: c1, parts: [x11, x21] },
      { total: c2, parts: [x12, x22] },
      { total: g, parts: [r1, r2] },
      { total: g, parts: [c1, c2] },
    ];
    const mask = maskTable(cells, equations, GENERAL);
    expect(maskedOf(mask)).toEqual([x11, x12, x21, x22]);
    expect(mask[x11]).toBe('frequence');
    // Each inner cell can move by t, ±t on its neighbours: none is determined.
    expect(determinedCells(equations, new Set(maskedOf(mask)))).toEqual(new Set());
  });

  it('through a combination of margins: a cell no single equation gives away is found and protected', () => {
    // A 4 × 4 table with row totals, column totals and the grand total. Masked: two 2 × 2 cycles
    // (x11 x12 x21 x22 and x33 x34 x43 x44) joined by x13. Every row and column holds two masked
    // cells or more, yet x13 = r1 + r2 − c1 − c2 (rows 1–2 minus columns 1–2) is determined.
    const at = (r: number, c: number) => r * 4 + c;
    const rowTotal = (r: number) => 16 + r;
    const colTotal = (c: number) => 20 + c;
    const grand = 24;
    const equations: MarginEquation[] = [];
    for (let r = 0; r < 4; r++)
      equations.push({ total: rowTotal(r), parts: [0, 1, 2, 3].map((c) => at(r, c)) });
    for (let c = 0; c < 4; c++)
      equations.push({ total: colTotal(c), parts: [0, 1, 2, 3].map((r) => at(r, c)) });
    equations.push({ total: grand, parts: [0, 1, 2, 3].map(rowTotal) });
    equations.push({ total: grand, parts: [0, 1, 2, 3].map(colTotal) });
    const secret = [at(0, 0), at(0, 1), at(1, 0), at(1, 1), at(2, 2), at(2, 3), at(3, 2), at(3, 3), at(0, 2)];
    expect(determinedCells(equations, new Set(secret))).toEqual(new Set([at(0, 2)]));
    // Every cell holds 3 associations and a value of 10; the secret ones are masked from the start.
    const cells = Array.from({ length: 25 }, () => cell(3, 10));
    const forced = new Map(secret.map((i) => [i, 'frequence' as const]));
    const mask = maskTable(cells, equations, GENERAL, forced);
    const masked = new Set(maskedOf(mask));
    expect(masked.size).toBeGreaterThan(secret.length);
    expect(determinedCells(equations, masked)).toEqual(new Set());
  });

  it('non-negativity: masked parts of a known total that add up to zero are zero, and what they pin is protected', () => {
    // 0 = 1 + 2 (x1 = 5 secret, x2 = 0 masked), 3 = 2 + 4 (total 0 published, x4 = 0 masked).
    // The total 3 is 0, so x2 = x4 = 0, and then x1 = total 0 − 0: determined though every
    // equation holds two masked cells.
    const cells = [cell(9, 5), cell(2, 5), cell(2, 0), cell(3, 0), cell(2, 0), cell(4, 7), cell(6, 12)];
    const values = [5, 5, 0, 0, 0, 7, 12];
    const equations: MarginEquation[] = [
      { total: 0, parts: [1, 2] },
      { total: 3, parts: [2, 4] },
      { total: 6, parts: [0, 5] },
    ];
    const primary = new Set([1, 2, 4]);
    expect(determinedCells(equations, primary)).toEqual(new Set());
    const zeros = forcedZeros(equations, primary, values);
    expect(zeros).toEqual(new Set([2, 4]));
    expect(determinedCells(equations, primary, zeros)).toEqual(new Set([1]));
    // The audit masks the total of x1's equation's neighbour so that x1 can move again.
    for (const oracle of [forcedZeros, everyMaskedZero]) {
      const masked = new Set(maskedOf(maskTable(cells, equations, GENERAL, new Map(), oracle)));
      expect([...masked].sort()).toEqual([0, 1, 2, 4, 5]);
      expect(determinedCells(equations, masked, oracle(equations, masked, values))).toEqual(new Set());
    }
  });

  it('non-negativity: a zero no single equation proves, under a masked total with published parts', () => {
    // P = a + z (P = 5 published; a = 5 and z = 0 masked) and a = b + c (b = 5 published, c = 0
    // masked). Together: 5 = 5 + c + z, so c + z = 0 and both are zero; then a = b + 0 = 5. No
    // equation alone shows it: the one with a known total has masked parts adding up to 5, the
    // other has a masked total. The linear program finds both zeros.
    const [P, a, z, b, c] = [0, 1, 2, 3, 4] as const;
    const values = [5, 5, 0, 5, 0];
    const cells = [cell(6, 5), cell(2, 5), cell(1, 0), cell(4, 5), cell(2, 0)];
    const equations: MarginEquation[] = [
      { total: P, parts: [a, z] },
      { total: a, parts: [b, c] },
    ];
    const primary = new Set([a, z, c]);
    expect(determinedCells(equations, primary)).toEqual(new Set());
    expect(forcedZeros(equations, primary, values)).toEqual(new Set([z, c]));
    expect(determinedCells(equations, primary, new Set([z, c]))).toEqual(new Set([a]));
    // The audit masks one more cell next to a (P or b, both of value 5), and a moves again.
    const mask = maskTable(cells, equations, GENERAL, new Map(), forcedZeros);
    const masked = new Set(maskedOf(mask));
    expect(masked.size).toBe(4);
    expect(mask[P] === 'secondaire' || mask[b] === 'secondaire').toBe(true);
    expect(determinedCells(equations, masked, forcedZeros(equations, masked, values))).toEqual(new Set());
  });
});

describe('the zero oracle on real-valued figures', () => {
  it('reads dependent margins whose sums differ in the last digit as the same sum', () => {
    // P = a + b + z + c and Q = a + b + z + d with a, b, z masked: both give a + b + z, whose two
    // floating-point sums (1234.5700000000070 and 1234.5699999999999) once made the program
    // infeasible (review of issue 14). z can rise as a falls: it is not a proved zero.
    const [a, b, z, c, d] = [1234.56, 0.01, 0, 98765.43, 0.07];
    const values = [a, b, z, c, d, a + b + c, a + b + d];
    const equations: MarginEquation[] = [
      { total: 5, parts: [0, 1, 2, 3] },
      { total: 6, parts: [0, 1, 2, 4] },
    ];
    expect(forcedZeros(equations, new Set([0, 1, 2]), values)).toEqual(new Set());
  });

  it('proves a zero at a known floor: a count no lower than the exchanges listed one by one', () => {
    // T = x + y (T = 7 published), x ≥ 4 and y ≥ 3 known from the list: both at their floor.
    const equations: MarginEquation[] = [{ total: 0, parts: [1, 2] }];
    expect(forcedZeros(equations, new Set([1, 2]), [7, 4, 3], [0, 4, 3])).toEqual(new Set([1, 2]));
    expect(forcedZeros(equations, new Set([1, 2]), [7, 4, 3], [0, 4, 2])).toEqual(new Set());
  });
});

let forcedZeros: ZeroOracle;
beforeAll(async () => {
  forcedZeros = await loadForcedZeros();
});
