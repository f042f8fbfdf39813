/*
 * The import report: for every file, what was read, kept and rejected, and why — in the manner
 * of Validata (methodology §4.6): each problem has a row, a field, a code and a French message;
 * header problems are warnings unless a required column is missing. Every issue is counted
 * (`summary`, exact whatever the file's size); the first ones are also listed one by one, so a
 * national file with millions of rejected rows keeps a report of bounded size.
 */

/** Validata codes, and the importer's own for what Validata cannot see (damage, links between files). */
export type IssueCode =
  | 'type-error'
  | 'constraint-error'
  | 'one-of-required'
  | 'siret'
  | 'compare-columns-value'
  | 'extra-cell-error'
  | 'missing-cell-error'
  | 'missing-header-warn'
  | 'extra-header-warn'
  | 'unused-column-empty'
  | 'column-inferred'
  | 'duplicate-key'
  | 'encoding-warn'
  | 'control-character-warn'
  | 'invisible-character'
  | 'unclosed-quote'
  | 'record-unwrapped'
  | 'record-truncated'
  | 'title-row'
  | 'row-repaired'
  | 'value-normalised'
  | 'value-implausible'
  | 'date-implausible'
  | 'identifier-invalid'
  | 'commune-mapped'
  | 'commune-unknown'
  | 'overseas-collectivity'
  | 'outside-territory'
  | 'association-unknown'
  | 'self-exchange'
  | 'staff-mismatch'
  | 'survey-sheet-missing'
  | 'grant-unmatched'
  | 'not-a-grant'
  | 'funder-missing'
  | 'local-law-register'
  | 'geometry-error'
  | 'geometry-repaired'
  | 'coordinates-swapped'
  | 'geometry-merged'
  | 'population-missing';

/** One problem or notice about a row (or the header, row 1) of a file. */
export interface Issue {
  /** Line of the file where the row starts (1 = header line), or null for the whole file. */
  readonly row: number | null;
  readonly field: string | null;
  readonly code: IssueCode;
  readonly message_fr: string;
}

/** A row that is not in the dataset, with every reason. */
export interface RejectedRow {
  readonly row: number;
  /** The row's identifier when it has one (RNA number, exchange id…), to find it in the file. */
  readonly id: string | null;
  readonly reasons: readonly Issue[];
}

/** Every issue of one kind in a file: how many, and the first one as an example. */
export interface IssueSummary {
  /** `rejet`: a reason a row was rejected; `avertissement`: a kept row was changed, or a note on the file. */
  readonly severity: 'rejet' | 'avertissement';
  readonly code: IssueCode;
  readonly field: string | null;
  readonly count: number;
  readonly example: { readonly row: number | null; readonly message_fr: string };
}

/**
 * How the file's physical lines (or a spreadsheet's rows) divide: the count of lines comes from
 * the line decoder, independently of the CSV reader, and `finish` checks that
 * physical = title + header + blank + record lines, and that records = rows read.
 */
export interface LineAccounting {
  /** « lignes » of a text file, « lignes de la feuille » of a spreadsheet. */
  readonly unit: string;
  readonly physical: number;
  readonly title: number;
  readonly header: number;
  readonly blank: number;
  readonly records: number;
  /** Lines covered by records: records + line breaks inside quoted fields. */
  readonly recordLines: number;
  /** Line ends by kind (text files). */
  readonly lineEnds: Readonly<Record<string, number>>;
  /** Records by number of cells, most frequent first: [cells, records]. */
  readonly widths: readonly (readonly [number, number])[];
}

