/*
 * One row reader for every tabular format (RNA, grants, exchanges, offers, nomenclature), from
 * a CSV file of any encoding, line end and quoting, gzip-compressed or not, or a spreadsheet
 * (XLSX, ODS, XLS). It finds the header below title rows, streams the data rows in batches with
 * their line numbers, and gives the report its preamble: format, encoding, checksum, how the
 * file's lines divide, and what reading had to repair. Format readers only see rows.
 */
import { cleanCell, type CellChanges } from './cell-text.ts';
import { contentWidth, type CsvRecord } from './csv-records.ts';
import { type FileReportBuilder, ImportError, issue } from './report.ts';
import { sniff } from './sniff.ts';
import { readHead, type ImportSource } from './source.ts';
import type { LocatedTable, TableOptions } from './table-locate.ts';
import { locateSheet } from './table-sheet.ts';
import { gunzip, locateText } from './table-text.ts';

export type { TableOptions } from './table-locate.ts';

/** One data row: its cells cleaned and trimmed, and as written (for the rejected-rows file). */
export interface TableRow {
  readonly line: number;
  readonly lastLine: number;
  readonly cells: readonly string[];
  readonly raw: readonly string[];
}

/** A table opened on its header: rows to come, and the report's preamble once they are read. */
export interface OpenedTable {
  readonly format: string;
  readonly delimiter: string | null;
  readonly header: readonly string[];
  readonly headerLine: number;
  /** Rows above the header (a title, a year, a publisher), as text. */
  readonly titles: readonly { readonly line: number; readonly text: string }[];
  /** The first data rows (up to `SAMPLE_ROWS`), read ahead: to recognise columns by their content. */
  readonly sample: readonly TableRow[];
  /** Every data row, in batches, the sample first. Call once. */
  rows(): AsyncGenerator<readonly TableRow[]>;
  /** After `rows()` is exhausted: encoding, checksum, line accounting and reading notes go to the report. */
  finish(): void;
}

export const SAMPLE_ROWS = 1000;

/** What cleaning changed in one column, and the first line where it did (0: not yet). */
type ColumnTally = CellChanges & { errors: number; first: number };

/**
 * A spreadsheet's error value saved as text (`#REF!`, `#N/A`, `#VALEUR!`…, French or English):
 * not data. Emptied, as the workbook reader empties error cells, and counted.
 */
const SPREADSHEET_ERROR =
  /^#(?:REF!|N\/A|NA|N\/D|VALEUR!|VALUE!|DIV\/0!|NOM\?|NAME\?|NOMBRE!|NUM!|NUL!|NULL!|CALC!|SPILL!|PROPAGATION!|CHAMP!|FIELD!)$/i;

/** Per column, what cell cleaning changed, and the first line where it did: one tally per column, made once. */
class CleaningTally {
  readonly #byColumn: ColumnTally[] = [];

  clean(raw: readonly string[], line: number): string[] {
    const cells = new Array<string>(raw.length);
    for (let column = 0; column < raw.length; column++) {
      const tally = (this.#byColumn[column] ??= { c1: 0, control: 0, invisible: 0, errors: 0, first: 0 });
      let cell = cleanCell(raw[column] as string, tally);
      if (cell.startsWith('#') && SPREADSHEET_ERROR.test(cell)) {
        tally.errors++;
        cell = '';
      }
      cells[column] = cell;
      if (tally.first === 0 && tally.c1 + tally.control + tally.invisible + tally.errors > 0)
        tally.first = line;
    }
    return cells;
  }

  report(report: FileReportBuilder, header: readonly string[]): void {
    this.#byColumn.forEach((t, column) => {
      if (t.first === 0) return;
      const field = header[column] || `colonne ${column + 1}`;
      const where = `colonne « ${field} », d’abord ligne ${t.first}`;
      const add = (
        count: number,
        code: 'control-character-warn' | 'invisible-character' | 'value-normalised',
        what: string,
      ) => {
        if (count > 0) report.warn(issue(t.first, field, code, `${count} ${what} — ${where}`));
      };
      add(
        t.c1,
        'control-character-warn',
        'caractère(s) U+0080–U+009F (ponctuation Windows-1252 mal convertie : ’ œ … “ ”) lu(s) comme le caractère voulu',
      );
      add(t.control, 'control-character-warn', 'caractère(s) de contrôle remplacé(s) par une espace');
      add(
        t.invisible,
        'invisible-character',
        'caractère(s) invisible(s) retiré(s) (marque d’ordre d’octets, espace de largeur nulle, marque de direction)',
      );
      add(
        t.errors,
        'value-normalised',
        'valeur(s) d’erreur de tableur (#REF!, #N/A, #VALEUR!…) vidée(s) : ce ne sont pas des données',
      );
    });
  }
}

/**
 * Cells beyond `width` that are all empty (a row ending with a separator the header does not
 * have) are not cells: dropped, and counted in `dropped`. A row whose extra cells hold text stays
 * as it is, for the readers to reject or repair.
 */
function withoutTrailingEmpty(
  cells: readonly string[],
  width: number,
  dropped: { count: number },
): readonly string[] {
  if (cells.length <= width) return cells;
  for (let i = width; i < cells.length; i++) if ((cells[i] as string).trim() !== '') return cells;
  dropped.count += cells.length - width;
  return cells.slice(0, width);
}

