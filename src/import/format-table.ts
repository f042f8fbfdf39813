/*
 * The preamble every format reader shares: a report for the file, the table opened on its header,
 * the format's fields found in it, and the columns that go back to the user in the rejected-rows
 * file — only the columns the reader uses, so that what a register holds beyond them (the RNA's
 * declarant, management address, director's civility, phone, e-mail) is never copied anywhere,
 * and not those it reads but withholds (the seat's address).
 */
import { headerScore, matchColumns, type ColumnMatch, type FieldSpec } from './columns.ts';
import { FileReportBuilder, type DetailBudget, type InputKind, type RejectedRowsSink } from './report.ts';
import type { Hasher, ImportSource } from './source.ts';
import { openTable, type OpenedTable, type TableRow } from './table-reader.ts';

/** What every format reader receives from the import. */
export interface ReaderContext {
  readonly onProgress?: ((fraction: number) => void) | undefined;
  readonly rejects?: RejectedRowsSink | undefined;
  readonly sheet?: string | undefined;
  /** Accept a file of which no row is kept (else the import stops, naming the reasons). */
  readonly allowEmpty?: boolean | undefined;
  readonly hasher?: (() => Hasher) | undefined;
  /** Rejected rows and warnings listed one by one, all files together. */
  readonly budget?: DetailBudget | undefined;
}

/** A file opened for a format: its report, its table, where each field is, and its used columns. */
export interface FormatTable {
  readonly report: FileReportBuilder;
  readonly table: OpenedTable;
  readonly match: ColumnMatch;
  /**
   * A row's cells as written, in the used columns only (`withheld` fields left out), `blank` fields
   * emptied (for the rejected-rows file).
   */
  readonly usedCells: (row: TableRow, blank?: readonly string[]) => string[];
}

/** Opens `source` as a file of `kind` with `fields` (see the module comment). */
export async function openFormatTable(
  source: ImportSource,
  kind: InputKind,
  fields: readonly FieldSpec[],
  ctx: ReaderContext,
  headerSearch = 25,
): Promise<FormatTable> {
  const report = new FileReportBuilder(
    { file: source.name, kind, format: '', encoding: '', sha256: '' },
    ctx.rejects ?? null,
    ctx.budget ?? null,
  );
  const table = await openTable(source, report, {
    scoreHeader: headerScore(fields),
    headerSearch,
    sheet: ctx.sheet,
    onProgress: ctx.onProgress,
    hasher: ctx.hasher?.(),
  });
  const match = matchColumns(source.name, table.header, table.headerLine, fields, table.sample);
  const withheld = new Set(fields.filter((f) => f.withheld).map((f) => f.name));
  const kept = [...match.index].filter(([name]) => !withheld.has(name)).map(([, column]) => column);
  const used = [...new Set(kept)].sort((a, b) => a - b);
  report.header(used.map((i) => table.header[i] ?? ''));
  const usedCells = (row: TableRow, blank: readonly string[] = []) => {
    const hidden = new Set(blank.map((field) => match.index.get(field)));
    return used.map((i) => (hidden.has(i) ? '' : (row.raw[i] ?? '')));
  };
  return { report, table, match, usedCells };
}
