import * as XLSX from '@e965/xlsx';
import { inflateSync } from 'fflate';

/**
 * What stands between the bytes of a ZIP workbook (XLSX, XLSB, ODS) and SheetJS, which must never
 * hang on a damaged one:
 * - `unzipChecked` reads the archive with the checks SheetJS's own reader lacks (its inflater loops
 *   forever on some damaged deflate streams and it trusts any size a header claims): every entry
 *   is located through the central directory, its local header must agree with it, and it is
 *   inflated by fflate — which throws on invalid data and does a bounded amount of work — into a
 *   buffer of exactly the announced size, so a damaged archive fails fast with the entry named;
 * - `sheetJsContainer` hands SheetJS those entries, already inflated, with the reads of its XLSB
 *   record parsers kept within each part.
 */

/** One entry of an archive, inflated. */
export interface ZipEntry {
  /** Path inside the archive, as written (`xl/worksheets/sheet1.xml`, `xl/` for a folder). */
  readonly name: string;
  readonly data: Uint8Array;
}

/** Why an archive was refused: cut short, damaged, using a feature no reader here has, or too big. */
export type ZipProblem = 'truncated' | 'damaged' | 'unsupported' | 'too-large';

/** An archive that cannot be read; `entry` names the culprit when there is one. */
export class ZipError extends Error {
  override name = 'ZipError';
  readonly problem: ZipProblem;
  readonly entry: string | undefined;
  /** The reason alone, without the entry name that `message` starts with. */
  readonly detail: string;

  constructor(problem: ZipProblem, entry: string | undefined, detail: string) {
    super(entry === undefined ? detail : `${entry} : ${detail}`);
    this.problem = problem;
    this.entry = entry;
    this.detail = detail;
  }
}

const END = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const UNKNOWN_SIZE = 0xffffffff;
/** Deflate writes at least 2 bits (a length code and a distance code) for up to 258 bytes. */
const MAX_DEFLATE_RATIO = 1032;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED = 0x2041; // traditional, strong or central-directory encryption, as SheetJS tests it
const DESCRIPTOR = 0x08; // sizes in a data descriptor after the data, possibly zero in the local header
const UTF8_NAME = 0x0800;

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder();

/** What the central directory says about one entry. */
interface CentralEntry {
  readonly name: string;
  readonly nameBytes: Uint8Array;
  readonly method: number;
  readonly compressed: number;
  readonly size: number;
  readonly offset: number;
}

/** Position of the end-of-central-directory record, searched backwards over the longest comment. */
function findEnd(view: DataView): number | undefined {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 65_557); at--) {
    if (view.getUint32(at, true) === END) return at;
  }
  return undefined;
}

/** Reads the 64-bit values of a ZIP64 extra field that replace the 32-bit fields set to 0xFFFFFFFF. */
function zip64Values(view: DataView, from: number, to: number, wanted: number): number[] | undefined {
  for (let at = from; at + 4 <= to; at += 4 + view.getUint16(at + 2, true)) {
    if (view.getUint16(at, true) !== ZIP64_EXTRA) continue;
    const values: number[] = [];
    for (let k = 0; k < wanted && at + 12 + 8 * k <= to; k++) {
      values.push(Number(view.getBigUint64(at + 4 + 8 * k, true)));
    }
    return values.length === wanted ? values : undefined;
  }
  return undefined;
}

