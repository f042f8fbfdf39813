/*
 * A territory imported in the page, kept in this browser (IndexedDB) so that a reload opens it
 * again. What is kept is the packed dataset exactly as the import produced it (manifest and
 * files, whose sha256 the manifest lists) and, apart, the rows added to it later (« ajout » mode),
 * one batch per addition with its own sha256s: an addition writes only its own bytes, never the
 * whole territory again. Reading checks each record's shape, then every byte against those
 * checksums, before anything loads: a damaged record is reported (and can be deleted), never trusted.
 *
 * Three keys, written together when a territory is saved:
 *   `resume`   { format, id, name, savedAt }   small: read to know what is stored
 *   `fichiers` { id, files: [{ name, bytes }] } the dataset folder
 *   `ajouts`   { id, additions: [...] }         the additions, in order
 *
 * IndexedDB (through idb-keyval) rather than the origin private file system: it stores the
 * `Uint8Array`s as they are, from the page's main thread, in every browser the site supports;
 * OPFS would add file handles (synchronous writes only in a worker) for no gain at this size.
 * One territory is kept at a time: importing another replaces it.
 */
import { z } from 'zod';

import { sha256Hex } from './checksum.ts';
import {
  MANIFEST_FILE,
  ManifestError,
  parseManifest,
  type DatasetFileEntry,
  type DatasetManifest,
} from './manifest.ts';
import { guard, type KeyValueStore } from './territory-store.ts';

export {
  browserTerritoryStore,
  memoryTerritoryStore,
  StorageError,
  type KeyValueStore,
  type StorageFailure,
} from './territory-store.ts';

/** Which dataset a page shows: the one served with the site, or a territory imported in a browser. */
export type DatasetRef = { readonly kind: 'served' } | { readonly kind: 'local'; readonly id: string };

/** What is stored, without its bytes. */
export interface SavedSummary {
  /** First 12 hex digits of the manifest's sha256: the territory's name in links (`d=local:…`). */
  readonly id: string;
  readonly name: string;
  /** When it was imported, ISO 8601. */
  readonly savedAt: string;
}

/** Rows added to a saved territory: Arrow tables by table name, and the files they came from. */
export interface SavedAddition {
  readonly tables: ReadonlyMap<string, Uint8Array>;
  readonly sources: readonly string[];
}

/** A stored territory, checked: its files match its manifest, its additions their checksums. */
export interface SavedTerritory extends SavedSummary {
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly manifest: DatasetManifest;
  readonly additions: readonly SavedAddition[];
}

/** The three stored records, by key. */
export type StoredRecord = 'resume' | 'fichiers' | 'ajouts';

/** What a damaged record holds where a value was expected: nothing, or a value of another type. */
export type FoundValue =
  'absent' | 'null' | 'text' | 'number' | 'boolean' | 'list' | 'bytes' | 'object' | 'other';

/** Why a stored territory cannot be opened. */
export type StoredProblem =
  /** A record written by another version of the site (its `format` is not this one). */
  | { readonly kind: 'format' }
  /**
   * A record that is not the shape this module writes: `path` leads to the first wrong value
   * (keys and list indexes, e.g. `['additions', 0, 'tables', 0]`), `found` says what is there.
   */
  | {
      readonly kind: 'damaged';
      readonly record: StoredRecord;
      readonly path: readonly (string | number)[];
      readonly found: FoundValue;
    }
  | { readonly kind: 'partial' }
  | { readonly kind: 'manifest'; readonly detail: string }
  | { readonly kind: 'missing'; readonly file: string }
  | { readonly kind: 'size'; readonly file: string; readonly bytes: number; readonly expected: number }
  | { readonly kind: 'checksum'; readonly file: string }
  | { readonly kind: 'load'; readonly detail: string };

/** What reading the storage found. */
export type SavedRead =
  | { readonly status: 'none' }
  | { readonly status: 'ok'; readonly territory: SavedTerritory }
  | { readonly status: 'corrupt'; readonly summary: SavedSummary | null; readonly problem: StoredProblem };

const FORMAT = 1;
const KEYS = { summary: 'resume', files: 'fichiers', additions: 'ajouts' } as const satisfies Record<
  string,
  StoredRecord
>;

/*
 * The records as this module writes them. What is read back is checked against these before any
 * of it is used: a record damaged on disk, or written by hand, is reported, never trusted.
 */
const byteArray = z.instanceof(Uint8Array);
const summarySchema = z.object({
  format: z.literal(FORMAT),
  id: z.string().regex(/^[0-9a-f]{12}$/),
  name: z.string(),
  savedAt: z.iso.datetime(),
});
const filesSchema = z.object({
  id: z.string(),
  files: z.array(z.object({ name: z.string(), bytes: byteArray })),
});
const additionsSchema = z.object({
  id: z.string(),
  additions: z.array(
    z.object({
      tables: z.array(z.object({ table: z.string(), bytes: byteArray, sha256: z.string() })),
      sources: z.array(z.string()),
    }),
  ),
});

