import type { Scenario } from '../data/method/coefficients.ts';
import type { PartId } from './method/parts.ts';
import type { ZoneParts } from './roll-up.ts';

/*
 * Zones' parts read in place from columns (one array of numbers per part and scenario, as the
 * first view file stores them) instead of one object per zone and part: 35,000 communes × 57 parts were two
 * million objects built before the national first map, most of them never read.
 *
 * A zone's parts answer `parts[id][scenario]` like the plain record they stand for; each read of
 * `parts[id]` gives a fresh `{ bas, central, haut }`. Their keys live on a shared prototype, so
 * `Object.keys(parts)` is empty: enumerate the part ids. `JSON.stringify(parts)` writes every part,
 * as it would of the plain record (`toJSON`).
 */

/** One part of every zone, in zone order; NaN where it is unknown (null). */
export type PartColumn = Float64Array;

const INDEX = Symbol('index');

/** A stored number, null where it is NaN (unknown) or missing. */
const known = (value: number | undefined): number | null =>
  value === undefined || Number.isNaN(value) ? null : value;

interface Slots {
  readonly [INDEX]: number;
}

/** Reads the parts of the zone at a given row of `columns` (every column as long as the zones). */
export function columnParts(
  columns: ReadonlyMap<PartId, Readonly<Record<Scenario, PartColumn>>>,
): (index: number) => ZoneParts {
  const prototype = Object.create(null) as object;
  for (const [id, { bas, central, haut }] of columns) {
    Object.defineProperty(prototype, id, {
      enumerable: true,
      get(this: Slots): Readonly<Record<Scenario, number | null>> {
        const i = this[INDEX];
        return { bas: known(bas[i]), central: known(central[i]), haut: known(haut[i]) };
      },
    });
  }
  Object.defineProperty(prototype, 'toJSON', {
    value(this: Readonly<Record<PartId, unknown>>) {
      return Object.fromEntries([...columns.keys()].map((id) => [id, this[id]]));
    },
  });
  return (index) => {
    const parts = Object.create(prototype) as object;
    Object.defineProperty(parts, INDEX, { value: index });
    return parts as ZoneParts;
  };
}
