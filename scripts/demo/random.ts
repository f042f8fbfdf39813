import { randomLcg, randomNormal, randomPoisson } from 'd3-random';

/**
 * A seeded source of randomness for the demo generator. Everything random in a generated dataset
 * comes from one `Random` built from the seed, consumed in a fixed order: same seed, same bytes.
 * Distributions are d3-random's, driven by its seeded linear congruential generator.
 */
export class Random {
  readonly next: () => number;
  readonly #standardNormal: () => number;

  constructor(seed: number) {
    this.next = randomLcg(seed);
    this.#standardNormal = randomNormal.source(this.next)(0, 1);
  }

  /** A new independent stream derived from this one (for a sub-generator that may change size). */
  fork(): Random {
    return new Random(this.next());
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  normal(mean: number, deviation: number): number {
    return mean + deviation * this.#standardNormal();
  }

  /** Log-normal value whose median is `median` (σ is the deviation of the logarithm). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.#standardNormal());
  }

  poisson(lambda: number): number {
    return lambda <= 0 ? 0 : randomPoisson.source(this.next)(lambda)();
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick() from an empty list');
    return item;
  }

  /** Picks a key of `weights` with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    // `for…in` walks a plain object's keys in the order of Object.entries, without an array
    // per draw: tens of millions of draws make a national territory.
    let total = 0;
    for (const key in weights) total += weights[key];
    let target = this.next() * total;
    let last: K | undefined;
    for (const key in weights) {
      target -= weights[key];
      if (target < 0) return key;
      last = key;
    }
    if (last === undefined) throw new RangeError('weighted() from an empty table');
    return last;
  }

  /** Fisher–Yates shuffle of a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }
}

/**
 * Index drawn from cumulative weights (`cumulative[i]` = sum of weights 0..i) by binary search,
 * optionally restricted to indices `from`..`to`. Returns -1 when the weights there are all zero.
 */
export function drawFromCumulative(
  cumulative: ArrayLike<number>,
  u: number,
  from = 0,
  to = cumulative.length - 1,
): number {
  const before = from > 0 ? (cumulative[from - 1] ?? 0) : 0;
  const span = to >= from ? (cumulative[to] ?? 0) - before : 0;
  if (span <= 0) return -1;
  const target = before + u * span;
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((cumulative[mid] ?? 0) > target) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Cumulative sums of `weights`, for `drawFromCumulative`. */
export function cumulate(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i] ?? 0;
    out[i] = sum;
  }
  return out;
}
