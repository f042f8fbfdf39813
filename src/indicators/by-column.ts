/*
 * Rows written as columns (one array per field) in a JSON document, and read back checked: every
 * field present, all of one length, each value of the kinds it may hold. Field names are written
 * once, not once per row (src/indicators/first-view.ts writes its labels, quarters, flows,
 * structures and points so).
 */

/** Rows written as one array per field. */
export type ByColumn<T> = { readonly [K in keyof T]: readonly T[K][] };

/** The `typeof` a column's values may have, and 'null'. */
export type Kinds = readonly string[];

/** A number, or null (« non renseigné »). */
export const NUMBERS = ['number', 'null'] as const;

export const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `value` is an array of `length` values, each of `kinds`. */
export const isColumn = (value: unknown, length: number, kinds: Kinds): boolean =>
  Array.isArray(value) &&
  value.length === length &&
  value.every((v: unknown) => (v === null ? kinds.includes('null') : kinds.includes(typeof v)));

/** Rows as columns, one per field `kinds` names (the fields kept, in their order). */
export function byColumn<T extends object>(
  rows: readonly T[],
  kinds: Readonly<Record<keyof T, Kinds>>,
): ByColumn<T> {
  const keys = Object.keys(kinds) as (keyof T)[];
  return Object.fromEntries(keys.map((key) => [key, rows.map((row) => row[key])])) as unknown as ByColumn<T>;
}

/**
 * Rows read back from their columns (every field `kinds` names, all of one length, each value of
 * its kinds), or null when the columns do not fit.
 */
export function readRows<T>(value: unknown, kinds: Readonly<Record<keyof T, Kinds>>): T[] | null {
  const keys = Object.keys(kinds) as (keyof T & string)[];
  const first = keys[0];
  if (!isObject(value) || first === undefined || !Array.isArray(value[first])) return null;
  const n = (value[first] as readonly unknown[]).length;
  if (!keys.every((key) => isColumn(value[key], n, kinds[key]))) return null;
  const column = (key: keyof T & string) => value[key] as readonly unknown[];
  return Array.from({ length: n }, (_, i) => {
    const row: Record<string, unknown> = {};
    for (const key of keys) row[key] = column(key)[i];
    return row as T;
  });
}

/** Rows that may be written as null: null then, undefined when they do not fit. */
export function readOptionalRows<T>(
  value: unknown,
  kinds: Readonly<Record<keyof T, Kinds>>,
): T[] | null | undefined {
  return value === null ? null : (readRows<T>(value, kinds) ?? undefined);
}
