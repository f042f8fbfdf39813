import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { RecordBatchStreamWriter } from 'apache-arrow';
import type { FeatureCollection } from 'geojson';

import { toRecordBatch } from '../../src/data/arrow-tables.ts';
import { MANIFEST_FILE, type DatasetFileEntry, type DatasetManifest } from '../../src/data/manifest.ts';
import type { RowOf, TableDefinition, TableName } from '../../src/data/schema/index.ts';

/** Counts and hashes the bytes flowing to a file. */
class Digest extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    this.push(chunk);
    done();
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
    const writer = new RecordBatchStreamWriter();
    const digest = new Digest();
    const file = createWriteStream(join(this.#work, table.file));
    const written = pipeline(writer.toNodeStream(), digest, file);
    let rows = 0;
    for (const batch of batches) {
      writer.write(toRecordBatch(table, batch));
      rows += batch.length;
      // Let the pipeline drain what was just encoded before building the next batch.
      await new Promise((resolve) => setImmediate(resolve));
      if (file.writableNeedDrain) await once(file, 'drain');
    }
    // An empty table still needs its schema in the file.
    if (rows === 0) writer.write(toRecordBatch(table, []));
    writer.finish();
    await written;
    const entry = { file: table.file, rows, bytes: digest.bytes, sha256: digest.hash.digest('hex') };
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
