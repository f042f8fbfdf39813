import Papa from 'papaparse';

import type { IndicatorRecord } from './indicator-records.ts';

/**
 * CSV files of the indicator tables, in two variants:
 *  - « données » (machine-readable): comma, decimal point, UTF-8 without BOM, `\n`, raw values,
 *    one column per indicator id; the same bytes as `npm run indicators` for the same filters;
 *  - « français » (for a spreadsheet in French): semicolon, decimal comma, UTF-8 with BOM so that
 *    Excel reads accents, CRLF, headers in words, the table as shown on screen.
 */

/** Machine-readable CSV of indicator records (see indicator-records.ts). */
export function dataCsv(records: readonly IndicatorRecord[]): string {
  return `${Papa.unparse([...records], { newline: '\n' })}\n`;
}

/** One column of a French CSV: a header, and a cell that is text, a number or empty. */
export interface FrenchCsvColumn<R> {
  readonly header: string;
  readonly cell: (row: R) => string | number | null;
  /** Decimals kept for numbers (rounding), default: as computed. */
  readonly decimals?: number;
}

const BOM = '\ufeff';
/** Text a spreadsheet would read as a formula: written with a leading apostrophe instead. */
const FORMULA = /^[=+\-@\t\r]/;

function frenchNumber(value: number, decimals: number | undefined): string {
  const text = decimals === undefined ? String(value) : value.toFixed(decimals);
  // No thousands separator: spreadsheets read « 1234,5 » as a number, not « 1 234,5 ».
  return text.replace('.', ',');
}

/** CSV for a French spreadsheet: `;`, decimal comma, BOM, CRLF; text is never run as a formula. */
export function frenchCsv<R>(rows: readonly R[], columns: readonly FrenchCsvColumn<R>[]): string {
  const body = rows.map((row) =>
    columns.map((column) => {
      const value = column.cell(row);
      if (value === null) return '';
      if (typeof value === 'number')
        return Number.isFinite(value) ? frenchNumber(value, column.decimals) : '';
      return FORMULA.test(value) ? `'${value}` : value;
    }),
  );
  const csv = Papa.unparse(
    { fields: columns.map((c) => c.header), data: body },
    { delimiter: ';', newline: '\r\n' },
  );
  return `${BOM}${csv}\r\n`;
}
