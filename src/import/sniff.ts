/*
 * What a file is, from its first bytes, before anything tries to read it as text: a CSV given
 * as a spreadsheet, a spreadsheet or an archive given as CSV, UTF-16 text from « Enregistrer en
 * Unicode », a gzip-compressed export — each is named for what it is.
 */
import { isSpreadsheet, ZIP_MAGIC, type SpreadsheetFormat } from './spreadsheet-format.ts';

/** Spreadsheet formats the importer reads (through SheetJS). */
export type SpreadsheetKind = SpreadsheetFormat;

/** What the first bytes say. */
export type Sniffed =
  | { readonly type: 'text'; readonly encoding: 'utf-8 ou windows-1252' | 'utf-16le' | 'utf-16be' }
  | { readonly type: 'gzip' }
  | { readonly type: 'spreadsheet'; readonly format: SpreadsheetKind }
  | { readonly type: 'other'; readonly what: string };

const ascii = (bytes: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...bytes.subarray(from, from + length));

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((byte, i) => bytes[i] === byte);

/** Names of the entries whose local headers lie in the first bytes of a ZIP archive. */
export function zipEntryNames(head: Uint8Array): string[] {
  const names: string[] = [];
  let at = 0;
  while (at + 30 <= head.byteLength && startsWith(head.subarray(at), ZIP_MAGIC)) {
    const view = new DataView(head.buffer, head.byteOffset + at);
    const flags = view.getUint16(6, true);
    const compressed = view.getUint32(18, true);
    const nameLength = view.getUint16(26, true);
    const extraLength = view.getUint16(28, true);
    names.push(new TextDecoder().decode(head.subarray(at + 30, at + 30 + nameLength)));
    // With a data descriptor (bit 3) the size is unknown here: stop after this entry.
    if (flags & 0x08) break;
    at += 30 + nameLength + extraLength + compressed;
  }
  return names;
}

/** What a ZIP archive that is not a workbook holds: a document, or files to take out of it. */
function sniffZip(head: Uint8Array): Sniffed {
  const names = zipEntryNames(head);
  if (names.some((n) => n.startsWith('word/'))) return { type: 'other', what: 'document Word (DOCX)' };
  const text = ascii(head, 0, Math.min(head.byteLength, 4096));
  if (text.includes('application/vnd.oasis.opendocument.text'))
    return { type: 'other', what: 'document texte OpenDocument (ODT)' };
  const shown = names.slice(0, 3).join(', ');
  return {
    type: 'other',
    what: `archive ZIP${shown ? ` (contient ${shown}${names.length > 3 ? '…' : ''})` : ''} : décompressez-la et donnez les fichiers qu’elle contient`,
  };
}

/** UTF-16 without a BOM: one byte in two is zero in ASCII-heavy text. */
function utf16Without(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = head.subarray(0, Math.min(head.byteLength, 2048) & ~1);
  if (sample.byteLength < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample.byteLength; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const pairs = sample.byteLength / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

const SIGNATURES: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x42, 0x5a, 0x68], what: 'fichier compressé bzip2 : décompressez-le' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'fichier compressé xz : décompressez-le' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'archive 7-Zip : décompressez-la' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'archive RAR : décompressez-la' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'document PDF : exportez le tableau en CSV ou en tableur' },
  { bytes: [0x50, 0x41, 0x52, 0x31], what: 'fichier Parquet : exportez-le en CSV' },
  { bytes: [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31], what: 'fichier Arrow : ce n’est pas un fichier source' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'base SQLite : exportez la table en CSV' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'image PNG' },
  { bytes: [0xff, 0xd8, 0xff], what: 'image JPEG' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], what: 'texte UTF-32 : enregistrez-le en UTF-8' },
];

/**
 * Binary data: a NUL byte among many control bytes. A text file with a few stray NULs (a damaged
 * export) is text: its cells are cleaned, each NUL counted (see cell-text.ts).
 */
function isBinary(sample: Uint8Array): boolean {
  if (!sample.includes(0)) return false;
  let control = 0;
  for (const byte of sample) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) control++;
  return control > Math.max(8, sample.byteLength / 100);
}

/** What a file is, from its first bytes (64 KB are plenty; fewer work for most formats). */
export function sniff(head: Uint8Array): Sniffed {
  if (startsWith(head, [0x1f, 0x8b])) return { type: 'gzip' };
  // XLSX, XLSB and ODS (ZIP archives), XLS (OLE2 compound files): told apart by the workbook reader's own test.
  const workbook = isSpreadsheet(head);
  if (workbook !== null) return { type: 'spreadsheet', format: workbook };
  if (startsWith(head, ZIP_MAGIC)) return sniffZip(head);
  if (startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return { type: 'other', what: 'archive ZIP vide' };
  const known = SIGNATURES.find((s) => startsWith(head, s.bytes));
  if (known) return { type: 'other', what: known.what };
  if (startsWith(head, [0xff, 0xfe])) return { type: 'text', encoding: 'utf-16le' };
  if (startsWith(head, [0xfe, 0xff])) return { type: 'text', encoding: 'utf-16be' };
  const utf16 = utf16Without(head);
  if (utf16) return { type: 'text', encoding: utf16 };
  if (isBinary(head.subarray(0, 8192)))
    return { type: 'other', what: 'fichier binaire (octets nuls) : pas un fichier texte' };
  return { type: 'text', encoding: 'utf-8 ou windows-1252' };
}