function foundValue(value: unknown): FoundValue {
  if (value === undefined) return 'absent';
  if (value === null) return 'null';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'list';
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return 'bytes';
  return typeof value === 'object' ? 'object' : 'other';
}

/** The value found at `path` in `value` (undefined where the path leads nowhere). */
function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let here = value;
  for (const key of path) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<string | number, unknown>)[key];
  }
  return here;
}

/** Checks a record read back against its schema: its data, or where it is damaged. */
function checkRecord<T>(
  schema: z.ZodType<T>,
  record: StoredRecord,
  value: unknown,
): { data: T } | { problem: StoredProblem } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { data: parsed.data };
  const issue = parsed.error.issues[0];
  const path = (issue?.path ?? []).map((key) => (typeof key === 'number' ? key : String(key)));
  return { problem: { kind: 'damaged', record, path, found: foundValue(valueAt(value, path)) } };
}

/** A summary of another version of the site: an object whose `format` is another number. */
function otherFormat(value: unknown): boolean {
  const format = (value as { format?: unknown } | null | undefined)?.format;
  return typeof format === 'number' && format !== FORMAT;
}

/**
 * Copies of the files' bytes. Loading a dataset hands its buffers to DuckDB's worker (they are
 * detached): what is to be stored must be copied before.
 */
