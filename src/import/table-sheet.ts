/*
 * A spreadsheet (XLSX, ODS, XLS) located on its header: a named sheet, else the sheet whose first
 * rows hold the best header (the first sheet on ties: a template's instructions sheet is skipped),
 * read whole (spreadsheets hold at most about a million rows), each row a record numbered as the
 * sheet shows it. A title merged over several header cells names each of them (« Adresse (1) »,
 * « Adresse (2) »), so columns without a title of their own keep a name. The hint row of the
 * exchange template, right under its header, belongs to the header: neither data nor rejected.
 */
import type { CsvRecord } from './csv-records.ts';
import { ImportError, type FileReportBuilder } from './report.ts';
import {
  readSpreadsheet,
  SpreadsheetError,
  type SheetMerge,
  type SheetRow,
  type SpreadsheetTable,
} from './spreadsheet.ts';
import { isHintRow } from '../kit/template-layout.ts';
import { createSha256, readAll, type ImportSource } from './source.ts';
import { bestHeader, pickHeader, type LocatedTable, type TableOptions } from './table-locate.ts';

/** Header names with merged title cells spread over the columns they cover. */
function headerNames(cells: readonly string[], line: number, merges: readonly SheetMerge[]): string[] {
  const names = cells.map((c) => c.trim());
  for (const merge of merges) {
    if (merge.line > line || merge.lastLine < line || merge.lastColumn === merge.column) continue;
    const title = (cells[merge.column - 1] ?? '').trim();
    if (!title) continue;
    for (let column = merge.column; column <= merge.lastColumn; column++)
      names[column - 1] = `${title} (${column - merge.column + 1})`;
  }
  return names;
}

/** The sheet of a workbook, or an ImportError naming the file when it cannot be read. */
function readSheet(name: string, bytes: Uint8Array, options: TableOptions): SpreadsheetTable {
  const choose = {
    rows: options.headerSearch,
    score: (rows: readonly SheetRow[]) => bestHeader(sheetRecords(rows), options.scoreHeader).score,
  };
  try {
    return readSpreadsheet(bytes, { sheet: options.sheet, choose });
  } catch (error) {
    if (error instanceof SpreadsheetError) throw new ImportError(name, error.message);
    throw error;
  }
}

/** The sheet's rows that hold a value, as records padded to the sheet's width. */
function sheetRecords(rows: readonly SheetRow[]): CsvRecord[] {
  // A loop, not `Math.max(...rows)`: spreading a sheet's rows as arguments overflows the stack.
  let width = 0;
  for (const row of rows) if (row.cells.length > width) width = row.cells.length;
  const records: CsvRecord[] = [];
  for (const row of rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const cells = [...row.cells, ...Array<string>(width - row.cells.length).fill('')];
    records.push({ line: row.line, lastLine: row.line, cells });
  }
  return records;
}

/** The rows below `line` that hold no value. */
function blankRowsAfter(rows: readonly SheetRow[], line: number): number {
  let blank = 0;
  for (const row of rows) if (row.line > line && row.cells.every((c) => c.trim() === '')) blank++;
  return blank;
}

/** Opens a spreadsheet source on its header (see the module comment). */
export async function locateSheet(
  source: ImportSource,
  report: FileReportBuilder,
  options: TableOptions,
): Promise<LocatedTable> {
  const hasher = options.hasher ?? createSha256();
  const bytes = await readAll(source, hasher);
  options.onProgress?.(1);
  const sheet = readSheet(source.name, bytes, options);
  const records = sheetRecords(sheet.rows);
  const headerIndex = pickHeader(records.slice(0, options.headerSearch), options.scoreHeader);
  const found = records[headerIndex];
  if (!found) return { empty: true };
  const hint = records[headerIndex + 1];
  const hinted = hint !== undefined && hint.line === found.line + 1 && isHintRow(hint.cells);
  // The hint row counts as a second header line: the line accounting stays exact.
  const header = hinted ? { ...found, lastLine: hint.line } : found;
  const data = records.slice(headerIndex + (hinted ? 2 : 1));
  const blank = blankRowsAfter(sheet.rows, header.line);
  return {
    empty: false,
    format: `${sheet.format}, feuille « ${sheet.sheet} »${sheet.sheets.length > 1 ? ` (sur ${sheet.sheets.length} feuilles)` : ''}`,
    delimiter: null,
    unit: 'lignes de la feuille',
    header,
    headerNames: headerNames(header.cells, header.line, sheet.merges),
    titles: records.slice(0, headerIndex),
    data: (async function* () {
      for (let i = 0; i < data.length; i += 5000) yield data.slice(i, i + 5000);
    })(),
    counts: () => ({
      physical: sheet.rows.length,
      blank,
      records: data.length,
      recordLines: data.length,
      lineEnds: {},
    }),
    finishSource: () => {
      report.update({ encoding: 'tableur', sha256: hasher.hex() });
      for (const [note, count] of Object.entries(sheet.notes)) report.note(note, count);
    },
  };
}
