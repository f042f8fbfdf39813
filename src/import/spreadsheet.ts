import * as XLSX from '@e965/xlsx';

import {
  sheetJsContainer,
  unzipChecked,
  ZipError,
  type SheetJsContainer,
  type ZipEntry,
} from './zip-check.ts';

/** The container a workbook came in; « autre tableur » for anything else SheetJS reads. */
export type SpreadsheetFormat = 'XLSX' | 'XLSB' | 'XLS' | 'ODS' | 'autre tableur';

/** One row of the sheet, as text cells. */
export interface SheetRow {
  /** 1-based row number as the spreadsheet shows it (row 1 = first row of the sheet, even if the used range starts lower). */
  readonly line: number;
  /** Text of each cell from column A to the last used column (empty string for an empty cell). Trailing empty cells may be omitted. */
  readonly cells: readonly string[];
}

/** A merged range, 1-based and inclusive; only its top-left cell holds the value. */
export interface SheetMerge {
  readonly line: number;
  readonly lastLine: number;
  readonly column: number;
  readonly lastColumn: number;
}

/** One sheet of a workbook turned into text rows, ready for the same readers as a CSV file. */
export interface SpreadsheetTable {
  readonly format: SpreadsheetFormat;
  /** The sheet read. */
  readonly sheet: string;
  /** Every sheet name, in workbook order. */
  readonly sheets: readonly string[];
  /** Every row from row 1 to the last used row, blank rows included. */
  readonly rows: readonly SheetRow[];
  readonly merges: readonly SheetMerge[];
  /** Facts worth a line in the import report (French keys, non-zero counts only). */
  readonly notes: Readonly<Record<string, number>>;
}

/** A workbook that cannot be read; the message, in French, says why and what to do. */
export class SpreadsheetError extends Error {
  override name = 'SpreadsheetError';
}

/** The part of SheetJS's number-format library (typed `any` upstream) used here. */
type DateCode = Readonly<Record<'D' | 'y' | 'm' | 'd' | 'H' | 'M' | 'S', number>>;
interface Ssf {
  is_date(format: string): boolean;
  parse_date_code(serial: number, options: { date1904: boolean }): DateCode | null;
  format(format: string, value: number): string;
}
const SSF = XLSX.SSF as Ssf;

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

const MAX_BYTES = 200 * 1024 * 1024;
/** Total of the entries of a ZIP workbook once inflated; SheetJS holds them all in memory at once. */
const MAX_INFLATED = 2 * 1024 * 1024 * 1024;
/** The largest sheet Excel and LibreOffice make: a cell or a merge beyond it can only come from damage. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
const BOOK_TYPES: Readonly<Record<string, SpreadsheetFormat>> = {
  xlsx: 'XLSX',
  xlsm: 'XLSX',
  xlsb: 'XLSB',
  ods: 'ODS',
};
const NOTE = {
  dates: 'cellules date converties en AAAA-MM-JJ',
  formulas: 'cellules formule (valeur en cache reprise)',
  numericText: 'cellules nombre écrit en texte',
  errors: 'cellules en erreur (#N/A…) vidées',
  unwritable: 'nombres non représentables vidés',
  merges: 'plages fusionnées',
  links: 'liens vers d’autres classeurs ignorés',
  sheets: 'feuilles',
} as const;
const NUMERIC_TEXT = /^\s*[-+]?\d[\d\s\u00a0\u202f]*(?:[.,]\d+)?\s*$/;
/** A formula pointing into another workbook: `[1]Feuil1!A1`, `'C:\[budget.xlsx]Ma feuille'!A1`. */
const EXTERNAL_REF = /'[^']*\[[^\]]+\][^']*'!|\[[^\]]+\][\p{L}\p{N}_.]+!/u;