/** What happened to one input file. */
export interface FileReport {
  readonly file: string;
  /** What the file was read as: communes, associations (RNA), grants (SCDL)… */
  readonly kind: InputKind;
  readonly format: string;
  readonly encoding: string;
  readonly sha256: string;
  readonly lines: LineAccounting | null;
  readonly rowsRead: number;
  readonly rowsKept: number;
  readonly rowsRejected: number;
  /** The first rejected rows (up to `DETAIL_LIMIT` per file, and the import's `DetailBudget`). */
  readonly rejected: readonly RejectedRow[];
  /** The first warnings (up to `DETAIL_LIMIT`). */
  readonly warnings: readonly Issue[];
  /** Every issue counted by severity, code and field, most frequent first. */
  readonly summary: readonly IssueSummary[];
  /** Counts worth a line in the summary (e.g. codes mapped to today's commune). */
  readonly notes: Readonly<Record<string, number>>;
}

export type InputKind = 'communes' | 'associations' | 'grants' | 'exchanges' | 'offers' | 'waldec';

/** The whole import: one report per file, and the dataset's row counts. */
export interface ImportReport {
  readonly files: readonly FileReport[];
  readonly tables: Readonly<Record<string, number>>;
  /** True when rows read = rows kept + rows rejected (and lines add up) for every file. */
  readonly conserved: boolean;
}

/** Rejected rows and warnings listed one by one per file; beyond, they are only counted. */
export const DETAIL_LIMIT = 1000;
/** Listed in every file whatever the budget, so each file shows examples. */
const DETAIL_FLOOR = 50;

/**
 * How many rejected rows and warnings an import lists one by one, all files together: a
 * national import of a hundred département files keeps a report (and a memory) of bounded size.
 */
export class DetailBudget {
  rejected: number;
  warnings: number;

  constructor(rejected = 5000, warnings = 5000) {
    this.rejected = rejected;
    this.warnings = warnings;
  }
}

/** Raised for a problem that stops the import: it names the file, and the line and column if known. */
export class ImportError extends Error {
  override name = 'ImportError';
  readonly file: string;
  readonly line: number | null;
  readonly column: string | null;

