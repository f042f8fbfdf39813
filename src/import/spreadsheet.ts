import * as XLSX from '@e965/xlsx';

import { clearCovered, NOTE, sheetRows, type CellContext } from './spreadsheet-cells.ts';
import {
  checkBiff,
  checkExtent,
  checkOdsRepeats,
  damaged,
  parseEntries,
  readError,
  SpreadsheetError,
  unzipWorkbook,
} from './spreadsheet-damage.ts';
import { OLE2_MAGIC, startsWithMagic, ZIP_MAGIC, type SpreadsheetFormat } from './spreadsheet-format.ts';

export { isSpreadsheet, type SpreadsheetFormat } from './spreadsheet-format.ts';
export { SpreadsheetError } from './spreadsheet-damage.ts';

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

const MAX_BYTES = 200 * 1024 * 1024;
const BOOK_TYPES: Readonly<Record<string, SpreadsheetFormat>> = {
  xlsx: 'XLSX',
  xlsm: 'XLSX',
  xlsb: 'XLSB',
  ods: 'ODS',
};

/** Parses a workbook with the given sheet selection and options; see `workbookParser`. */
type WorkbookParser = (sheets: string | number | undefined, extra?: XLSX.ParsingOptions) => XLSX.WorkBook;

/**
 * A parser of the workbook (only the wanted sheets where the format allows), never evaluating
 * anything. A ZIP workbook is unzipped and checked here once (`zip-check.ts`): SheetJS's own
 * inflater can loop forever on a damaged deflate stream. Then an XLS gets its record lengths
 * checked, an ODS its repeat counts: SheetJS loops on both as they come.
 */
function workbookParser(bytes: Uint8Array): WorkbookParser {
  const entries = startsWithMagic(bytes, ZIP_MAGIC) ? unzipWorkbook(bytes) : undefined;
  if (entries === undefined) checkBiff(bytes);
  else checkOdsRepeats(entries);
  return (sheets, extra = {}) => {
    const options: XLSX.ParsingOptions = {
      type: 'array',
      dense: true,
      cellNF: true,
      cellDates: false,
      cellHTML: false,
      cellText: false,
      cellStyles: false,
      ...(sheets === undefined ? {} : { sheets }),
      ...extra,
    };
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
  };
}

/**
 * How to choose the sheet when none is named: the one whose first `rows` rows `score` highest
 * (a format's header among them), the first sheet on ties.
 */
export interface SheetChoice {
  readonly rows: number;
  readonly score: (rows: readonly SheetRow[]) => number;
}

/** The first `rows` rows of every sheet, in workbook order. */
function sheetHeads(parse: WorkbookParser, rows: number): { sheet: string; rows: SheetRow[] }[] {
  const heads = parse(undefined, { sheetRows: rows });
  return heads.SheetNames.map((sheet) => {
    const data = heads.Sheets[sheet]?.['!data'] ?? [];
    return { sheet, rows: sheetRows(data.slice(0, rows), { date1904: false, notes: {} }) };
  });
}

/**
 * The first `rows` rows of each sheet of a workbook, as text (dates of a 1904 workbook aside):
 * enough to tell what the workbook holds. Throws `SpreadsheetError`.
 */
export function readSheetHeads(bytes: Uint8Array, rows: number): { sheet: string; rows: SheetRow[] }[] {
  if (bytes.length > MAX_BYTES) throw new SpreadsheetError('tableur de plus de 200 Mo : exportez-le en CSV');
  return sheetHeads(workbookParser(bytes), rows);
}

/** The name of the best-scoring sheet (see `SheetChoice`), or undefined for the first one. */
function chooseSheet(parse: WorkbookParser, choice: SheetChoice): string | undefined {
  const heads = sheetHeads(parse, choice.rows);
  if (heads.length < 2) return undefined;
  let best: string | undefined;
  let bestScore = -1;
  for (const head of heads) {
    const score = choice.score(head.rows);
    if (score > bestScore) [best, bestScore] = [head.sheet, score];
  }
  return best;
}

/** The format SheetJS recognised (it names every container but BIFF, which comes as OLE2). */
function formatOf(bytes: Uint8Array, wb: XLSX.WorkBook): SpreadsheetFormat {
  if (wb.bookType === undefined) return startsWithMagic(bytes, OLE2_MAGIC) ? 'XLS' : 'autre tableur';
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
 * Reads one sheet of an XLSX, XLSB, ODS or XLS workbook as rows of text cells (rules: README of
 * the importer — ISO dates, raw numbers without exponent, `oui`/`non`, errors emptied, merged
 * cells emptied but the top-left one). The sheet: the one named, else the one `choose` prefers
 * (a template whose first sheet is its instructions), else the first. Throws `SpreadsheetError`.
 */
export function readSpreadsheet(
  bytes: Uint8Array,
  options: { readonly sheet?: string | undefined; readonly choose?: SheetChoice | undefined } = {},
): SpreadsheetTable {
  if (bytes.length > MAX_BYTES) throw new SpreadsheetError('tableur de plus de 200 Mo : exportez-le en CSV');
  if (!startsWithMagic(bytes, ZIP_MAGIC) && !startsWithMagic(bytes, OLE2_MAGIC)) {
    throw new SpreadsheetError('ce fichier n’est pas un classeur XLSX, ODS ou XLS (signature inconnue)');
  }
  const parse = workbookParser(bytes);
  const wanted = options.sheet ?? (options.choose ? chooseSheet(parse, options.choose) : undefined);
  const wb = parse(wanted ?? 0);
  const [sheet, ws] = pickSheet(wb, wanted);
  const ctx: CellContext = { date1904: wb.Workbook?.WBProps?.date1904 === true, notes: {} };
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
