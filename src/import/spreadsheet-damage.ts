/*
 * What keeps a damaged workbook from hanging SheetJS or reaching the user as SheetJS's own error:
 * the checks run before and after it parses, and the French wording of its refusals.
 */
import * as XLSX from '@e965/xlsx';

import {
  sheetJsContainer,
  unzipChecked,
  ZipError,
  type SheetJsContainer,
  type ZipEntry,
} from './zip-check.ts';

/** A workbook that cannot be read; the message, in French, says why and what to do. */
export class SpreadsheetError extends Error {
  override name = 'SpreadsheetError';
}

/** The part of SheetJS's compound-file library (typed `any` upstream) used to look into an XLS. */
interface CompoundFiles {
  read(bytes: Uint8Array, options: { type: 'array' }): object;
  find(container: object, path: string): { readonly content: ArrayLike<number> } | null;
}
const CFB = XLSX.CFB as CompoundFiles;
/** SheetJS's reader of an unpacked XLSX/XLSB/ODS container: exported by the package, missing from its types. */
const parseZip = (
  XLSX as unknown as { parse_zip(zip: SheetJsContainer, options: XLSX.ParsingOptions): XLSX.WorkBook }
).parse_zip;

/** Total of the entries of a ZIP workbook once inflated; SheetJS holds them all in memory at once. */
const MAX_INFLATED = 2 * 1024 * 1024 * 1024;
/** The largest sheet Excel and LibreOffice make: a cell or a merge beyond it can only come from damage. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** Turns a SheetJS exception (an Error or a bare string) into a French message. */
export function readError(error: unknown): SpreadsheetError {
  if (error instanceof SpreadsheetError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (/password|ODS Encryption|ECMA-376|EncryptionInfo/i.test(detail)) {
    return new SpreadsheetError(
      `classeur protégé par un mot de passe : enregistrez-le sans mot de passe (${detail})`,
    );
  }
  if (/Unsupported ZIP file|not a spreadsheet|Cannot find Workbook|Could not find workbook/i.test(detail)) {
    return new SpreadsheetError(`ce fichier n’est pas un classeur XLSX, ODS ou XLS (${detail})`);
  }
  if (/Invalid string length|allocation failed|out of memory/i.test(detail)) {
    return new SpreadsheetError(`tableur trop volumineux pour être lu ici : exportez-le en CSV (${detail})`);
  }
  return new SpreadsheetError(`fichier tableur illisible ou tronqué (${detail})`);
}

/** The entries of a ZIP workbook, inflated and checked; a damaged archive becomes a French message. */
export function unzipWorkbook(bytes: Uint8Array): readonly ZipEntry[] {
  try {
    return unzipChecked(bytes, MAX_INFLATED);
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    switch (error.problem) {
      case 'damaged':
        return damaged(`l’archive ZIP est corrompue (${error.message})`);
      case 'too-large':
        throw new SpreadsheetError(
          `tableur trop volumineux pour être lu ici : exportez-le en CSV (${error.detail})`,
        );
      default:
        throw new SpreadsheetError(`fichier tableur illisible ou tronqué (${error.detail})`);
    }
  }
}

/** Throws the message of a workbook whose structure is damaged: resaving it usually repairs it. */
export function damaged(detail: string): never {
  throw new SpreadsheetError(
    `tableur endommagé : ${detail} — ouvrez-le dans un tableur et enregistrez-le de nouveau`,
  );
}

/** Parses checked ZIP entries; a binary part that SheetJS read past its end makes the workbook damaged. */
export function parseEntries(entries: readonly ZipEntry[], options: XLSX.ParsingOptions): XLSX.WorkBook {
  const overruns: string[] = [];
  try {
    const wb = parseZip(sheetJsContainer(entries, overruns), options);
    if (overruns.length === 0) return wb;
  } catch (error) {
    if (overruns.length === 0) throw error;
  }
  return damaged(`${overruns[0]} : un enregistrement annonce plus de données que la partie n’en contient`);
}

const asciiBytes = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
/** ODS attributes that make SheetJS copy a cell or a row, with the most a sheet can hold. */
const ODS_REPEATS = [
  [asciiBytes('number-columns-repeated="'), 'une cellule', 'colonnes', MAX_COLUMNS],
  [asciiBytes('number-rows-repeated="'), 'une ligne', 'lignes', MAX_ROWS],
] as const;
const HYPHEN = 0x2d;
const LETTER_R = 0x72;
const QUOTE = 0x22;

/**
 * Refuses an ODS that repeats a cell or a row more times than a sheet holds: SheetJS copies a
 * repeated cell that many times, so a damaged count would keep it looping for billions of copies.
 * Scans the bytes of `content.xml` (decoding hundreds of megabytes would cost more than parsing).
 */
export function checkOdsRepeats(entries: readonly ZipEntry[]): void {
  const xml = entries.find(({ name }) => name === 'content.xml')?.data;
  if (xml === undefined) return;
  // Both attributes are « number-… »: look for a hyphen after an « r », far rarer than letters.
  for (let at = xml.indexOf(HYPHEN); at >= 0; at = xml.indexOf(HYPHEN, at + 1)) {
    if (xml[at - 1] !== LETTER_R) continue;
    const start = at - 'number'.length;
    for (const [attribute, what, unit, max] of ODS_REPEATS) {
      if (!attribute.every((byte, i) => xml[start + i] === byte)) continue;
      const from = start + attribute.length;
      const to = xml.indexOf(QUOTE, from);
      const value = String.fromCharCode(...xml.subarray(from, Math.min(to < 0 ? xml.length : to, from + 32)));
      // SheetJS reads the column count with parseInt and the row count with a unary plus.
      const count = Math.max(Number.parseInt(value, 10) || 0, Number(value) || 0);
      if (count > max) {
        damaged(
          `${what} répétée ${value} fois, au-delà des ${max.toLocaleString('fr-FR')} ${unit} d’une feuille`,
        );
      }
    }
  }
}

/** Where a record holds a length (offset, 1 or 2 bytes) and how many bytes it counts per unit. */
type BiffLength = readonly [name: string, at: number, width: 1 | 2, unit: number];
const FORMULA: BiffLength = ['FORMULA', 20, 2, 1]; // cell, cached value, flags, chn, then cce
const ARRAY: BiffLength = ['ARRAY', 12, 2, 1];
/**
 * BIFF records whose SheetJS parser loops on a length read from the record: a record too short to
 * hold it (or what it counts) makes SheetJS read past its end, get `NaN` and loop forever (found by
 * fuzzing). Layouts of BIFF5/8; SheetJS parses the BIFF2-4 numbers of a record the same way there.
 */
const BIFF_LENGTHS: ReadonlyMap<number, BiffLength> = new Map([
  [0x0006, FORMULA],
  [0x0206, FORMULA],
  [0x0406, FORMULA],
  [0x0221, ARRAY],
  [0x0021, ARRAY],
  [0x04bc, ['SHRFMLA', 8, 2, 1]],
  [0x0007, ['STRING', 0, 1, 1]], // a BIFF2 string
  [0x0017, ['EXTERNSHEET', 0, 2, 0]], // only the count must be there: SheetJS checks the rest
]);
const BIFF_CONTINUE = 0x003c;
const BIFF_FILEPASS = 0x002f;
const BIFF5_BOF = 0x0809;

/**
 * Refuses an XLS with a record shorter than the length it announces (`BIFF_LENGTHS`), before
 * SheetJS parses it. Leaves any other problem (no compound file, no workbook stream, an older BIFF
 * version, an encrypted stream) to SheetJS, which reports it.
 */
export function checkBiff(bytes: Uint8Array): void {
  let stream: ArrayLike<number> | undefined; // a plain array of bytes, as SheetJS assembles streams
  try {
    const container = CFB.read(bytes, { type: 'array' });
    stream = (CFB.find(container, '/Workbook') ?? CFB.find(container, '/Book'))?.content;
  } catch {
    return;
  }
  if (stream === undefined) return;
  const bytesOf = stream;
  const u16 = (at: number) => (bytesOf[at] ?? 0) | ((bytesOf[at + 1] ?? 0) << 8);
  const type = (at: number) => (at + 4 <= bytesOf.length ? u16(at) : -1);
  const size = (at: number) => u16(at + 2);
  if (type(0) !== BIFF5_BOF) return;
  for (let at = 0; type(at) >= 0 && type(at) !== BIFF_FILEPASS; at += 4 + size(at)) {
    const layout = BIFF_LENGTHS.get(type(at));
    if (layout === undefined) continue;
    const [name, offset, width, unit] = layout;
    let available = size(at); // SheetJS reads a record and its CONTINUE records as one
    for (let next = at + 4 + size(at); type(next) === BIFF_CONTINUE; next += 4 + size(next)) {
      available += size(next);
    }
    const data = at + 4 + offset;
    const length = width === 1 ? (bytesOf[data] ?? 0) : u16(data);
    if (offset + width + length * unit > available) {
      damaged(`un enregistrement XLS ${name} est plus court que les données qu’il annonce`);
    }
  }
}

/**
 * Refuses a sheet with a cell or a merge beyond the largest possible sheet, before the loops over
 * its rows and columns (in `readSpreadsheet` and in the readers of the rows) run for billions of them.
 */
export function checkExtent(
  sheet: string,
  data: readonly (readonly unknown[] | undefined)[],
  merges: readonly XLSX.Range[],
): void {
  const beyond = (what: string, max: number) =>
    damaged(
      `la feuille « ${sheet} » a une cellule ou une fusion au-delà de la ${what} ${max.toLocaleString('fr-FR')}`,
    );
  if (data.length > MAX_ROWS || merges.some(({ e }) => e.r >= MAX_ROWS)) beyond('ligne', MAX_ROWS);
  if (data.some((row) => (row?.length ?? 0) > MAX_COLUMNS) || merges.some(({ e }) => e.c >= MAX_COLUMNS)) {
    beyond('colonne', MAX_COLUMNS);
  }
}
