/*
 * Which header column holds which field, by name and not by position (Validata's `sync_schema`):
 * exact names and the human titles publishers use, then words in the title (« Montant de la
 * subvention de fonctionnement (1) »), then, for a column with no title of its own, its content.
 * Each field says whether the format's standard requires it and whether Symbiose uses it: a
 * missing field Symbiose needs stops the import; any other missing or empty field is one warning
 * for the whole column, and rows are kept.
 */
import { ImportError, issue, type FileReportBuilder, type Issue } from './report.ts';
import type { TableRow } from './table-reader.ts';

/** A field a format reader looks for. */
export interface FieldSpec {
  readonly name: string;
  /** Other names and titles seen in published files (compared without case, accents, punctuation). */
  readonly aliases?: readonly string[];
  /** Words of a title that designate the field (on the folded title: lower case, no accents). */
  readonly pattern?: RegExp;
  /** Recognises the field from the values of a column with no title. */
  readonly content?: (values: readonly string[]) => boolean;
  /** The format's standard requires it. */
  readonly standard: boolean;
  /** Symbiose computes something from it. */
  readonly used: boolean;
  /** A missing column stops the import (a field no row can do without). */
  readonly needed?: boolean;
  /** Read, but never given back in the rejected-rows file (a seat's address). */
  readonly withheld?: boolean;
}

/** Where each field is in a header, and the header's problems. */
export interface ColumnMatch {
  readonly index: ReadonlyMap<string, number>;
  readonly warnings: readonly Issue[];
}

/** « Nom du Bénéficiaire (1) » → « nomdubeneficiaire »: names compared without case, accents, punctuation or footnote calls. */
export function normaliseHeader(header: string): string {
  return foldHeader(header).replace(/ /g, '');
}

/** « Montant⏎de la subvention (1) » → « montant de la subvention »: words of a title. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\(\d+\)|\*+/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A title that names no field: empty, or a spreadsheet's default (« Colonne1 », « Unnamed: 3 »). */
function isUntitled(header: string): boolean {
  return /^(|colonne ?\d*|column ?\d*|unnamed ?\d*|empty ?\d*|champ ?\d*|f ?\d+)$/.test(foldHeader(header));
}

/** How many cells of a row are names of the format's fields: a header scores high. */
export function headerScore(fields: readonly FieldSpec[]): (cells: readonly string[]) => number {
  const names = new Set(fields.flatMap((f) => [f.name, ...(f.aliases ?? [])]).map(normaliseHeader));
  return (cells) => cells.filter((c) => c && names.has(normaliseHeader(c))).length;
}

function assign(header: readonly string[], fields: readonly FieldSpec[], sample: readonly TableRow[]) {
  const index = new Map<string, number>();
  const taken = new Set<number>();
  const inferred: [string, number][] = [];
  const claim = (field: FieldSpec, column: number) => {
    index.set(field.name, column);
    taken.add(column);
  };
  const normalised = header.map(normaliseHeader);
  for (const field of fields) {
    const names = new Set([field.name, ...(field.aliases ?? [])].map(normaliseHeader));
    const column = normalised.findIndex((h, i) => !taken.has(i) && h !== '' && names.has(h));
    if (column !== -1) claim(field, column);
  }
  for (const field of fields) {
    if (index.has(field.name) || !field.pattern) continue;
    const column = header.findIndex((h, i) => !taken.has(i) && field.pattern!.test(foldHeader(h)));
    if (column !== -1) claim(field, column);
  }
  for (const field of fields) {
    if (index.has(field.name) || !field.content) continue;
    const column = header.findIndex((h, i) => {
      if (taken.has(i) || !isUntitled(h)) return false;
      const values = sample.map((r) => r.cells[i] ?? '').filter(Boolean);
      return values.length > 0 && field.content!(values);
    });
    if (column !== -1) {
      claim(field, column);
      inferred.push([field.name, column]);
    }
  }
  return { index, taken, inferred };
}

/**
 * Matches a header against a format's fields. A missing field marked `needed` stops the import
 * with an `ImportError` naming the file, the header's line and the field.
 */
export function matchColumns(
  file: string,
  header: readonly string[],
  headerLine: number,
  fields: readonly FieldSpec[],
  sample: readonly TableRow[] = [],
): ColumnMatch {
  const { index, taken, inferred } = assign(header, fields, sample);
  const warnings: Issue[] = [];
  for (const field of fields) {
    if (index.has(field.name)) continue;
    if (field.needed)
      throw new ImportError(
        file,
        `colonne « ${field.name} » absente de l’en-tête : Symbiose en a besoin (missing-required-header)`,
        headerLine,
        field.name,
      );
    const why = field.used
      ? 'valeur vide pour chaque ligne'
      : field.standard
        ? 'exigée par le standard mais non utilisée par Symbiose : lignes gardées'
        : 'facultative';
    if (field.used || field.standard)
      warnings.push(
        issue(headerLine, field.name, 'missing-header-warn', `colonne absente de l’en-tête (${why})`),
      );
  }
  for (const [name, column] of inferred)
    warnings.push(
      issue(
        headerLine,
        name,
        'column-inferred',
        `colonne ${column + 1} sans titre reconnue comme « ${name} » d’après son contenu`,
      ),
    );
  header.forEach((name, i) => {
    if (!taken.has(i) && name.trim() !== '')
      warnings.push(issue(headerLine, name, 'extra-header-warn', 'colonne inconnue du format, ignorée'));
  });
  return { index, warnings };
}

/** The cells of a row by field name (empty string when the column is absent or the row short). */
export function cellsByName(cells: readonly string[], match: ColumnMatch): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, i] of match.index) out[name] = cells[i] ?? '';
  return out;
}

/**
 * Empty cells of fields a standard requires but Symbiose does not use, counted per column:
 * one warning for the whole file, never one per row.
 */
export class EmptyColumnTally {
  readonly #fields: readonly FieldSpec[];
  readonly #empty = new Map<string, { count: number; first: number }>();
  #rows = 0;

  constructor(fields: readonly FieldSpec[], match: ColumnMatch) {
    this.#fields = fields.filter((f) => f.standard && !f.used && match.index.has(f.name));
  }

  count(cells: Readonly<Record<string, string>>, line: number): void {
    this.#rows++;
    for (const field of this.#fields) {
      if ((cells[field.name] ?? '').trim() !== '') continue;
      const entry = this.#empty.get(field.name);
      if (entry) entry.count++;
      else this.#empty.set(field.name, { count: 1, first: line });
    }
  }

  report(report: FileReportBuilder): void {
    const rows = this.#rows;
    for (const [name, { count, first }] of this.#empty)
      report.warn(
        issue(
          first,
          name,
          'unused-column-empty',
          `colonne « ${name} » vide sur ${count} ligne(s) sur ${rows} : exigée par le standard, non utilisée par Symbiose — lignes gardées`,
        ),
      );
  }
}