  constructor(file: string, message: string, line: number | null = null, column: string | null = null) {
    const where = [file, line !== null ? `ligne ${line}` : null, column ? `colonne « ${column} »` : null]
      .filter(Boolean)
      .join(', ');
    super(`${where} : ${message}`);
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

/** Receives every rejected row as written, to give it back to the user to fix (rejets CSV). */
export interface RejectedRowsSink {
  /** The file's header, before any row. */
  start(header: readonly string[]): void;
  add(line: number, cells: readonly string[], reasons: readonly Issue[]): void;
}

type ReportBase = Pick<FileReport, 'file' | 'kind' | 'format' | 'encoding' | 'sha256'>;

/** Collects a file's outcome row by row; `finish` checks that nothing was lost. */
export class FileReportBuilder {
  #base: ReportBase;
  #read = 0;
  #kept = 0;
  #rejectedCount = 0;
  #lines: LineAccounting | null = null;
  readonly #rejected: RejectedRow[] = [];
  readonly #warnings: Issue[] = [];
  readonly #summary = new Map<string, { -readonly [K in keyof IssueSummary]: IssueSummary[K] }>();
  readonly #notes: Record<string, number> = {};
  readonly #sink: RejectedRowsSink | null;
  readonly #budget: DetailBudget | null;

  constructor(base: ReportBase, sink: RejectedRowsSink | null = null, budget: DetailBudget | null = null) {
    this.#base = base;
    this.#sink = sink;
    this.#budget = budget;
  }

  /** Whether one more rejected row or warning is listed one by one. */
  #listed(kind: 'rejected' | 'warnings', listed: number): boolean {
    if (listed < DETAIL_FLOOR) return true;
    if (!this.#budget) return listed < DETAIL_LIMIT;
    if (this.#budget[kind] <= 0 || listed >= DETAIL_LIMIT) return false;
    this.#budget[kind]--;
    return true;
  }

  /** Completes what is known only at the end (an encoding seen late in the file, the checksum). */
  update(base: Partial<ReportBase>): void {
    this.#base = { ...this.#base, ...base };
  }

  /** The header of the rows to come, for the rejected-rows file. */
  header(header: readonly string[]): void {
    this.#sink?.start(header);
  }

  read(): void {
    this.#read++;
  }

  keep(): void {
    this.#kept++;
  }

  /** Rejects a row; with `cells`, the row as written goes to the rejected-rows file. */
  reject(row: number, id: string | null, reasons: readonly Issue[], cells?: readonly string[]): void {
    this.#rejectedCount++;
    if (this.#listed('rejected', this.#rejected.length)) this.#rejected.push({ row, id, reasons });
    for (const reason of reasons) this.#count('rejet', reason);
    if (cells) this.#sink?.add(row, cells, reasons);
  }

  warn(issue: Issue): void {
    if (this.#listed('warnings', this.#warnings.length)) this.#warnings.push(issue);
    this.#count('avertissement', issue);
  }

  note(key: string, count = 1): void {
    this.#notes[key] = (this.#notes[key] ?? 0) + count;
  }

  lines(accounting: LineAccounting): void {
    this.#lines = accounting;
  }

  #count(severity: IssueSummary['severity'], issue: Issue): void {
    const key = `${severity}|${issue.code}|${issue.field ?? ''}`;
    const entry = this.#summary.get(key);
    if (entry) entry.count++;
    else
      this.#summary.set(key, {
        severity,
        code: issue.code,
        field: issue.field,
        count: 1,
        example: { row: issue.row, message_fr: issue.message_fr },
      });
  }

  finish(): FileReport {
    const report: FileReport = {
      ...this.#base,
      lines: this.#lines,
      rowsRead: this.#read,
      rowsKept: this.#kept,
      rowsRejected: this.#rejectedCount,
      rejected: this.#rejected,
      warnings: this.#warnings,
      summary: [...this.#summary.values()].sort((a, b) =>
        a.severity === b.severity ? b.count - a.count : a.severity === 'rejet' ? -1 : 1,
      ),
      notes: this.#notes,
    };
    const broken = conservationProblem(report);
    if (broken) throw new Error(`${report.file} : ${broken}`);
    return report;
  }
}

/** Why a file's counts do not add up, or null when every row and line is accounted for. */
export function conservationProblem(report: FileReport): string | null {
  if (report.rowsRead !== report.rowsKept + report.rowsRejected)
    return `${report.rowsRead} lignes lues ≠ ${report.rowsKept} gardées + ${report.rowsRejected} rejetées`;
  const lines = report.lines;
  if (!lines) return null;
  if (lines.physical !== lines.title + lines.header + lines.blank + lines.recordLines)
    return `${lines.physical} ${lines.unit} ≠ ${lines.title} de titre + ${lines.header} d’en-tête + ${lines.blank} vides + ${lines.recordLines} d’enregistrements`;
  if (lines.records !== report.rowsRead)
    return `${lines.records} enregistrements lus dans le fichier ≠ ${report.rowsRead} lignes traitées`;
  return null;
}

/** An issue about one cell. */
export function issue(row: number | null, field: string | null, code: IssueCode, message_fr: string): Issue {
  return { row, field, code, message_fr };
}

/** The whole import's report: its files' reports, the rows of each table, and whether every row is accounted for. */
export function importReport(
  files: readonly FileReport[],
  tables: Readonly<Record<string, number>>,
): ImportReport {
  return { files, tables, conserved: files.every((r) => conservationProblem(r) === null) };
}

/** « outside-territory ×118, commune-unknown ×2 »: issues counted by code, most frequent first. */
export function countByCode(
  summary: readonly Pick<IssueSummary, 'code' | 'count'>[],
  format: (n: number) => string,
): string {
  const byCode = new Map<string, number>();
  for (const s of summary) byCode.set(s.code, (byCode.get(s.code) ?? 0) + s.count);
  return [...byCode]
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} ×${format(n)}`)
    .join(', ');
}