/** Finds the table in a file, whatever it is, or says what the file is instead. */
async function locate(
  source: ImportSource,
  report: FileReportBuilder,
  options: TableOptions,
): Promise<LocatedTable> {
  const head = await readHead(source, 65536);
  if (head.byteLength === 0) throw new ImportError(source.name, 'fichier vide (0 octet)');
  const sniffed = sniff(head);
  if (sniffed.type === 'spreadsheet') return locateSheet(source, report, options);
  if (sniffed.type === 'other')
    throw new ImportError(
      source.name,
      `${sniffed.what} — un fichier CSV ou un tableur (XLSX, ODS, XLS) est attendu`,
    );
  if (sniffed.type === 'text')
    return locateText(
      source,
      report,
      options,
      sniffed.encoding === 'utf-8 ou windows-1252' ? 'bytes' : sniffed.encoding,
      false,
    );
  const inner = sniff(
    await readHead({ ...source, chunks: () => gunzip(source.chunks(), source.name) }, 65536),
  );
  if (inner.type !== 'text')
    throw new ImportError(
      source.name,
      `fichier compressé gzip contenant ${inner.type === 'other' ? `un ${inner.what}` : 'un tableur'} : décompressez-le`,
    );
  return locateText(
    source,
    report,
    options,
    inner.encoding === 'utf-8 ou windows-1252' ? 'bytes' : inner.encoding,
    true,
  );
}

type Located = Extract<LocatedTable, { empty: false }>;

/** A record's cells as one line of text (title rows). */
function titleText(record: CsvRecord): string {
  return record.cells
    .map((c) => c.trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * The header's names, cleaned. In a CSV file, empty titles after the last one (a header ending
 * with a separator) are not columns: dropped, and noted.
 */
function headerNames(located: Located, report: FileReportBuilder): string[] {
  const names = (located.headerNames ?? located.header.cells).map((c) =>
    cleanCell(c, { c1: 0, control: 0, invisible: 0 }),
  );
  if (located.delimiter === null) return names;
  const width = contentWidth(names);
  if (width < names.length)
    report.note('colonnes sans titre en fin d’en-tête ignorées', names.length - width);
  return names.slice(0, width);
}

/** Rows read ahead until `SAMPLE_ROWS` are known: the sample, and the batches read. */
async function readAhead(
  data: AsyncIterator<readonly CsvRecord[]>,
  toRow: (record: CsvRecord) => TableRow,
): Promise<{ sample: TableRow[]; pending: (readonly TableRow[])[] }> {
  const sample: TableRow[] = [];
  const pending: (readonly TableRow[])[] = [];
  while (sample.length < SAMPLE_ROWS) {
    const next = await data.next();
    if (next.done) break;
    const rows = next.value.map(toRow);
    // A loop: a batch may hold hundreds of thousands of rows, too many to spread as arguments.
    for (let i = 0; i < rows.length && sample.length < SAMPLE_ROWS; i++) sample.push(rows[i] as TableRow);
    pending.push(rows);
  }
  return { sample, pending };
}

/** Counts rows by their number of cells into `widths`; gives the rows back. */
function countWidths(widths: Map<number, number>, rows: readonly TableRow[]): readonly TableRow[] {
  for (const row of rows) widths.set(row.cells.length, (widths.get(row.cells.length) ?? 0) + 1);
  return rows;
}

/** Reading notes, title rows and the line accounting, once every row is read. */
function finishReport(
  located: Located,
  report: FileReportBuilder,
  widths: ReadonlyMap<number, number>,
  droppedCells: number,
): void {
  if (droppedCells > 0) report.note('cellules vides en fin de ligne ignorées', droppedCells);
  for (const title of located.titles) {
    const text = titleText(title).slice(0, 120);
    report.warn(issue(title.line, null, 'title-row', `ligne de titre au-dessus de l’en-tête : « ${text} »`));
  }
  const counts = located.counts();
  const titleLines = located.titles.reduce((n, r) => n + r.lastLine - r.line + 1, 0);
  report.lines({
    unit: located.unit,
    physical: counts.physical,
    title: titleLines,
    header: located.header.lastLine - located.header.line + 1,
    blank: located.header.line - 1 - titleLines + counts.blank,
    records: counts.records,
    recordLines: counts.recordLines,
    lineEnds: counts.lineEnds,
    widths: [...widths].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 10),
  });
}

/**
 * Opens a tabular file on its header. Throws an `ImportError` naming the file when it is not
 * a table at all (an archive, a PDF, a binary file, a damaged gzip stream) or holds nothing.
 */
export async function openTable(
  source: ImportSource,
  report: FileReportBuilder,
  options: TableOptions,
): Promise<OpenedTable> {
  const located = await locate(source, report, options);
  if (located.empty) throw new ImportError(source.name, 'fichier sans aucune ligne de données ni en-tête', 1);
  const tally = new CleaningTally();
  const header = headerNames(located, report);
  const dropped = { count: 0 };
  const toRow = (record: CsvRecord): TableRow => {
    if (record.recovery) report.warn(issue(record.line, null, record.recovery.code, record.recovery.message));
    const raw =
      located.delimiter === null ? record.cells : withoutTrailingEmpty(record.cells, header.length, dropped);
    return { line: record.line, lastLine: record.lastLine, cells: tally.clean(raw, record.line), raw };
  };
  const data = located.data[Symbol.asyncIterator]();
  const { sample, pending } = await readAhead(data, toRow);
  const widths = new Map<number, number>();
  const count = (rows: readonly TableRow[]) => countWidths(widths, rows);
  return {
    format: located.format,
    delimiter: located.delimiter,
    header,
    headerLine: located.header.line,
    titles: located.titles.map((r) => ({ line: r.line, text: titleText(r) })),
    sample,
    async *rows() {
      for (const rows of pending.splice(0)) yield count(rows);
      for (let next = await data.next(); !next.done; next = await data.next())
        yield count(next.value.map(toRow));
    },
    finish() {
      located.finishSource();
      tally.report(report, header);
      finishReport(located, report, widths, dropped.count);
    },
  };
}