/** The `index`-th central directory header at `at`, or a `ZipError`; also returns where the next one starts. */
function centralEntry(bytes: Uint8Array, view: DataView, at: number, index: number): [CentralEntry, number] {
  if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL) {
    throw new ZipError('damaged', 'répertoire central', `en-tête de l’entrée n° ${index + 1} introuvable`);
  }
  const flags = view.getUint16(at + 8, true);
  const nameEnd = at + 46 + view.getUint16(at + 28, true);
  const extraEnd = nameEnd + view.getUint16(at + 30, true);
  const next = extraEnd + view.getUint16(at + 32, true);
  if (next > view.byteLength) {
    throw new ZipError('damaged', 'répertoire central', `entrée n° ${index + 1} hors de l’archive`);
  }
  const nameBytes = bytes.subarray(at + 46, nameEnd);
  const name = ((flags & UTF8_NAME) !== 0 ? utf8 : latin1).decode(nameBytes);
  let [size, compressed, offset] = [at + 24, at + 20, at + 42].map((field) =>
    view.getUint32(field, true),
  ) as [number, number, number];
  const wide = [size, compressed, offset].filter((value) => value === UNKNOWN_SIZE).length;
  if (wide > 0) {
    // The ZIP64 extra field holds, in this order, only the values whose 32-bit field is 0xFFFFFFFF.
    const values = zip64Values(view, nameEnd, extraEnd, wide);
    if (values === undefined) throw new ZipError('damaged', name, 'champ ZIP64 absent ou incomplet');
    if (size === UNKNOWN_SIZE) size = values.shift() ?? size;
    if (compressed === UNKNOWN_SIZE) compressed = values.shift() ?? compressed;
    if (offset === UNKNOWN_SIZE) offset = values.shift() ?? offset;
  }
  const method = view.getUint16(at + 10, true);
  return [{ name, nameBytes, method, compressed, size, offset }, next];
}

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

/** Where the data of `entry` starts, after checking that its local header agrees with the central one. */
function dataStart(view: DataView, bytes: Uint8Array, entry: CentralEntry): number {
  const { name, offset } = entry;
  if (offset + 30 > view.byteLength || view.getUint32(offset, true) !== LOCAL) {
    throw new ZipError('damaged', name, 'en-tête local introuvable');
  }
  const flags = view.getUint16(offset + 6, true);
  const method = view.getUint16(offset + 8, true);
  // Same wording as SheetJS, which reads these two fields from the local header too.
  if ((flags & ENCRYPTED) !== 0) throw new ZipError('unsupported', undefined, 'Unsupported ZIP encryption');
  if (method !== STORED && method !== DEFLATED) {
    throw new ZipError('unsupported', undefined, `Unsupported ZIP Compression method ${method}`);
  }
  if (method !== entry.method) {
    throw new ZipError(
      'damaged',
      name,
      `méthode de compression ${method} dans l’en-tête local, ${entry.method} dans le répertoire central`,
    );
  }
  const nameEnd = offset + 30 + view.getUint16(offset + 26, true);
  const start = nameEnd + view.getUint16(offset + 28, true);
  if (!sameBytes(bytes.subarray(offset + 30, nameEnd), entry.nameBytes)) {
    throw new ZipError('damaged', name, 'nom différent dans l’en-tête local');
  }
  const [compressed, size] = [view.getUint32(offset + 18, true), view.getUint32(offset + 22, true)];
  const comparable = (flags & DESCRIPTOR) === 0 && compressed !== UNKNOWN_SIZE && size !== UNKNOWN_SIZE;
  if (comparable && (compressed !== entry.compressed || size !== entry.size)) {
    throw new ZipError(
      'damaged',
      name,
      `tailles ${compressed}/${size} dans l’en-tête local, ${entry.compressed}/${entry.size} dans le répertoire central`,
    );
  }
  if (start + entry.compressed > view.byteLength) {
    throw new ZipError('damaged', name, 'données hors de l’archive');
  }
  return start;
}

/** Checks that the announced size is possible before allocating it. */
function checkSize(entry: CentralEntry): void {
  const { name, method, compressed, size } = entry;
  if (method === STORED ? size !== compressed : size > compressed * MAX_DEFLATE_RATIO + 1024) {
    throw new ZipError(
      'damaged',
      name,
      `taille annoncée impossible (${size} octets pour ${compressed} compressés)`,
    );
  }
}

/** The entry's data, inflated into a buffer one byte longer than announced to notice any excess. */
function inflateEntry(raw: Uint8Array, entry: CentralEntry): Uint8Array {
  const { name, method, size } = entry;
  if (method === STORED || raw.length === 0) {
    if (raw.length !== size) throw new ZipError('damaged', name, `${raw.length} octets au lieu de ${size}`);
    return raw;
  }
  let data: Uint8Array;
  try {
    data = inflateSync(raw, { out: new Uint8Array(size + 1) });
  } catch (error) {
    throw new ZipError('damaged', name, error instanceof Error ? error.message : String(error));
  }
  if (data.length > size) throw new ZipError('damaged', name, `plus de ${size} octets une fois décompressé`);
  if (data.length < size) {
    throw new ZipError('damaged', name, `${data.length} octets une fois décompressé au lieu de ${size}`);
  }
  return data;
}

