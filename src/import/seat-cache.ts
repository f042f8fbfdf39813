/**
 * Bounded caches of the seat normaliser (seat-words.ts, seat-line.ts, seat-address.ts and the
 * modules it reads with): the same texts come back row after row (« Mairie », « RUE »,
 * « DE LA GARE »), in commune after commune, so each is read once. What a cache holds is never
 * changed once made, and reading it again gives the same result, so caching changes nothing but
 * the time.
 */

/** Every cache made, so that they can all be forgotten at once. */
const REMEMBERED: { clear(): void }[] = [];

/**
 * A bounded cache: `get`, or make and keep. When full it forgets everything — memory stays
 * bounded and the frequent entries (« Mairie », « RUE », « de la ») come back at once.
 */
export class Remembered<V> {
  readonly #values = new Map<string, V>();
  readonly #size: number;

  constructor(size: number) {
    this.#size = size;
    REMEMBERED.push(this);
  }

  get(key: string, make: (key: string) => V): V {
    let value = this.#values.get(key);
    if (value === undefined) {
      value = make(key);
      if (this.#values.size >= this.#size) this.#values.clear();
      this.#values.set(key, value);
    }
    return value;
  }

  clear(): void {
    this.#values.clear();
  }
}

/** Forgets every seat text read so far (tests and benchmarks: the next rows are read afresh). */
export function forgetSeatReadings(): void {
  for (const cache of REMEMBERED) cache.clear();
}
