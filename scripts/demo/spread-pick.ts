import type { Xy } from './geometry.ts';
import type { Random } from './random.ts';

/** Seeds per grid cell, on average: few enough that an update touches little besides its neighbourhood. */
const SEEDS_PER_CELL = 8;

/**
 * The seeds bucketed in a uniform grid, with the bounding box of each cell's seeds and the largest
 * distance from any of its seeds to the nearest chosen one: a cell farther from a new choice than
 * that bound cannot change, so each choice only visits the cells it may bring closer.
 */
class DistanceGrid {
  readonly #x: Float64Array;
  readonly #y: Float64Array;
  /** Seeds of cell c are `#members[#starts[c]]` … `#members[#starts[c + 1] - 1]`, in index order. */
  readonly #starts: Int32Array;
  readonly #members: Int32Array;
  readonly #box: Float64Array;
  readonly #cellMax: Float64Array;
  /** Distance from each seed to the nearest chosen (or excluded) seed; Infinity before any. */
  readonly distance: Float64Array;

  constructor(seeds: readonly Xy[]) {
    const n = seeds.length;
    this.#x = Float64Array.from(seeds, ([x]) => x);
    this.#y = Float64Array.from(seeds, ([, y]) => y);
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of seeds) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
    const width = Math.max(maxX - minX, 1e-9);
    const height = Math.max(maxY - minY, 1e-9);
    const side = Math.sqrt((width * height * SEEDS_PER_CELL) / Math.max(1, n));
    const columns = Math.max(1, Math.min(n, Math.ceil(width / side)));
    const rows = Math.max(1, Math.min(n, Math.ceil(height / side)));
    const cellOf = new Int32Array(n);
    const counts = new Int32Array(columns * rows + 1);
    seeds.forEach(([x, y], i) => {
      const column = Math.min(columns - 1, Math.floor(((x - minX) / width) * columns));
      const row = Math.min(rows - 1, Math.floor(((y - minY) / height) * rows));
      const cell = row * columns + column;
      cellOf[i] = cell;
      counts[cell + 1] = (counts[cell + 1] ?? 0) + 1;
    });
    for (let c = 0; c < columns * rows; c++) counts[c + 1] = (counts[c + 1] ?? 0) + (counts[c] ?? 0);
    this.#starts = counts.slice();
    this.#members = new Int32Array(n);
    const next = counts;
    for (let i = 0; i < n; i++) {
      const cell = cellOf[i] ?? 0;
      const slot = next[cell] ?? 0;
      this.#members[slot] = i;
      next[cell] = slot + 1;
    }
    const cells = columns * rows;
    this.#box = new Float64Array(cells * 4);
    for (let c = 0; c < cells; c++) {
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (let k = this.#starts[c] ?? 0; k < (this.#starts[c + 1] ?? 0); k++) {
        const i = this.#members[k] ?? 0;
        const [x, y] = [this.#x[i] ?? 0, this.#y[i] ?? 0];
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
      this.#box.set([x0, y0, x1, y1], c * 4);
    }
    // An empty cell has nothing to update: its bound is below any distance.
    this.#cellMax = Float64Array.from({ length: cells }, (_, c) =>
      (this.#starts[c + 1] ?? 0) > (this.#starts[c] ?? 0) ? Infinity : -1,
    );
    this.distance = new Float64Array(n).fill(Infinity);
  }

  /**
   * Brings every seed's distance down to seed `j` where that is nearer, with the same
   * `Math.hypot` as a full scan would use; `onCloser(i, d)` hears each change.
   */
  choose(j: number, onCloser: (i: number, d: number) => void): void {
    const jx = this.#x[j] ?? 0;
    const jy = this.#y[j] ?? 0;
    const box = this.#box;
    for (let c = 0; c < this.#cellMax.length; c++) {
      const bound = this.#cellMax[c] ?? -1;
      if (bound < 0) continue;
      const x0 = box[c * 4] ?? 0;
      const x1 = box[c * 4 + 2] ?? 0;
      const y0 = box[c * 4 + 1] ?? 0;
      const y1 = box[c * 4 + 3] ?? 0;
      const dx = jx < x0 ? x0 - jx : jx > x1 ? jx - x1 : 0;
      const dy = jy < y0 ? y0 - jy : jy > y1 ? jy - y1 : 0;
      // A safety margin far above rounding: a skipped cell surely has no seed nearer to j.
      if ((dx * dx + dy * dy) * (1 - 1e-9) > bound * bound) continue;
      let max = 0;
      for (let k = this.#starts[c] ?? 0; k < (this.#starts[c + 1] ?? 0); k++) {
        const i = this.#members[k] ?? 0;
        const d = Math.hypot((this.#x[i] ?? 0) - jx, (this.#y[i] ?? 0) - jy);
        let current = this.distance[i] ?? Infinity;
        if (d < current) {
          current = d;
          this.distance[i] = d;
          onCloser(i, d);
        }
        if (current > max) max = current;
      }
      this.#cellMax[c] = max;
    }
  }
}

/**
 * A set of indices 0…n−1 (a Fenwick tree of 0/1 counts) that finds its k-th smallest member in
 * O(log n): what picking at random from the ascending list of members needs, without the list.
 */
class RankedSet {
  readonly #tree: Int32Array;
  readonly #members: Uint8Array;
  readonly #top: number;
  size = 0;

  constructor(members: Uint8Array) {
    const n = members.length;
    this.#members = members.slice();
    this.#tree = new Int32Array(n + 1);
    for (let i = 1; i <= n; i++) {
      this.#tree[i] = (this.#tree[i] ?? 0) + (this.#members[i - 1] ?? 0);
      this.size += this.#members[i - 1] ?? 0;
      const parent = i + (i & -i);
      if (parent <= n) this.#tree[parent] = (this.#tree[parent] ?? 0) + (this.#tree[i] ?? 0);
    }
    let top = 1;
    while (top * 2 <= n) top *= 2;
    this.#top = n > 0 ? top : 0;
  }

  delete(i: number): void {
    if (!this.#members[i]) return;
    this.#members[i] = 0;
    this.size--;
    for (let at = i + 1; at < this.#tree.length; at += at & -at) this.#tree[at] = (this.#tree[at] ?? 0) - 1;
  }

  /** The member of rank `k` (0 = smallest). */
  at(k: number): number {
    let position = 0;
    let rest = k;
    for (let step = this.#top; step > 0; step >>= 1) {
      const next = position + step;
      if (next < this.#tree.length && (this.#tree[next] ?? 0) <= rest) {
        position = next;
        rest -= this.#tree[next] ?? 0;
      }
    }
    return position;
  }
}

/**
 * Picks `count` indices spread apart: the first nearest the centre (unless some are excluded),
 * then at random among those at least `minKm` from every chosen or excluded one, or else the
 * farthest (incremental farthest-point sampling). Draws exactly as picking from the ascending
 * list of candidates would (`random.pick`), but keeps the candidates in a ranked set and the
 * distances in a grid, so that each pick costs about its neighbourhood rather than every seed.
 */
export function spreadPick(
  random: Random,
  seeds: readonly Xy[],
  count: number,
  exclude: ReadonlySet<number>,
  minKm: number,
  allowed: (index: number) => boolean = () => true,
): number[] {
  const n = seeds.length;
  const grid = new DistanceGrid(seeds);
  const free = Uint8Array.from({ length: n }, (_, i) => (allowed(i) ? 1 : 0));
  let freeCount = free.reduce((sum, f) => sum + f, 0);
  const taken = new Set<number>(exclude);
  const take = (j: number): void => {
    if (free[j]) freeCount--;
    free[j] = 0;
  };
  exclude.forEach(take);
  exclude.forEach((j) => grid.choose(j, () => {}));
  const eligible = new RankedSet(free.map((f, i) => (f && (grid.distance[i] ?? 0) >= minKm ? 1 : 0)));
  const closer = (i: number, d: number): void => {
    if (d < minKm) eligible.delete(i);
  };
  const picked: number[] = [];
  for (let k = 0; k < count && taken.size < n; k++) {
    if (freeCount === 0) break;
    let best = -1;
    if (taken.size === 0) {
      // Nearest the centre; the first index on ties.
      for (let i = 0; i < n; i++)
        if (free[i] && (best < 0 || Math.hypot(...(seeds[i] as Xy)) < Math.hypot(...(seeds[best] as Xy))))
          best = i;
    } else if (eligible.size > 0) {
      best = eligible.at(Math.floor(random.next() * eligible.size));
    } else {
      // Farthest from every chosen one; the first index on ties.
      for (let i = 0; i < n; i++)
        if (free[i] && (best < 0 || (grid.distance[i] ?? 0) > (grid.distance[best] ?? 0))) best = i;
    }
    picked.push(best);
    taken.add(best);
    take(best);
    eligible.delete(best);
    grid.choose(best, closer);
  }
  return picked;
}
