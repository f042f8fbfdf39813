import { Type } from 'apache-arrow';

import type { Row, SqlValue } from './query-runner.ts';

/*
 * DuckDB-WASM returns tables built with its own nested apache-arrow (v17), so results are read
 * structurally here rather than with `instanceof` checks against our apache-arrow (v21).
 */

interface ArrowLikeField {
  readonly name: string;
  readonly type: { readonly typeId: number };
}
interface ArrowLikeVector {
  get(index: number): unknown;
}
/** The part of an Arrow table that `toRows` reads; satisfied by apache-arrow 17 and 21. */
export interface ArrowLikeTable {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly ArrowLikeField[] };
  getChildAt(index: number): ArrowLikeVector | null;
}

const MS_PER_DAY = 86_400_000;

function toIsoDate(value: unknown): string {
  const ms = value instanceof Date ? value.getTime() : Number(value);
  return new Date(Math.floor(ms / MS_PER_DAY) * MS_PER_DAY).toISOString().slice(0, 10);
}

function convert(value: unknown, typeId: number, column: string): SqlValue {
  if (value === null || value === undefined) return null;
  switch (typeId) {
    case Type.Date:
      return toIsoDate(value);
    case Type.Timestamp:
      return new Date(Number(value)).toISOString();
    case Type.Int:
    case Type.Float:
      if (typeof value === 'bigint') {
        if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
          throw new RangeError(`Column ${column}: integer ${value} does not fit a JS number.`);
        }
        return Number(value);
      }
      return Number(value);
    case Type.Bool:
      return Boolean(value);
    case Type.Utf8:
    case Type.LargeUtf8:
      return String(value);
    default:
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
      throw new TypeError(
        `Column ${column}: Arrow type ${typeId} is not converted; cast it in SQL (e.g. to DOUBLE or VARCHAR).`,
      );
  }
}

/** Converts an Arrow result table to plain rows (numbers, strings, booleans, ISO dates, nulls). */
export function toRows(table: ArrowLikeTable): Row[] {
  const fields = table.schema.fields;
  const columns = fields.map((_, index) => table.getChildAt(index));
  const rows: Row[] = new Array<Row>(table.numRows);
  for (let rowIndex = 0; rowIndex < table.numRows; rowIndex++) {
    const row: Record<string, SqlValue> = {};
    fields.forEach((field, columnIndex) => {
      row[field.name] = convert(columns[columnIndex]?.get(rowIndex), field.type.typeId, field.name);
    });
    rows[rowIndex] = row;
  }
  return rows;
}
