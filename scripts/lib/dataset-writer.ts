import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';

import { RecordBatchStreamWriter, type RecordBatch, type Schema } from 'apache-arrow';
import type { FeatureCollection } from 'geojson';

import { toArrowSchema, toRecordBatch } from '../../src/data/arrow-tables.ts';
import { MANIFEST_FILE, type DatasetFileEntry, type DatasetManifest } from '../../src/data/manifest.ts';
import type { RowOf, TableDefinition, TableName } from '../../src/data/schema/index.ts';

/** Bytes of an Arrow IPC stream holding only `batches` (schema first, end-of-stream marker last). */
function streamBytes(schema: Schema, batches: readonly RecordBatch[]): Uint8Array {
  const writer = new RecordBatchStreamWriter();
  writer.reset(undefined, schema);
  for (const batch of batches) writer.write(batch);
  writer.finish();
  return writer.toUint8Array(true);
}

/** The 8-byte end-of-stream marker of the Arrow IPC stream format (continuation + zero length). */
const END_OF_STREAM = 8;

/**
 * An Arrow IPC stream written to a file one record batch at a time, with the file's back-pressure
 * honoured: each batch is encoded on its own (apache-arrow's writer otherwise queues every byte
 * in memory until its reader catches up) and its bytes go to disk before the next one is built.
 */
class ArrowStreamFile {
  readonly #file: WriteStream;
  readonly #hash = createHash('sha256');
  readonly #schema: Schema;
  readonly #schemaLength: number;
  bytes = 0;

  constructor(path: string, schema: Schema) {
    this.#file = createWriteStream(path);
    this.#schema = schema;
    const schemaOnly = streamBytes(schema, []);
    this.#schemaLength = schemaOnly.byteLength - END_OF_STREAM;
  }

  async #put(bytes: Uint8Array): Promise<void> {
    this.#hash.update(bytes);
    this.bytes += bytes.byteLength;
    if (!this.#file.write(bytes)) await once(this.#file, 'drain');
  }

  async write(batch: RecordBatch): Promise<void> {
    const encoded = streamBytes(this.#schema, [batch]);
    // Keep the schema message once, at the start; drop each batch's end-of-stream marker.
    const from = this.bytes === 0 ? 0 : this.#schemaLength;
    await this.#put(encoded.subarray(from, encoded.byteLength - END_OF_STREAM));
  }

  /** Writes the end-of-stream marker, closes the file and returns its sha256. */
  async close(): Promise<string> {
    if (this.bytes === 0) await this.#put(streamBytes(this.#schema, []).subarray(0, this.#schemaLength));
    await this.#put(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]));
    this.#file.end();
    await finished(this.#file);
    return this.#hash.digest('hex');
  }
}

/**
 * Writes a dataset folder: one Arrow IPC stream per table, the commune outlines, the manifest.
 * Everything goes to a temporary sibling folder that replaces the target only once complete, so
 * a failed or interrupted run never leaves a partial dataset behind.
 */
export class DatasetWriter {
  readonly target: string;
  readonly #work: string;
  readonly #tables = new Map<TableName, DatasetFileEntry>();

  private constructor(target: string) {
    this.target = target;
    this.#work = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  }

  static async create(target: string): Promise<DatasetWriter> {
    const writer = new DatasetWriter(target);
    await rm(writer.#work, { recursive: true, force: true });
    await mkdir(writer.#work, { recursive: true });
    return writer;
  }

  /** Streams batches of rows into `<table.file>`: memory stays bounded by one batch. */
  async writeTable<T extends TableDefinition & { name: TableName }>(
    table: T,
    batches: Iterable<readonly RowOf<T>[]>,
  ): Promise<DatasetFileEntry> {
    const file = new ArrowStreamFile(join(this.#work, table.file), toArrowSchema(table));
    let rows = 0;
    for (const batch of batches) {
      if (batch.length === 0) continue;
      await file.write(toRecordBatch(table, batch));
      rows += batch.length;
    }
    const sha256 = await file.close();
    const entry = { file: table.file, rows, bytes: file.bytes, sha256 };
    this.#tables.set(table.name, entry);
    return entry;
  }

  /** Writes the commune outlines as GeoJSON. */
  async writeGeometry(
    file: string,
    collection: FeatureCollection,
  ): Promise<DatasetFileEntry & { format: 'geojson' }> {
    const text = JSON.stringify(collection);
    await writeFile(join(this.#work, file), text);
    return {
      file,
      rows: collection.features.length,
      bytes: Buffer.byteLength(text),
      sha256: createHash('sha256').update(text).digest('hex'),
      format: 'geojson',
    };
  }

  /** Writes another file next to the tables (e.g. an import report); not listed in the manifest. */
  async writeText(file: string, text: string): Promise<void> {
    await writeFile(join(this.#work, file), text);
  }

  /** Entries of the tables written so far, for the manifest. */
  tables(): Map<TableName, DatasetFileEntry> {
    return this.#tables;
  }

  /** Writes the manifest and puts the complete folder in place of the target. */
  async commit(manifest: DatasetManifest): Promise<void> {
    await writeFile(join(this.#work, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const previous = `${this.#work}.previous`;
    const exists = await stat(this.target).then(
      () => true,
      () => false,
    );
    if (exists) await rename(this.target, previous);
    await rename(this.#work, this.target);
    await rm(previous, { recursive: true, force: true });
  }

  /** Removes the temporary folder (after a failure). */
  async abort(): Promise<void> {
    await rm(this.#work, { recursive: true, force: true });
  }
}