/**
 * Every entry of a ZIP archive, in central-directory order, inflated and checked (see the module
 * comment). Throws `ZipError`: `truncated` when the archive has no end record, `damaged` for a
 * header that contradicts another, data out of the archive, invalid deflate data or a size that
 * differs from the announced one, `unsupported` for encryption or a method other than stored and
 * deflate, `too-large` when the entries would take more than `maxBytes` once inflated.
 */
export function unzipChecked(bytes: Uint8Array, maxBytes: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  if (end === undefined) throw new ZipError('truncated', undefined, 'archive ZIP sans répertoire final');
  const count = view.getUint16(end + 10, true);
  const entries: CentralEntry[] = [];
  let total = 0;
  for (let i = 0, at = view.getUint32(end + 16, true); i < count; i++) {
    const [entry, next] = centralEntry(bytes, view, at, i);
    checkSize(entry);
    entries.push(entry);
    total += entry.size;
    at = next;
  }
  if (total > maxBytes) {
    const mb = Math.round(total / 1024 / 1024);
    throw new ZipError('too-large', undefined, `${mb} Mo une fois décompressé`);
  }
  return entries.map((entry) => {
    const start = dataStart(view, bytes, entry);
    return { name: entry.name, data: inflateEntry(bytes.subarray(start, start + entry.compressed), entry) };
  });
}

/** SheetJS's container of files (typed `any` upstream), as `parse_zip` takes it. */
export type SheetJsContainer = object;

/** SheetJS's binary reader: reads `size` units (bytes, or characters for string types) at `this.l` and moves on. */
type ReadShift = (this: SheetJsBlob, size: number, type?: string) => unknown;
interface SheetJsBlob extends Uint8Array {
  l: number;
}
/** The part of SheetJS's container library (typed `any` upstream) used here. */
interface Cfb {
  readonly utils: {
    cfb_new(): SheetJsContainer;
    cfb_add(
      container: SheetJsContainer,
      name: string,
      content: Uint8Array,
      options: { unsafe: true },
    ): unknown;
    readonly ReadShift: ReadShift;
  };
}
const CFB = XLSX.CFB as Cfb;
/** String types whose size SheetJS counts in UTF-16 code units, two bytes each. */
const WIDE_STRINGS = new Set(['dbcs', 'dbcs-cont', 'wstr', 'utf16le']);

/**
 * Keeps SheetJS's reads within one binary part. Its XLSB record parsers loop on counts read from
 * the file (runs of a rich string, metadata blocks, sheet references…) without comparing them with
 * the bytes left, so one damaged count makes them read and allocate for billions of items. They
 * read through a `read_shift` method that SheetJS sets on the array itself: pinned here to a
 * bounded one, it ends every such loop at the end of the part. The part's name goes to `overruns`
 * as well as in the error, since SheetJS swallows errors while parsing a sheet or the strings.
 */
function boundReads(part: Uint8Array, name: string, overruns: string[]): void {
  const read: ReadShift = function (size, type) {
    const bytes = type !== undefined && WIDE_STRINGS.has(type) ? 2 * size : Math.abs(size);
    if (this.l + bytes <= this.length) {
      const value = CFB.utils.ReadShift.call(this, size, type);
      if (this.l <= this.length) return value;
    }
    overruns.push(name);
    throw new Error(`${name} : lecture au-delà de la fin de la partie`);
  };
  Object.defineProperty(part, 'read_shift', { get: () => read, set: () => undefined });
}

/**
 * SheetJS's container of checked entries, as its own unzipper builds it, for `XLSX.parse_zip`: it
 * then never inflates anything itself. Each call gives fresh views (SheetJS keeps its read position
 * on them), Buffers in Node as SheetJS's unzipper gives them there, and bounds the reads in binary
 * parts (`.bin`): a part read past its end is named in `overruns`.
 */
export function sheetJsContainer(entries: readonly ZipEntry[], overruns: string[]): SheetJsContainer {
  const container = CFB.utils.cfb_new();
  for (const { name, data } of entries) {
    const view =
      typeof Buffer === 'undefined'
        ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
        : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (name.endsWith('.bin')) boundReads(view, name, overruns);
    CFB.utils.cfb_add(container, name, view, { unsafe: true });
  }
  return container;
}
