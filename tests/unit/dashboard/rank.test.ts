import { describe, expect, it } from 'vitest';

import { rankOf } from '../../../src/dashboard/rank.ts';

describe('rankOf', () => {
  const values = new Map<string, number | null>([
    ['a', 10],
    ['b', 30],
    ['c', 30],
    ['d', null],
    ['e', 5],
  ]);

  it('ranks by decreasing value, ties sharing the best rank, zones without value left out', () => {
    expect(['b', 'c', 'a', 'e'].map((code) => rankOf(values, code)?.rank)).toEqual([1, 1, 3, 4]);
    expect(rankOf(values, 'a')).toEqual({ rank: 3, total: 4, percentile: 1 / 3 });
    expect(rankOf(values, 'b')?.percentile).toBe(2 / 3);
    expect(rankOf(values, 'e')?.percentile).toBe(0);
  });

  it('has no rank when every zone has the same value (nothing to rank), one zone alone ranking first', () => {
    const tie = new Map<string, number | null>([
      ['a', 0],
      ['b', 0],
      ['c', null],
    ]);
    expect(rankOf(tie, 'a')).toBeNull();
    expect(rankOf(tie, 'b')).toBeNull();
    expect(rankOf(new Map([['a', 0]]), 'a')).toEqual({ rank: 1, total: 1, percentile: 1 });
  });

  it('has no rank without a value', () => {
    expect(rankOf(values, 'd')).toBeNull();
    expect(rankOf(values, 'z')).toBeNull();
  });
});
