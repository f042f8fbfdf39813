/*
 * A workbook described without any file format: sheets, rows of values with a role, columns with
 * a width, a kind and a validation. The XLSX writer (exceljs) and the ODS writer (hand-written
 * OpenDocument) both take this model, so the two templates cannot differ in content.
 */

/** What a cell holds; dates are written as `YYYY-MM-DD` text in the model (rows to fill are empty). */
export type CellValue = string | number | null;

/** How a column's cells to fill are formatted: as text, a number, an integer or a date. */
export type ColumnKind = 'text' | 'number' | 'integer' | 'date';

/**
 * The role of a row, which sets its look: a sheet title, a section heading, a paragraph, a table
 * header (its required columns emphasised), the hint row under a header, a row of values.
 */
export type RowRole = 'title' | 'heading' | 'paragraph' | 'header' | 'hint' | 'values';

/** Cells of one column of another (or the same) sheet, rows 1-based and inclusive. */
export interface CellRange {
  readonly sheet: string;
  /** 0-based column index. */
  readonly column: number;
  readonly firstRow: number;
  readonly lastRow: number;
}

/** What a validation accepts. */
export type ValidationRule =
  | { readonly kind: 'list'; readonly source: CellRange }
  | {
      readonly kind: 'number';
      readonly integer: boolean;
      readonly minimum: number;
      readonly maximum: number;
    }
  | { readonly kind: 'date'; readonly minimum: string }
  | { readonly kind: 'text-length'; readonly maximum: number };

/** A validation of the cells to fill of a column, with the French message a refused value shows. */
export interface Validation {
  readonly rule: ValidationRule;
  /** `stop` refuses the value; `warning` says so and keeps it if the person insists. */
  readonly severity: 'stop' | 'warning';
  readonly title: string;
  readonly message: string;
}

/** One column of a sheet. */
export interface ColumnModel {
  /** Width in characters of the default font. */
  readonly width: number;
  readonly kind: ColumnKind;
  /** A field that must be filled: its header is emphasised. */
  readonly required: boolean;
  readonly validation: Validation | null;
}

/** One row of a sheet, from row 1. */
export interface RowModel {
  readonly role: RowRole;
  readonly cells: readonly CellValue[];
  /** The first cell spans every column of the sheet (a title or a paragraph). */
  readonly span: boolean;
  /** Height in points, when the row holds wrapped text (spreadsheets do not grow merged rows). */
  readonly height: number | null;
}

/** One sheet. */
export interface SheetModel {
  readonly name: string;
  readonly columns: readonly ColumnModel[];
  readonly rows: readonly RowModel[];
  /** Rows (1-based, inclusive) that take the columns' formats and validations: the rows to fill. */
  readonly input: { readonly first: number; readonly last: number } | null;
  /** Rows kept in view when scrolling (the header and its hint row). */
  readonly frozenRows: number;
  readonly hidden: boolean;
}

/** A whole workbook; the first sheet is the one shown when the file opens. */
export interface WorkbookModel {
  readonly title: string;
  readonly sheets: readonly SheetModel[];
}

/** A row with defaults: no span, natural height. */
export function row(
  role: RowRole,
  cells: readonly CellValue[],
  options: { span?: boolean; height?: number } = {},
): RowModel {
  return { role, cells, span: options.span ?? false, height: options.height ?? null };
}

/** Spreadsheet name of a 0-based column: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
