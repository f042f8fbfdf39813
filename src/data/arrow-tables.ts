import {
  Bool,
  type Data,
  DateDay,
  Field,
  Float64,
  Int32,
  makeData,
  RecordBatch,
  RecordBatchStreamWriter,
  Schema,
  Struct,
  Utf8,
  type DataType,
} from 'apache-arrow';

import type { ColumnDefinition, ColumnType, RowOf, TableDefinition } from './schema/index.ts';

function arrowType(type: ColumnType): DataType {
  switch (type) {
    case 'string':
      return new Utf8();
    case 'integer':
      return new Int32();
    case 'number':
      return new Float64();
    case 'date':
      return new DateDay();
    case 'boolean':
      return new Bool();
  }
}

/** The Arrow schema of a dataset table: one field per column, nullable unless required. */
export function toArrowSchema(table: TableDefinition): Schema {
  return new Schema(
    table.columns.map((column) => new Field(column.name, arrowType(column.type), !column.required)),
  );
}

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

function columnValues(
  column: ColumnDefinition,
  rows: readonly Readonly<Record<string, unknown>>[],
): unknown[] {
  const values = rows.map((row) => row[column.name] ?? null);
  // Arrow's Int32 builder wraps silently (3,000,000,000 becomes −1,294,967,296): refuse instead.
  if (column.type === 'integer')
    for (const value of values)
      if (typeof value === 'number' && (!Number.isInteger(value) || value < INT32.min || value > INT32.max))
        throw new RangeError(`${column.name} : ${value} n’est pas un entier sur 32 bits`);
  // Dates travel as `YYYY-MM-DD` strings; the Arrow builder wants epoch milliseconds.
  return column.type === 'date'
    ? values.map((v) => (v === null ? null : Date.parse(`${String(v)}T00:00:00Z`)))
    : values;
}

const encoder = new TextEncoder();

/**
 * A Utf8 column built in one buffer with `encodeInto`: apache-arrow's builder encodes each
 * string into its own array and copies it, which made text columns most of an import's time.
 */
function utf8Data(values: readonly unknown[]): Data<Utf8> {
  let bytes = new Uint8Array(Math.max(64, values.length * 24));
  const offsets = new Int32Array(values.length + 1);
  const valid = new Uint8Array((values.length + 7) >> 3);
  let at = 0;
  let nulls = 0;
  values.forEach((value, i) => {
    if (value === null || value === undefined) nulls++;
    else {
      const text = String(value);
      // A UTF-16 unit is at most 3 UTF-8 bytes.
      if (at + text.length * 3 > bytes.length) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, at + text.length * 3));
        grown.set(bytes.subarray(0, at));
        bytes = grown;
      }
      at += encoder.encodeInto(text, bytes.subarray(at)).written;
      valid[i >> 3] = (valid[i >> 3] as number) | (1 << (i & 7));
    }
    offsets[i + 1] = at;
  });
  return makeData({
    type: new Utf8(),
    length: values.length,
    nullCount: nulls,
    nullBitmap: nulls > 0 ? valid : new Uint8Array(0),
    valueOffsets: offsets,
    data: bytes.subarray(0, at),
  });
}

/** The validity bitmap of `values` (bit set where a value is present) and how many are null. */
function validity(values: readonly unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
  const valid = new Uint8Array((values.length + 7) >> 3);
  let nullCount = 0;
  values.forEach((value, i) => {
    if (value === null || value === undefined) nullCount++;
    else valid[i >> 3] = (valid[i >> 3] as number) | (1 << (i & 7));
  });
  return { nullBitmap: nullCount > 0 ? valid : new Uint8Array(0), nullCount };
}

/**
 * A fixed-width column (integer, number, date as days since 1970, boolean as bits) written straight
 * into its buffer. Not apache-arrow's builders (`vectorFromArray`): they compile their null check
 * with `new Function`, which the site's Content-Security-Policy refuses (no 'unsafe-eval').
 */
function fixedWidthData(type: Exclude<ColumnType, 'string'>, values: readonly unknown[]): Data {
  const { nullBitmap, nullCount } = validity(values);
  const length = values.length;
  const present = (i: number) => values[i] !== null && values[i] !== undefined;
  switch (type) {
    case 'integer': {
      const data = new Int32Array(length);
      for (let i = 0; i < length; i++) if (present(i)) data[i] = Number(values[i]);
      return makeData({ type: new Int32(), length, nullCount, nullBitmap, data });
    }
    case 'date': {
      // Dates arrive as epoch milliseconds (columnValues); DateDay counts days.
      const data = new Int32Array(length);
      for (let i = 0; i < length; i++) if (present(i)) data[i] = Math.floor(Number(values[i]) / 86_400_000);
      return makeData({ type: new DateDay(), length, nullCount, nullBitmap, data });
    }
    case 'number': {
      const data = new Float64Array(length);
      for (let i = 0; i < length; i++) if (present(i)) data[i] = Number(values[i]);
      return makeData({ type: new Float64(), length, nullCount, nullBitmap, data });
    }
    case 'boolean': {
      const data = new Uint8Array((length + 7) >> 3);
      for (let i = 0; i < length; i++)
        if (values[i]) data[i >> 3] = (data[i >> 3] as number) | (1 << (i & 7));
      return makeData({ type: new Bool(), length, nullCount, nullBitmap, data });
    }
  }
}

/** Builds one Arrow record batch from rows of a table (column order and types from its definition). */
export function toRecordBatch<T extends TableDefinition>(table: T, rows: readonly RowOf<T>[]): RecordBatch {
  const plain = rows as readonly Readonly<Record<string, unknown>>[];
  const schema = toArrowSchema(table);
  const children = table.columns.map((column) =>
    column.type === 'string'
      ? utf8Data(columnValues(column, plain))
      : fixedWidthData(column.type, columnValues(column, plain)),
  );
  const data = makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children });
  return new RecordBatch(schema, data);
}

/** Arrow IPC stream bytes of `rows` in the layout of `table` (one record batch; the schema alone when empty). */
export function toArrowStreamBytes<T extends TableDefinition>(
  table: T,
  rows: readonly RowOf<T>[],
): Uint8Array {
  const writer = new RecordBatchStreamWriter();
  writer.reset(undefined, toArrowSchema(table));
  if (rows.length > 0) writer.write(toRecordBatch(table, rows));
  writer.finish();
  return writer.toUint8Array(true);
}