export function snapshotFiles(files: ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> {
  return new Map([...files].map(([name, bytes]) => [name, bytes.slice()]));
}

/** The id of a packed dataset: the first 12 hex digits of its manifest's sha256. */
export async function territoryId(files: ReadonlyMap<string, Uint8Array>): Promise<string> {
  const manifest = files.get(MANIFEST_FILE);
  if (!manifest) throw new ManifestError(`${MANIFEST_FILE} absent du jeu importé.`);
  return (await sha256Hex(manifest)).slice(0, 12);
}

/** Whether a string is a territory id as `territoryId` makes them. */
export function isTerritoryId(value: string): boolean {
  return /^[0-9a-f]{12}$/.test(value);
}

/**
 * Stores a packed dataset (replacing any stored territory and its additions) and returns what
 * was stored. Throws a `StorageError` when the browser refuses: `quota` when its storage is full
 * (the three records are written in one transaction: a refused write leaves the previous
 * territory as it was).
 */
export async function saveTerritory(
  store: KeyValueStore,
  files: ReadonlyMap<string, Uint8Array>,
  savedAt: Date,
): Promise<SavedSummary> {
  const id = await territoryId(files);
  const manifest = parseManifest(new TextDecoder().decode(files.get(MANIFEST_FILE)));
  const summary: SavedSummary = { id, name: manifest.name, savedAt: savedAt.toISOString() };
  await guard(() =>
    store.setMany([
      [KEYS.summary, { format: FORMAT, ...summary }],
      [KEYS.files, { id, files: [...files].map(([name, bytes]) => ({ name, bytes })) }],
      [KEYS.additions, { id, additions: [] }],
    ]),
  );
  return summary;
}

/**
 * Appends rows added to the territory `id` to its stored additions. Returns false (and writes
 * nothing) when the stored territory is not `id` (another one, or none). Throws a `StorageError`
 * when the browser refuses (`quota`: the additions stored before stay as they were).
 */
export async function saveAddition(
  store: KeyValueStore,
  id: string,
  addition: SavedAddition,
): Promise<boolean> {
  const summary = await guard(() => readSummary(store));
  if (summary?.id !== id) return false;
  const stored = (await guard(() => store.get(KEYS.additions))) as
    { id?: unknown; additions?: unknown } | undefined;
  // Damaged additions are kept as they are: reading the territory reports them.
  const before: unknown[] = stored?.id === id && Array.isArray(stored.additions) ? stored.additions : [];
  const tables = await Promise.all(
    [...addition.tables].map(async ([table, bytes]) => ({ table, bytes, sha256: await sha256Hex(bytes) })),
  );
  await guard(() =>
    store.set(KEYS.additions, { id, additions: [...before, { tables, sources: [...addition.sources] }] }),
  );
  return true;
}

/** Removes the stored territory and its additions. */
export async function removeSavedTerritory(store: KeyValueStore): Promise<void> {
  await guard(() => store.delMany([KEYS.summary, KEYS.files, KEYS.additions]));
}

/** What the stored summary says: nothing stored, the summary, or why it cannot be read. */
export type SummaryRead =
  | { readonly status: 'none' }
  | { readonly status: 'ok'; readonly summary: SavedSummary }
  | { readonly status: 'corrupt'; readonly summary: null; readonly problem: StoredProblem };

function summaryOf(value: unknown): SummaryRead {
  if (value === undefined) return { status: 'none' };
  if (otherFormat(value)) return { status: 'corrupt', summary: null, problem: { kind: 'format' } };
  const checked = checkRecord(summarySchema, KEYS.summary, value);
  if ('problem' in checked) return { status: 'corrupt', summary: null, problem: checked.problem };
  const { id, name, savedAt } = checked.data;
  return { status: 'ok', summary: { id, name, savedAt } };
}

/**
 * What is stored, without reading its bytes: whether a territory is there, and whether its
 * summary is readable. Throws a `StorageError` when the storage itself cannot be read.
 */
export async function readStoredSummary(store: KeyValueStore): Promise<SummaryRead> {
  return summaryOf(await guard(() => store.get(KEYS.summary)));
}

/** What is stored, without reading its bytes (null: nothing, or a summary that cannot be read). */
export async function readSummary(store: KeyValueStore): Promise<SavedSummary | null> {
  const read = await readStoredSummary(store);
  return read.status === 'ok' ? read.summary : null;
}

/** Checks the dataset's files against its manifest: the first problem found, or the manifest. */
async function checkFiles(
  files: ReadonlyMap<string, Uint8Array>,
): Promise<{ problem: StoredProblem } | { manifest: DatasetManifest }> {
  const text = files.get(MANIFEST_FILE);
  if (!text) return { problem: { kind: 'missing', file: MANIFEST_FILE } };
  let manifest: DatasetManifest;
  try {
    manifest = parseManifest(new TextDecoder().decode(text));
  } catch (error) {
    return { problem: { kind: 'manifest', detail: (error as Error).message } };
  }
  // Every file the manifest lists (tables added to the format later may be absent from it).
  const listed = Object.values(manifest.tables).filter((e): e is DatasetFileEntry => e !== undefined);
  for (const entry of [...listed, manifest.geometry.communes]) {
    const bytes = files.get(entry.file);
    if (!bytes) return { problem: { kind: 'missing', file: entry.file } };
    if (bytes.byteLength !== entry.bytes)
      return { problem: { kind: 'size', file: entry.file, bytes: bytes.byteLength, expected: entry.bytes } };
    if ((await sha256Hex(bytes)) !== entry.sha256) return { problem: { kind: 'checksum', file: entry.file } };
  }
  return { manifest };
}

/** Checks the stored additions of territory `id`: the first problem found, or the additions. */
async function checkAdditions(
  value: unknown,
  id: string,
): Promise<{ problem: StoredProblem } | { additions: SavedAddition[] }> {
  // Nothing added yet, or additions of a territory since replaced (a save cut short): none of this one.
  const storedId = (value as { id?: unknown } | null | undefined)?.id;
  if (value === undefined || (typeof storedId === 'string' && storedId !== id)) return { additions: [] };
  const checked = checkRecord(additionsSchema, KEYS.additions, value);
  if ('problem' in checked) return checked;
  const additions: SavedAddition[] = [];
  for (const [index, item] of checked.data.additions.entries()) {
    const tables = new Map<string, Uint8Array>();
    for (const { table, bytes, sha256 } of item.tables) {
      if ((await sha256Hex(bytes)) !== sha256)
        return { problem: { kind: 'checksum', file: `ajout-${index + 1}/${table}` } };
      tables.set(table, bytes);
    }
    additions.push({ tables, sources: item.sources });
  }
  return { additions };
}

/**
 * Reads the stored territory and checks it whole (each record's shape, the manifest, each file's
 * size and sha256, each addition's sha256): `ok` only if every byte is as it was saved. Whatever
 * the records hold, a damaged territory is reported as `corrupt`, never thrown; only a storage
 * that cannot be read at all throws (a `StorageError`).
 */
export async function readSavedTerritory(store: KeyValueStore): Promise<SavedRead> {
  const read = await readStoredSummary(store);
  if (read.status !== 'ok') return read;
  const { summary } = read;
  const stored = await guard(() => store.get(KEYS.files));
  const storedAdditions = await guard(() => store.get(KEYS.additions));
  try {
    if (stored === undefined) return { status: 'corrupt', summary, problem: { kind: 'partial' } };
    const record = checkRecord(filesSchema, KEYS.files, stored);
    if ('problem' in record) return { status: 'corrupt', summary, problem: record.problem };
    // The dataset of a territory whose save was cut short, beside another one's summary.
    if (record.data.id !== summary.id) return { status: 'corrupt', summary, problem: { kind: 'partial' } };
    const files = new Map(record.data.files.map(({ name, bytes }) => [name, bytes]));
    const checked = await checkFiles(files);
    if ('problem' in checked) return { status: 'corrupt', summary, problem: checked.problem };
    if ((await territoryId(files)) !== summary.id)
      return { status: 'corrupt', summary, problem: { kind: 'checksum', file: MANIFEST_FILE } };
    const added = await checkAdditions(storedAdditions, summary.id);
    if ('problem' in added) return { status: 'corrupt', summary, problem: added.problem };
    return {
      status: 'ok',
      territory: { ...summary, files, manifest: checked.manifest, additions: added.additions },
    };
  } catch (error) {
    // Not expected once the records are checked; still a reason to show, not a page that breaks.
    const detail = error instanceof Error ? error.message : String(error);
    return { status: 'corrupt', summary, problem: { kind: 'load', detail } };
  }
}