interface Context {
  readonly date1904: boolean;
  readonly notes: Record<string, number>;
}

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  magic.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes.subarray(0, 256));
const count = (ctx: Context, key: string) => (ctx.notes[key] = (ctx.notes[key] ?? 0) + 1);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** What one ZIP entry says about the archive: a format, `null` (not a workbook) or `undefined` (no clue). */
function entryVerdict(name: string, data: Uint8Array, stored: boolean): SpreadsheetFormat | null | undefined {
  if (/^xl\/(?:_rels\/)?workbook\.bin|^xl\/worksheets\/[^/]+\.bin$/.test(name)) return 'XLSB';
  if (name.startsWith('xl/')) return 'XLSX';
  if (/^(?:word|ppt)\//.test(name)) return null;
  if (name !== 'mimetype' || !stored || data.length < ODS_MIME.length) return undefined;
  return ascii(data).startsWith(ODS_MIME) ? 'ODS' : null;
}

/** Walks the ZIP local headers present in `head` until one entry tells what the archive is. */
function zipFormat(head: Uint8Array): SpreadsheetFormat | null {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let contentTypes = false;
  for (let at = 0; at + 30 <= head.length && view.getUint32(at, true) === 0x04034b50;) {
    const nameEnd = at + 30 + view.getUint16(at + 26, true);
    const dataStart = nameEnd + view.getUint16(at + 28, true);
    const size = view.getUint32(at + 18, true);
    const name = ascii(head.subarray(at + 30, nameEnd));
    const stored = view.getUint16(at + 8, true) === 0;
    const verdict = entryVerdict(name, head.subarray(dataStart, dataStart + size), stored);
    if (verdict !== undefined) return verdict;
    contentTypes ||= name === '[Content_Types].xml';
    if ((view.getUint16(at + 6, true) & 0x08) !== 0 && size === 0) break; // sizes in a trailing descriptor
    at = dataStart + size;
  }
  return contentTypes ? 'XLSX' : null;
}

/**
 * Tells a workbook from its first bytes (magic numbers only): a ZIP holding an OOXML workbook
 * (XLSX/XLSB) or an OpenDocument spreadsheet (ODS), or an OLE2 compound file (XLS). `null` for
 * anything else (CSV, JSON, gzip, a ZIP of other files…).
 */
export function isSpreadsheet(head: Uint8Array): SpreadsheetFormat | null {
  if (startsWith(head, OLE2)) return 'XLS';
  return startsWith(head, ZIP) ? zipFormat(head) : null;
}

/** Turns a SheetJS exception (an Error or a bare string) into a French message. */
function readError(error: unknown): SpreadsheetError {
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
function unzipWorkbook(bytes: Uint8Array): readonly ZipEntry[] {
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
function damaged(detail: string): never {
  throw new SpreadsheetError(
    `tableur endommagé : ${detail} — ouvrez-le dans un tableur et enregistrez-le de nouveau`,
  );
}

/** Parses checked ZIP entries; a binary part that SheetJS read past its end makes the workbook damaged. */
function parseEntries(entries: readonly ZipEntry[], options: XLSX.ParsingOptions): XLSX.WorkBook {
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
function checkOdsRepeats(entries: readonly ZipEntry[]): void {
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
function checkBiff(bytes: Uint8Array): void {
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
 * Parses the workbook (only the wanted sheet where the format allows), never evaluating anything.
 * A ZIP workbook is unzipped and checked here first (`zip-check.ts`): SheetJS's own inflater can
 * loop forever on a damaged deflate stream. Then an XLS gets its record lengths checked, an ODS its
 * repeat counts: SheetJS loops on both as they come.
 */
function parseWorkbook(bytes: Uint8Array, sheet: string | undefined): XLSX.WorkBook {
  const options: XLSX.ParsingOptions = {
    type: 'array',
    dense: true,
    cellNF: true,
    cellDates: false,
    cellHTML: false,
    cellText: false,
    cellStyles: false,
    sheets: sheet ?? 0,
  };
  const entries = startsWith(bytes, ZIP) ? unzipWorkbook(bytes) : undefined;
  if (entries === undefined) checkBiff(bytes);
  else checkOdsRepeats(entries);
  const parse = (cellFormula: boolean) =>
    entries === undefined
      ? XLSX.read(bytes, { ...options, cellFormula })
      : parseEntries(entries, { ...options, cellFormula });
  // Formula text is read only to count formula cells; rendering an exotic formula can throw, so
  // retry without it rather than reject a workbook whose cached values are fine.
  try {
    return parse(true);
  } catch (first) {
    try {
      return parse(false);
    } catch {
      throw readError(first);
    }
  }
}

/** ISO text of a date serial: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS`, or `HH:MM:SS` for a bare time. */
function serialText(serial: number, date1904: boolean): string | undefined {
  const code = SSF.parse_date_code(serial, { date1904 });
  if (code === null) return undefined;
  const time = `${pad(code.H)}:${pad(code.M)}:${pad(code.S)}`;
  if (code.D === 0) return time;
  const day = `${pad(code.y, 4)}-${pad(code.m)}-${pad(code.d)}`;
  return code.H === 0 && code.M === 0 && code.S === 0 ? day : `${day}T${time}`;
}

/** A number as plain decimal text: integers exactly, others to 15 significant digits, no exponent. */
function numberText(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (Number.isSafeInteger(value)) return String(value);
  const text = String(Number(value.toPrecision(15)));
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  const [, sign = '', lead = '', fraction = '', exponent = '0'] = match;
  const power = Number(exponent);
  if (power < 0) return `${sign}0.${'0'.repeat(-power - 1)}${lead}${fraction}`;
  return sign + (lead + fraction).padEnd(power + 1, '0');
}

/** A format made only of zeros (and quoted or escaped literals), such as `00000` for a postcode. */
const isZeroPadded = (format: string) => /^0{2,}$/.test(format.replace(/"[^"]*"|\\./g, ''));

/** Text of a numeric cell: dates in ISO, zero-padded codes as formatted, anything else raw. */
function numericCell(value: number, format: string | undefined, ctx: Context): string {
  if (format !== undefined && SSF.is_date(format)) {
    const iso = serialText(value, ctx.date1904);
    if (iso !== undefined) return (count(ctx, NOTE.dates), iso);
  }
  if (format !== undefined && isZeroPadded(format) && Number.isSafeInteger(value) && value >= 0) {
    return SSF.format(format, value);
  }
  const text = numberText(value);
  return text ?? (count(ctx, NOTE.unwritable), '');
}

/** Text of a native date cell (rare: only some readers produce them when `cellDates` is off). */
function dateCell(value: XLSX.CellObject['v'], ctx: Context): string {
  count(ctx, NOTE.dates);
  if (!(value instanceof Date)) return String(value ?? '');
  const iso = value.toISOString().slice(0, 19);
  return iso.endsWith('T00:00:00') ? iso.slice(0, 10) : iso;
}

/** Text of one cell by the rules above; formula cells give their cached value. */
function cellText(cell: XLSX.CellObject, ctx: Context): string {
  if (cell.f !== undefined || cell.F !== undefined) {
    count(ctx, NOTE.formulas);
    if (cell.f !== undefined && EXTERNAL_REF.test(cell.f)) count(ctx, NOTE.links);
  }
  const { v } = cell;
  switch (cell.t) {
    case 's': {
      const text = String(v ?? '');
      if (NUMERIC_TEXT.test(text)) count(ctx, NOTE.numericText);
      return text;
    }
    case 'b':
      return v === true ? 'oui' : 'non';
    case 'e':
      return (count(ctx, NOTE.errors), '');
    case 'd':
      return dateCell(v, ctx);
    case 'n':
      return typeof v === 'number'
        ? numericCell(v, typeof cell.z === 'string' ? cell.z : undefined, ctx)
        : '';
    default:
      return '';
  }
}

/** Empties the cells a merge covers (all but its top-left one), in place. */
function clearCovered(data: (XLSX.CellObject | undefined)[][], merges: readonly XLSX.Range[]): void {
  for (const { s, e } of merges) {
    for (let r = s.r; r <= Math.min(e.r, data.length - 1); r++) {
      const row = data[r] ?? [];
      for (let c = r === s.r ? s.c + 1 : s.c; c <= Math.min(e.c, row.length - 1); c++) row[c] = undefined;
    }
  }
}

/** Rows 1 to the last row holding a cell, as text. */
function sheetRows(data: readonly (readonly (XLSX.CellObject | undefined)[] | undefined)[], ctx: Context) {
  let last = data.length - 1;
  while (last >= 0 && !(data[last] ?? []).some((cell) => cell != null && cell.t !== 'z')) last--;
  const rows: SheetRow[] = [];
  for (let r = 0; r <= last; r++) {
    const cells = Array.from(data[r] ?? [], (cell) => (cell == null ? '' : cellText(cell, ctx)));
    while (cells.at(-1) === '') cells.pop();
    rows.push({ line: r + 1, cells });
  }
  return rows;
}

/** The format SheetJS recognised (it names every container but BIFF, which comes as OLE2). */
function formatOf(bytes: Uint8Array, wb: XLSX.WorkBook): SpreadsheetFormat {
  if (wb.bookType === undefined) return startsWith(bytes, OLE2) ? 'XLS' : 'autre tableur';
  return BOOK_TYPES[wb.bookType] ?? 'autre tableur';
}

/** The sheet asked for (exact name, else ignoring case like SheetJS), else the first one. */
function pickSheet(wb: XLSX.WorkBook, wanted: string | undefined): [string, XLSX.WorkSheet] {
  const names = wb.SheetNames;
  const name =
    wanted === undefined
      ? names[0]
      : (names.find((n) => n === wanted) ?? names.find((n) => n.toLowerCase() === wanted.toLowerCase()));
  if (name === undefined) {
    if (wanted === undefined) throw new SpreadsheetError('classeur sans aucune feuille');
    const list = names.map((n) => `« ${n} »`).join(', ');
    throw new SpreadsheetError(`feuille « ${wanted} » absente du classeur ; feuilles disponibles : ${list}`);
  }
  // SheetJS leaves out a sheet it failed to parse but keeps its name.
  const sheet = wb.Sheets[name];
  return sheet === undefined ? damaged(`la feuille « ${name} » est illisible`) : [name, sheet];
}

/**
 * Refuses a sheet with a cell or a merge beyond the largest possible sheet, before the loops over
 * its rows and columns (here and in the readers of the rows) run for billions of them.
 */
function checkExtent(
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

/**
 * Reads one sheet of an XLSX, XLSB, ODS or XLS workbook as rows of text cells (rules: README of
 * the importer — ISO dates, raw numbers without exponent, `oui`/`non`, errors emptied, merged
 * cells emptied but the top-left one). Default sheet: the first. Throws `SpreadsheetError`.
 */
export function readSpreadsheet(
  bytes: Uint8Array,
  options: { readonly sheet?: string | undefined } = {},
): SpreadsheetTable {
  if (bytes.length > MAX_BYTES) throw new SpreadsheetError('tableur de plus de 200 Mo : exportez-le en CSV');
  if (!startsWith(bytes, ZIP) && !startsWith(bytes, OLE2)) {
    throw new SpreadsheetError('ce fichier n’est pas un classeur XLSX, ODS ou XLS (signature inconnue)');
  }
  const wb = parseWorkbook(bytes, options.sheet);
  const [sheet, ws] = pickSheet(wb, options.sheet);
  const ctx: Context = { date1904: wb.Workbook?.WBProps?.date1904 === true, notes: {} };
  const ranges = ws['!merges'] ?? [];
  const data: (XLSX.CellObject | undefined)[][] = ws['!data'] ?? [];
  checkExtent(sheet, data, ranges);
  clearCovered(data, ranges);
  const rows = sheetRows(data, ctx);
  if (ranges.length > 0) ctx.notes[NOTE.merges] = ranges.length;
  if (wb.SheetNames.length > 1) ctx.notes[NOTE.sheets] = wb.SheetNames.length;
  const merges = ranges.map(({ s, e }) => ({
    line: s.r + 1,
    lastLine: e.r + 1,
    column: s.c + 1,
    lastColumn: e.c + 1,
  }));
  return { format: formatOf(bytes, wb), sheet, sheets: [...wb.SheetNames], rows, merges, notes: ctx.notes };
}
