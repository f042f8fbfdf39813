/*
 * Native DuckDB (the `@duckdb/node-api` addon, same DuckDB release as the WASM build) as a
 * `QueryRunner`: the same SQL on the same tables. The benchmark compares it with DuckDB-WASM; the
 * build and `npm run indicators` run on it a dataset beyond what a browser loads
 * (engine-for-dataset.ts), which DuckDB-WASM's 32-bit memory cannot hold.
 *
 * Loading. Native DuckDB reads Arrow IPC only through an extension (nanoarrow), and extensions
 * cannot be downloaded here; DuckDB-WASM has no Parquet writer without downloading one either. So
 * `insertArrowIPC` decodes the stream with apache-arrow (already a dependency) and hands DuckDB
 * whole data chunks of 2,048 rows through the appender, column by column from the Arrow buffers
 * (no row objects), from bytes or from a file streamed in pieces (`insertArrowStream`: one record
 * batch in memory at a time). `loadDataset` then runs on this runner exactly as on the WASM one: same
 * checks, same empty tables, same coverage and coefficients tables. Columns get the types
 * DuckDB's own Arrow import gives them (Utf8 → VARCHAR, Int32 → INTEGER, DateDay → DATE, …).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  BIGINT,
  BOOLEAN,
  DATE,
  DOUBLE,
  DuckDBDataChunk,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBInstance,
  DuckDBTimestampValue,
  FLOAT,
  INTEGER,
  SMALLINT,
  TINYINT,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import {
  DataType,
  DateUnit,
  Precision,
  RecordBatchReader,
  RecordBatchStreamReader,
  type Data,
  type Field,
  type RecordBatch,
  type Schema,
} from 'apache-arrow';

import {
  SESSION_SETTINGS_SQL,
  type QueryRunner,
  type Row,
  type SqlValue,
} from '../../src/data/query-runner.ts';
import { createStatementCache } from '../../src/data/statement-cache.ts';

/** DuckDB's vector size: the appender takes data chunks of at most this many rows. */
const CHUNK_ROWS = 2048;

interface ColumnPlan {
  readonly sqlType: string;
  readonly duckType: DuckDBType;
  /** Values of rows [from, to) of one Arrow column, nulls included. */
  readonly read: (data: Data, from: number, to: number) => DuckDBValue[];
}

