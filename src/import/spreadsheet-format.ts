/*
 * Telling a workbook from its first bytes, without SheetJS: code running in the page's main thread
 * (`sniff.ts`, through `classify.ts`) uses it without pulling SheetJS into the main bundle.
 */

/** The container a workbook came in; « autre tableur » for anything else SheetJS reads. */
export type SpreadsheetFormat = 'XLSX' | 'XLSB' | 'XLS' | 'ODS' | 'autre tableur';

/** Magic number of a ZIP local file header: XLSX, XLSB and ODS are ZIP archives. */
export const ZIP_MAGIC: readonly number[] = [0x50, 0x4b, 0x03, 0x04];
/** Magic number of an OLE2 compound file, the container of a legacy XLS. */
export const OLE2_MAGIC: readonly number[] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
/** Entries of an OpenDocument package; SheetJS reads one holding `META-INF/manifest.xml` as an ODS. */
const OPEN_DOCUMENT_PARTS: ReadonlySet<string> = new Set([
  'mimetype',
  'META-INF/manifest.xml',
  'content.xml',
]);

/** Whether `bytes` hold `magic` at `at`. */
export const startsWithMagic = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  magic.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes.subarray(0, 256));

/** What one ZIP entry says about the archive: a format, `null` (not a workbook) or `undefined` (no clue). */
function entryVerdict(name: string, data: Uint8Array, stored: boolean): SpreadsheetFormat | null | undefined {
  if (/^xl\/(?:_rels\/)?workbook\.bin|^xl\/worksheets\/[^/]+\.bin$/.test(name)) return 'XLSB';
  if (name.startsWith('xl/')) return 'XLSX';
  if (/^(?:word|ppt)\//.test(name)) return null;
  if (name !== 'mimetype' || !stored) return undefined;
  const mime = ascii(data);
  if (mime.startsWith(ODS_MIME)) return 'ODS';
  // A stored `mimetype` cut short by the end of `head` may still be the ODS one.
  return data.length < ODS_MIME.length && ODS_MIME.startsWith(mime) ? undefined : null;
}

/**
 * Walks the ZIP local headers present in `head` until one entry tells what the archive is. With no
 * such entry, an OOXML `[Content_Types].xml` says XLSX, and an entry of an OpenDocument package
 * says ODS: its `mimetype` may lie beyond `head` or be deflated (SheetJS writes it third, and
 * deflated when asked for compression).
 */
function zipFormat(head: Uint8Array): SpreadsheetFormat | null {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let contentTypes = false;
  let openDocument = false;
  for (let at = 0; at + 30 <= head.length && view.getUint32(at, true) === 0x04034b50;) {
    const nameEnd = at + 30 + view.getUint16(at + 26, true);
    const dataStart = nameEnd + view.getUint16(at + 28, true);
    const size = view.getUint32(at + 18, true);
    const name = ascii(head.subarray(at + 30, nameEnd));
    const stored = view.getUint16(at + 8, true) === 0;
    const verdict = entryVerdict(name, head.subarray(dataStart, dataStart + size), stored);
    if (verdict !== undefined) return verdict;
    contentTypes ||= name === '[Content_Types].xml';
    openDocument ||= OPEN_DOCUMENT_PARTS.has(name);
    if ((view.getUint16(at + 6, true) & 0x08) !== 0 && size === 0) break; // sizes in a trailing descriptor
    at = dataStart + size;
  }
  if (contentTypes) return 'XLSX';
  return openDocument ? 'ODS' : null;
}

/**
 * Tells a workbook from its first bytes (magic numbers only): a ZIP holding an OOXML workbook
 * (XLSX/XLSB) or an OpenDocument spreadsheet (ODS), or an OLE2 compound file (XLS). `null` for
 * anything else (CSV, JSON, gzip, a ZIP of other files…).
 */
export function isSpreadsheet(head: Uint8Array): SpreadsheetFormat | null {
  if (startsWithMagic(head, OLE2_MAGIC)) return 'XLS';
  return startsWithMagic(head, ZIP_MAGIC) ? zipFormat(head) : null;
}
