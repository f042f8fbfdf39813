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
  vectorFromArray,
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

/** Builds one Arrow record batch from rows of a table (column order and types from its definition). */
export function toRecordBatch<T extends TableDefinition>(table: T, rows: readonly RowOf<T>[]): RecordBatch {
  const plain = rows as readonly Readonly<Record<string, unknown>>[];
  const schema = toArrowSchema(table);
  const children = table.columns.map((column) => {
    if (column.type === 'string') return utf8Data(columnValues(column, plain));
    const [chunk] = vectorFromArray(columnValues(column, plain), arrowType(column.type)).data;
    if (!chunk) throw new Error(`No Arrow data built for ${table.name}.${column.name}`);
    return chunk;
  });
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