function isValid(data: Data, row: number): boolean {
  const bitmap = data.nullBitmap;
  if (data.nullCount === 0 || !bitmap || bitmap.length === 0) return true;
  const bit = data.offset + row;
  return ((bitmap[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0;
}

/** Values of a fixed-width column, mapped one by one. */
function fixed(map: (value: number) => DuckDBValue) {
  return (data: Data, from: number, to: number): DuckDBValue[] => {
    const values = data.values as ArrayLike<number>;
    const out: DuckDBValue[] = new Array<DuckDBValue>(to - from);
    for (let row = from; row < to; row++)
      out[row - from] = isValid(data, row) ? map(values[data.offset + row] ?? 0) : null;
    return out;
  };
}

function readUtf8(data: Data, from: number, to: number): DuckDBValue[] {
  const offsets = data.valueOffsets as Int32Array;
  const bytes = data.values as Uint8Array;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: DuckDBValue[] = new Array<DuckDBValue>(to - from);
  for (let row = from; row < to; row++) {
    const at = data.offset + row;
    out[row - from] = isValid(data, row) ? text.toString('utf8', offsets[at], offsets[at + 1]) : null;
  }
  return out;
}

function readBool(data: Data, from: number, to: number): DuckDBValue[] {
  const bits = data.values as Uint8Array;
  const out: DuckDBValue[] = new Array<DuckDBValue>(to - from);
  for (let row = from; row < to; row++) {
    const bit = data.offset + row;
    out[row - from] = isValid(data, row) ? ((bits[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0 : null;
  }
  return out;
}

function readBigInt(data: Data, from: number, to: number): DuckDBValue[] {
  const values = data.values as BigInt64Array;
  const out: DuckDBValue[] = new Array<DuckDBValue>(to - from);
  for (let row = from; row < to; row++)
    out[row - from] = isValid(data, row) ? (values[data.offset + row] ?? 0n) : null;
  return out;
}

/** How one Arrow field becomes a DuckDB column; the types our datasets use, and their close kin. */
function planColumn(field: Field): ColumnPlan {
  const type = field.type as DataType;
  if (DataType.isUtf8(type)) return { sqlType: 'VARCHAR', duckType: VARCHAR, read: readUtf8 };
  if (DataType.isBool(type)) return { sqlType: 'BOOLEAN', duckType: BOOLEAN, read: readBool };
  if (DataType.isInt(type) && type.isSigned) {
    const identity = fixed((v) => v);
    if (type.bitWidth === 64) return { sqlType: 'BIGINT', duckType: BIGINT, read: readBigInt };
    if (type.bitWidth === 32) return { sqlType: 'INTEGER', duckType: INTEGER, read: identity };
    if (type.bitWidth === 16) return { sqlType: 'SMALLINT', duckType: SMALLINT, read: identity };
    return { sqlType: 'TINYINT', duckType: TINYINT, read: identity };
  }
  if (DataType.isFloat(type) && type.precision === Precision.DOUBLE)
    return { sqlType: 'DOUBLE', duckType: DOUBLE, read: fixed((v) => v) };
  if (DataType.isFloat(type) && type.precision === Precision.SINGLE)
    return { sqlType: 'FLOAT', duckType: FLOAT, read: fixed((v) => v) };
  if (DataType.isDate(type) && type.unit === DateUnit.DAY)
    return { sqlType: 'DATE', duckType: DATE, read: fixed((days) => new DuckDBDateValue(days)) };
  throw new TypeError(`Column ${field.name}: Arrow type ${String(type)} is not loaded into native DuckDB.`);
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Creates `table` from Arrow IPC stream bytes, appending whole data chunks. */
async function insertArrow(connection: DuckDBConnection, table: string, bytes: Uint8Array): Promise<void> {
  const reader = RecordBatchStreamReader.from(bytes);
  reader.open();
  await appendBatches(connection, table, reader.schema, reader);
}

/**
 * Creates `table` from an Arrow IPC stream read in pieces: one record batch in memory at a time,
 * so a file larger than a buffer (the national exchanges, 3.3 GB) loads in bounded memory.
 */
async function insertArrowStream(
  connection: DuckDBConnection,
  table: string,
  chunks: AsyncIterable<Uint8Array>,
): Promise<void> {
  const reader = await RecordBatchReader.from(chunks);
  await reader.open();
  // Datasets are Arrow IPC streams, as the page reads them; the IPC file format is refused there.
  if (!reader.isStream()) throw new Error('fichier Arrow au format « file », un flux IPC est attendu');
  await appendBatches(connection, table, reader.schema, reader);
}

/** Creates `table` with the schema's columns and appends the batches, in data chunks. */
async function appendBatches(
  connection: DuckDBConnection,
  table: string,
  schema: Schema,
  batches: Iterable<RecordBatch> | AsyncIterable<RecordBatch>,
): Promise<void> {
  const fields = schema.fields;
  const plans = fields.map(planColumn);
  const columns = fields.map((f, i) => `${quoteIdentifier(f.name)} ${plans[i]?.sqlType ?? ''}`).join(', ');
  await connection.run(`CREATE TABLE ${quoteIdentifier(table)} (${columns})`);
  const appender = await connection.createAppender(table);
  const types = plans.map((p) => p.duckType);
  try {
    for await (const batch of batches) {
      const datas = fields.map((_, i) => batch.getChildAt(i)?.data[0]);
      for (let from = 0; from < batch.numRows; from += CHUNK_ROWS) {
        const to = Math.min(batch.numRows, from + CHUNK_ROWS);
        const chunk = DuckDBDataChunk.create(types, to - from);
        plans.forEach((plan, i) => {
          const data = datas[i];
          if (!data) throw new Error(`${table}: column ${i} missing from a record batch`);
          chunk.setColumnValues(i, plan.read(data, from, to));
        });
        appender.appendDataChunk(chunk);
      }
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** A result value as the WASM runner gives it (arrow-rows.ts): numbers, strings, ISO dates. */
function toSqlValue(value: DuckDBValue, column: string): SqlValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')
    return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof DuckDBDateValue) return value.toString();
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  if (value instanceof DuckDBTimestampValue) return new Date(Number(value.micros / 1000n)).toISOString();
  throw new TypeError(`Column ${column}: ${String(value)} is not converted; cast it in SQL.`);
}

export interface NativeRunnerOptions {
  /**
   * DuckDB threads. 1 by default: DuckDB-WASM runs on one thread, so the ratio says what WASM
   * costs, not what a second core brings.
   */
  readonly threads?: number;
  /**
   * DuckDB's memory limit (`memory_limit`, e.g. `8GB`): the database then lives in a file of the
   * system's temporary directory (removed on close), and beyond the limit DuckDB moves tables and
   * intermediate results there instead of growing. Without it: in memory, DuckDB's own limit
   * (80 % of the machine's memory).
   */
  readonly memoryLimit?: string;
}

/**
 * Opens a native DuckDB database with the session settings of the other runners: in memory, or
 * with `memoryLimit` in a temporary folder, removed when the runner closes or fails to open.
 */
export async function openNativeRunner(options: NativeRunnerOptions = {}): Promise<QueryRunner> {
  // With a memory limit, the database is a file in a temporary folder: an in-memory database
  // cannot move its tables' blocks out of memory, a file-backed one can.
  const folder = options.memoryLimit ? await mkdtemp(join(tmpdir(), 'symbiose-duckdb-')) : null;
  const removeFolder = async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  };
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  let version: unknown;
  try {
    instance = await DuckDBInstance.create(folder ? join(folder, 'base.duckdb') : ':memory:', {
      threads: String(options.threads ?? 1),
      ...(options.memoryLimit && folder
        ? { memory_limit: options.memoryLimit, temp_directory: join(folder, 'temp') }
        : {}),
    });
    connection = await instance.connect();
    await connection.run(SESSION_SETTINGS_SQL);
    version = (await connection.runAndReadAll('SELECT version() AS v')).getRowObjects()[0]?.['v'];
  } catch (error) {
    await removeFolder();
    throw error;
  }
  // One statement at a time on the connection, as on DuckDB-WASM's: callers may `Promise.all`
  // queries (runIndicatorLevels does), and a connection runs one pending statement at a time.
  const statements = createStatementCache(
    (sql) => connection.prepare(sql),
    async (statement) => statement.destroySync(),
  );
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(action: () => Promise<T>): Promise<T> => {
    const next = queue.then(action, action);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    engine: `DuckDB ${String(version)} (native, @duckdb/node-api)`,
    async query(query): Promise<Row[]> {
      // Statements with parameters are kept prepared, as the page's runner keeps them.
      const reader = await serial(() =>
        query.params.length === 0
          ? connection.runAndReadAll(query.sql)
          : statements.run(query.sql, (statement) => {
              statement.bind([...query.params]);
              return statement.runAndReadAll();
            }),
      );
      return reader.getRowObjects().map((row) => {
        const out: Record<string, SqlValue> = {};
        for (const [name, value] of Object.entries(row)) out[name] = toSqlValue(value, name);
        return out;
      });
    },
    async exec(sql: string): Promise<void> {
      await serial(() => connection.run(sql));
    },
    insertArrowIPC: (table, bytes) => serial(() => insertArrow(connection, table, bytes)),
    insertArrowStream: (table, chunks) => serial(() => insertArrowStream(connection, table, chunks)),
    async close(): Promise<void> {
      try {
        await statements.clear();
        connection.closeSync();
        instance.closeSync();
      } finally {
        await removeFolder();
      }
    },
  };
}
