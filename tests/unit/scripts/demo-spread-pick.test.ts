import { describe, expect, it } from 'vitest';

import type { Xy } from '../../../scripts/demo/geometry.ts';
import { Random } from '../../../scripts/demo/random.ts';
import { spreadPick } from '../../../scripts/demo/spread-pick.ts';

/**
 * The generator's first spreadPick, kept here as the reference: every pick scans every seed. The
 * fast one must pick the same indices and draw the same random numbers, or the demo would change.
 */
function naiveSpreadPick(
  random: Random,
  seeds: readonly Xy[],
  count: number,
  exclude: ReadonlySet<number>,
  minKm: number,
  allowed: (index: number) => boolean = () => true,
): number[] {
  const minDistance = new Float64Array(seeds.length).fill(Infinity);
  const taken = new Set<number>(exclude);
  const update = (j: number): void => {
    const [jx, jy] = seeds[j] as Xy;
    seeds.forEach(([x, y], i) => {
      minDistance[i] = Math.min(minDistance[i] ?? Infinity, Math.hypot(x - jx, y - jy));
    });
  };
  exclude.forEach(update);
  const picked: number[] = [];
  for (let k = 0; k < count && taken.size < seeds.length; k++) {
    const free = seeds.map((_, i) => i).filter((i) => !taken.has(i) && allowed(i));
    if (free.length === 0) break;
    let best: number;
    if (taken.size === 0) {
      best = free.reduce((a, b) =>
        Math.hypot(...(seeds[b] as Xy)) < Math.hypot(...(seeds[a] as Xy)) ? b : a,
      );
    } else {
      const eligible = free.filter((i) => (minDistance[i] ?? 0) >= minKm);
      best =
        eligible.length > 0
          ? random.pick(eligible)
          : free.reduce((a, b) => ((minDistance[b] ?? 0) > (minDistance[a] ?? 0) ? b : a));
    }
    picked.push(best);
    taken.add(best);
    update(best);
  }
  return picked;
}

function scatter(seed: number, count: number, sizeKm: number): Xy[] {
  const random = new Random(seed);
  return Array.from({ length: count }, (): Xy => [
    random.uniform(-sizeKm, sizeKm),
    random.uniform(-sizeKm, sizeKm),
  ]);
}

describe('spreadPick', () => {
  it('takes the seed nearest the centre, then the farthest when none is far enough', () => {
    const seeds: Xy[] = [
      [0, 0],
      [1, 0],
      [3, 0],
      [7, 0],
      [-2, 0],
    ];
    const random = new Random(1);
    // 0 is nearest the centre; 7 km is then the farthest; then 3 km (3 from 0, 4 from 7) beats
    // -2 km (2 from 0) and 1 km (1 from 0).
    expect(spreadPick(random, seeds, 3, new Set(), 100)).toEqual([0, 3, 2]);
    // Nothing was drawn at random.
    expect(random.next()).toBe(new Random(1).next());
  });

  it.each([
    { name: 'towns', n: 900, size: 60, count: 15, minKm: 12, exclude: [] as number[], everyThird: false },
    { name: 'bourgs', n: 900, size: 60, count: 90, minKm: 4, exclude: [5, 17, 400], everyThird: false },
    { name: 'seats among bourgs', n: 700, size: 40, count: 40, minKm: 9, exclude: [3, 10], everyThird: true },
    {
      name: 'more than can be spread',
      n: 300,
      size: 20,
      count: 300,
      minKm: 5,
      exclude: [],
      everyThird: false,
    },
  ])('picks what a scan of every seed picks ($name)', ({ n, size, count, minKm, exclude, everyThird }) => {
    const seeds = scatter(n + count, n, size);
    const allowed = everyThird ? (i: number) => i % 3 === 0 : undefined;
    const [fast, naive] = [new Random(42), new Random(42)];
    const expected = naiveSpreadPick(naive, seeds, count, new Set(exclude), minKm, allowed);
    expect(spreadPick(fast, seeds, count, new Set(exclude), minKm, allowed)).toEqual(expected);
    // Both consumed the same draws.
    expect(fast.next()).toBe(naive.next());
  });
});
