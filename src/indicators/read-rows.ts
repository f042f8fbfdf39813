import type { Row } from '../data/query-runner.ts';

/*
 * Typed reads of result rows: a misspelt column or an unexpected type fails loudly here
 * instead of flowing into the map as `undefined`.
 */

function missing(key: string, row: Row): never {
  throw new TypeError(
    `Result column « ${key} » missing or of the wrong type (columns: ${Object.keys(row).join(', ')})`,
  );
}

export function numberOf(row: Row, key: string): number {
  const value = row[key];
  return typeof value === 'number' ? value : missing(key, row);
}

export function nullableNumberOf(row: Row, key: string): number | null {
  const value = row[key];
  if (value === null) return null;
  return typeof value === 'number' ? value : missing(key, row);
}

export function stringOf(row: Row, key: string): string {
  const value = row[key];
  return typeof value === 'string' ? value : missing(key, row);
}

export function nullableStringOf(row: Row, key: string): string | null {
  const value = row[key];
  if (value === null) return null;
  return typeof value === 'string' ? value : missing(key, row);
}

export function booleanOf(row: Row, key: string): boolean {
  const value = row[key];
  return typeof value === 'boolean' ? value : missing(key, row);
}
