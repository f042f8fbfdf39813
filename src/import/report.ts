/*
 * The import report: for every file, what was read, kept and rejected, and why — in the manner
 * of Validata (methodology §4.6): each problem has a row, a field, a code and a French message;
 * header problems are warnings unless a required column is missing.
 */

/** Validata codes, and the importer's own for what Validata cannot see (links between files). */
export type IssueCode =
  | 'type-error'
  | 'constraint-error'
  | 'one-of-required'
  | 'siret'
  | 'compare-columns-value'
  | 'extra-cell-error'
  | 'missing-cell-error'
  | 'blank-row'
  | 'missing-header-warn'
  | 'extra-header-warn'
  | 'missing-required-header'
  | 'duplicate-key'
  | 'encoding-warn'
  | 'control-character-warn'
  | 'row-repaired'
  | 'value-normalised'
  | 'commune-mapped'
  | 'commune-unknown'
  | 'outside-territory'
  | 'association-unknown'
  | 'grant-unmatched'
  | 'position-approximate'
  | 'geometry-error'
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

/** What happened to one input file. */
export interface FileReport {
  readonly file: string;
  /** What the file was read as: communes, associations (RNA), grants (SCDL)… */
  readonly kind: InputKind;
  readonly format: string;
  readonly encoding: string;
  readonly sha256: string;
  readonly rowsRead: number;
  readonly rowsKept: number;
  readonly rowsRejected: number;
  readonly rejected: readonly RejectedRow[];
  /** Non-blocking problems and changes made to kept rows (normalised values, repaired rows…). */
  readonly warnings: readonly Issue[];
  /** Counts worth a line in the summary (e.g. codes mapped to today's commune). */
  readonly notes: Readonly<Record<string, number>>;
}

export type InputKind = 'communes' | 'associations' | 'grants' | 'exchanges' | 'offers' | 'waldec';

/** The whole import: one report per file, and the dataset's row counts. */
export interface ImportReport {
  readonly files: readonly FileReport[];
  readonly tables: Readonly<Record<string, number>>;
  /** True when rows read = rows kept + rows rejected for every file. */
  readonly conserved: boolean;
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

/** Collects a file's outcome row by row; `finish` checks that nothing was lost. */
export class FileReportBuilder {
  readonly #base: Pick<FileReport, 'file' | 'kind' | 'format' | 'encoding' | 'sha256'>;
  #read = 0;
  #kept = 0;
  readonly #rejected: RejectedRow[] = [];
  readonly #warnings: Issue[] = [];
  readonly #notes: Record<string, number> = {};

  constructor(base: Pick<FileReport, 'file' | 'kind' | 'format' | 'encoding' | 'sha256'>) {
    this.#base = base;
  }

  read(): void {
    this.#read++;
  }

  keep(): void {
    this.#kept++;
  }

  reject(row: number, id: string | null, reasons: readonly Issue[]): void {
    this.#rejected.push({ row, id, reasons });
  }

  warn(issue: Issue): void {
    this.#warnings.push(issue);
  }

  note(key: string, count = 1): void {
    this.#notes[key] = (this.#notes[key] ?? 0) + count;
  }

  finish(): FileReport {
    const report: FileReport = {
      ...this.#base,
      rowsRead: this.#read,
      rowsKept: this.#kept,
      rowsRejected: this.#rejected.length,
      rejected: this.#rejected,
      warnings: this.#warnings,
      notes: this.#notes,
    };
    if (report.rowsRead !== report.rowsKept + report.rowsRejected) {
      throw new Error(
        `${report.file} : ${report.rowsRead} lignes lues ≠ ${report.rowsKept} gardées + ${report.rowsRejected} rejetées`,
      );
    }
    return report;
  }
}

/** An issue about one cell. */
export function issue(row: number | null, field: string | null, code: IssueCode, message_fr: string): Issue {
  return { row, field, code, message_fr };
}

/** The whole import's report: its files' reports, the rows of each table, and whether every row is accounted for. */
export function importReport<T extends { readonly [K in keyof T]: readonly unknown[] }>(
  files: readonly FileReport[],
  tables: T,
): ImportReport {
  const counts = (Object.keys(tables) as (keyof T & string)[]).map((name) => [name, tables[name].length]);
  return {
    files,
    tables: Object.fromEntries(counts),
    conserved: files.every((r) => r.rowsRead === r.rowsKept + r.rowsRejected),
  };
}

/** « outside-territory ×118, commune-unknown ×2 »: issues counted by code, most frequent first. */
export function countByCode(issues: readonly Pick<Issue, 'code'>[], format: (n: number) => string): string {
  const byCode = new Map<string, number>();
  for (const i of issues) byCode.set(i.code, (byCode.get(i.code) ?? 0) + 1);
  return [...byCode]
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} ×${format(n)}`)
    .join(', ');
}
