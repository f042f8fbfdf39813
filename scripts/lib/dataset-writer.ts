import { createHash } from 'node:crypto';
import { once } from 'node:events';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  type WriteStream,
} from 'node:fs';
import { mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';

import {
  makeData,
  RecordBatch,
  RecordBatchReader,
  RecordBatchStreamWriter,
  Struct,
  type Schema,
} from 'apache-arrow';
import type { FeatureCollection } from 'geojson';

import { toArrowSchema, toRecordBatch } from '../../src/data/arrow-tables.ts';
import { MANIFEST_FILE, type DatasetFileEntry, type DatasetManifest } from '../../src/data/manifest.ts';
import type { RowOf, TableDefinition, TableName } from '../../src/data/schema/index.ts';
import { systemReason } from './input-file.ts';
import {
  checkOutputFolder,
  createWorkFolder,
  isReplaceableDataset,
  OutputFolderError,
  outputLabel,
} from './output-folder.ts';

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
    const encoded = streamBytes(this.#schema, [this.#own(batch)]);
    // Keep the schema message once, at the start; drop each batch's end-of-stream marker.
    const from = this.bytes === 0 ? 0 : this.#schemaLength;
    await this.#put(encoded.subarray(from, encoded.byteLength - END_OF_STREAM));
  }

  /**
   * The batch under this file's schema: a batch read back from a file has its own copy, which the
   * writer would take for another schema and write again in the middle of the stream.
   */
  #own(batch: RecordBatch): RecordBatch {
    if (batch.schema === this.#schema) return batch;
    const { fields } = this.#schema;
    const data = makeData({
      type: new Struct(fields),
      length: batch.numRows,
      nullCount: 0,
      children: batch.data.children,
    });
    return new RecordBatch(this.#schema, data);
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

/** The exit status of a process stopped by each signal (128 + its number), as shells report it. */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type HandledSignal = keyof typeof SIGNAL_EXIT_CODES;

/** `rejets/x.csv` → its segments; refuses absolute paths, `..` and empty segments. */
function relativeSegments(file: string): string[] {
  const segments = file.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0'))) {
    throw new Error(`Chemin de fichier invalide dans le jeu de données : « ${file} ».`);
  }
  return segments;
}

/** A table being written batch by batch. */
export interface TableStream<T extends TableDefinition> {
  write(rows: readonly RowOf<T>[]): Promise<void>;
  close(): Promise<DatasetFileEntry>;
}

/** A text file being written piece by piece. */
export interface TextStream {
  write(text: string): void;
  close(): Promise<void>;
}

/**
 * Writes a dataset folder: one Arrow IPC stream per table, the commune outlines, the manifest.
 * Everything goes to a temporary sibling folder that replaces the target only once complete, so
 * a failed or interrupted run never leaves a partial dataset behind. The target must be new, an
 * empty folder or a previous dataset (see `checkOutputFolder`): nothing else is ever replaced.
 */
export class DatasetWriter {
  /** Absolute path of the dataset folder. */
  readonly target: string;
  readonly #given: string;
  readonly #work: string;
  readonly #previous: string;
  readonly #tables = new Map<TableName, DatasetFileEntry>();
  readonly #settledListeners = new Set<() => void>();
  #settled = false;

  private constructor(given: string, work: string) {
    this.#given = given;
    this.target = resolve(given);
    this.#work = work;
    this.#previous = `${work}.previous`;
  }

  /**
   * Checks `target` (refusing anything but a new path, an empty folder or a previous dataset) and
   * creates the temporary folder at once, so that an unusable place fails before any heavy work.
   * Throws an `OutputFolderError` with a French message naming the path.
   */
  static async create(target: string): Promise<DatasetWriter> {
    await checkOutputFolder(target);
    return new DatasetWriter(target, await createWorkFolder(target));
  }

  /** The temporary folder being written (removed by `commit`, `abort` or `abortSync`). */
  get partialFolder(): string {
    return this.#work;
  }

  /** Streams batches of rows into `<table.file>`: memory stays bounded by one batch. */
  async writeTable<T extends TableDefinition & { name: TableName }>(
    table: T,
    batches: Iterable<readonly RowOf<T>[]>,
  ): Promise<DatasetFileEntry> {
    const stream = this.openTable(table);
    for (const batch of batches) await stream.write(batch);
    return stream.close();
  }

  /**
   * A table written as its rows come (an import hands them over file by file): each `write` is
   * one record batch on disk; `close` ends the stream and records the table for the manifest.
   */
  openTable<T extends TableDefinition & { name: TableName }>(table: T): TableStream<T> {
    return this.#open(table);
  }

  #open<T extends TableDefinition & { name: TableName }>(table: T) {
    const file = new ArrowStreamFile(join(this.#work, table.file), toArrowSchema(table));
    let rows = 0;
    return {
      write: async (batch: readonly RowOf<T>[]) => {
        if (batch.length === 0) return;
        await file.write(toRecordBatch(table, batch));
        rows += batch.length;
      },
      writeBatch: async (batch: RecordBatch) => {
        if (batch.numRows === 0) return;
        await file.write(batch);
        rows += batch.numRows;
      },
      close: async () => {
        const sha256 = await file.close();
        const entry = { file: table.file, rows, bytes: file.bytes, sha256 };
        this.#tables.set(table.name, entry);
        return entry;
      },
    };
  }

  /**
   * Rewrites a table already written through `stream`, one record batch at a time (`map` gives
   * each batch anew, memory stays bounded by a batch); returns its stream, open for more rows.
   */
  async rewriteTable<T extends TableDefinition & { name: TableName }>(
    table: T,
    stream: TableStream<T>,
    map: (batch: RecordBatch) => RecordBatch,
  ): Promise<TableStream<T>> {
    await stream.close();
    const path = join(this.#work, table.file);
    const before = `${path}.avant`;
    await rename(path, before);
    const next = this.#open(table);
    for await (const batch of await RecordBatchReader.from(createReadStream(before)))
      await next.writeBatch(map(batch));
    await rm(before);
    return next;
  }

  /**
   * A text file written piece by piece (rejected rows as they are found), in the dataset folder
   * or a subfolder such as `rejets/`; not listed in the manifest.
   */
  openText(file: string): TextStream {
    const path = join(this.#work, ...relativeSegments(file));
    mkdirSync(dirname(path), { recursive: true });
    const stream = createWriteStream(path);
    return {
      write: (text) => void stream.write(text),
      close: async () => {
        stream.end();
        await finished(stream);
      },
    };
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

  /**
   * Writes another file next to the tables, not listed in the manifest: the import report, or a
   * file of a subfolder such as `rejets/communes.csv` (the subfolder is created).
   */
  async writeText(file: string, text: string): Promise<void> {
    const path = join(this.#work, ...relativeSegments(file));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }

  /** Entries of the tables written so far, for the manifest. */
  tables(): Map<TableName, DatasetFileEntry> {
    return this.#tables;
  }

  /**
   * Writes the manifest and puts the complete folder in place of the target, after checking
   * again that the target is still new, empty or a previous dataset.
   */
  async commit(manifest: DatasetManifest): Promise<void> {
    await writeFile(join(this.#work, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const { exists } = await checkOutputFolder(this.#given);
    try {
      if (exists === 'dataset') await this.#replace();
      else {
        if (exists === 'empty') await rmdir(this.target);
        await rename(this.#work, this.target);
      }
    } catch (error) {
      if (error instanceof OutputFolderError) throw error;
      throw new OutputFolderError(
        `${outputLabel(this.#given)} : impossible de mettre le jeu de données en place — ${systemReason(error)}.`,
      );
    }
    this.#settle();
  }

  /** Swaps a previous dataset for the new one; removes it only once it is aside and checked again. */
  async #replace(): Promise<void> {
    await rename(this.target, this.#previous);
    if (!(await isReplaceableDataset(this.#previous))) {
      await rename(this.#previous, this.target);
      throw new OutputFolderError(
        `${outputLabel(this.#given)} : ce dossier a changé pendant l’écriture et n’est plus seulement un jeu de données : il est laissé intact ; relancez avec un dossier nouveau ou vide.`,
      );
    }
    try {
      await rename(this.#work, this.target);
    } catch (error) {
      await rename(this.#previous, this.target);
      throw error;
    }
    await rm(this.#previous, { recursive: true, force: true });
  }

  /** Removes the temporary folder (after a failure); puts back a previous dataset set aside. */
  async abort(): Promise<void> {
    await rm(this.#work, { recursive: true, force: true });
    if (existsSync(this.#previous)) {
      if (existsSync(this.target)) await rm(this.#previous, { recursive: true, force: true });
      else await rename(this.#previous, this.target);
    }
    this.#settle();
  }

  /** `abort()`, synchronously: for signal handlers, which cannot wait for promises. */
  abortSync(): void {
    rmSync(this.#work, { recursive: true, force: true });
    if (existsSync(this.#previous)) {
      if (existsSync(this.target)) rmSync(this.#previous, { recursive: true, force: true });
      else renameSync(this.#previous, this.target);
    }
    this.#settle();
  }

  /** Calls `listener` once the writer has committed or aborted; returns the unsubscription. */
  onSettled(listener: () => void): () => void {
    if (this.#settled) {
      listener();
      return () => {};
    }
    this.#settledListeners.add(listener);
    return () => this.#settledListeners.delete(listener);
  }

  #settle(): void {
    this.#settled = true;
    for (const listener of [...this.#settledListeners]) listener();
    this.#settledListeners.clear();
  }
}

/**
 * On SIGINT or SIGTERM, removes the writer's temporary folder synchronously and exits with 130 or
 * 143. The handlers go away once the writer commits or aborts, or when the returned function is
 * called. `notice` says what happens (on stderr by default).
 */
export function removeOnSignal(
  writer: DatasetWriter,
  notice: (signal: HandledSignal) => void = () =>
    console.error('Interrompu : le dossier partiel est supprimé.'),
): () => void {
  const handlers = new Map<HandledSignal, () => void>();
  let unsubscribe = (): void => {};
  const unregister = (): void => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    handlers.clear();
    unsubscribe();
  };
  for (const signal of Object.keys(SIGNAL_EXIT_CODES) as HandledSignal[]) {
    const handler = (): void => {
      unregister();
      try {
        notice(signal);
        writer.abortSync();
      } finally {
        process.exit(SIGNAL_EXIT_CODES[signal]);
      }
    };
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
  unsubscribe = writer.onSettled(unregister);
  return unregister;
}
