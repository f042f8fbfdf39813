/*
 * A record whose entries are computed the first time they are read, then kept. A view reads a
 * handful of the 48 indicators (the one on the map, the table's, a sheet's): deriving all of them
 * for 35,000 communes took 0.7 s of the page's main thread before the national first map.
 *
 * The record answers `record[id]` for each key's id (and `id in record`) like the plain record it
 * stands for. Its entries live on a prototype shared by every record of the same keys, so
 * `Object.keys(record)` is empty: enumerate the keys, not the record. `JSON.stringify(record)`
 * writes every entry, as it would of the plain record (`toJSON`).
 */

const COMPUTE = Symbol('compute');
const CACHE = Symbol('cache');

interface Slots<K, V> {
  readonly [COMPUTE]: (key: K) => V;
  readonly [CACHE]: V[];
}

/** One prototype per list of keys: a getter per id, nothing inherited (no `toString`). */
const prototypes = new WeakMap<readonly { readonly id: string }[], object>();

function prototypeOf<K extends { readonly id: string }, V>(keys: readonly K[]): object {
  const known = prototypes.get(keys);
  if (known) return known;
  const prototype = Object.create(null) as object;
  keys.forEach((key, index) => {
    Object.defineProperty(prototype, key.id, {
      enumerable: true,
      get(this: Slots<K, V>): V {
        const cache = this[CACHE];
        if (!(index in cache)) cache[index] = this[COMPUTE](key);
        return cache[index] as V;
      },
    });
  });
  Object.defineProperty(prototype, 'toJSON', {
    value(this: Readonly<Record<string, V>>) {
      return Object.fromEntries(keys.map((key) => [key.id, this[key.id]]));
    },
  });
  prototypes.set(keys, prototype);
  return prototype;
}

/** `compute(key)` for each key, by the key's id, each computed when first read. */
export function lazyRecord<K extends { readonly id: string }, V>(
  keys: readonly K[],
  compute: (key: K) => V,
): Readonly<Record<string, V>> {
  const record = Object.create(prototypeOf<K, V>(keys)) as Slots<K, V>;
  Object.defineProperty(record, COMPUTE, { value: compute });
  Object.defineProperty(record, CACHE, { value: [] });
  return record as unknown as Readonly<Record<string, V>>;
}
