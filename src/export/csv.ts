import Papa from 'papaparse';

import { roundToStep } from '../i18n/round-estimate.ts';
import { balanceBidi } from '../i18n/isolate.ts';
import { recordColumnDecimals, type IndicatorRecord } from './indicator-records.ts';

/**
 * CSV files of the indicator tables, in two variants:
 *  - « données » (machine-readable): comma, decimal point, UTF-8 without BOM, `\n`, one column per
 *    indicator id; the same bytes as `npm run indicators` for the same filters;
 *  - « français » (for a spreadsheet in French): semicolon, decimal comma, UTF-8 with BOM so that
 *    Excel reads accents, CRLF, headers in words, the table as shown on screen.
 * Numbers in both are written at their precision: central, low and high values rounded to the
 * indicator's decimals (ratios of a percentage at decimals + 2), never with binary noise
 * (2257.6000000000004 → 2257.6) nor « -0 », and with the plain hyphen-minus of data. The rounding
 * to what the range allows is for reading on screen only: a spreadsheet keeps the computation's
 * precision, its `_bas` and `_haut` columns say the uncertainty.
 *
 * Text cells in both (names, codes, labels: everything that is not a number) go through
 * `csvText`: never read as a formula by a spreadsheet, and unable to reorder the cells after them.
 */

/** Text a spreadsheet would read as a formula (OWASP « CSV injection »): =, +, -, @, tab, CR first. */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * A text cell as written in an exported CSV:
 *  - a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
 *    apostrophe (`'=1+1`), which spreadsheets show as text and never run. Only text is treated:
 *    a number is written by the caller as a number (`-12.5` stays a negative number);
 *  - its bidirectional controls are balanced (src/i18n/isolate.ts: a closer without opener
 *    dropped, an opener left open closed at the cell's end). A CSV has no markup to isolate a
 *    cell, and wrapping every right-to-left name in FSI…PDI would add invisible characters that
 *    each program reading the file would have to strip; balancing changes only cells whose
 *    controls were already broken, and keeps an override (U+202E) from reversing the cells after
 *    it when the file is read as plain text.
 */
export function csvText(text: string): string {
  const balanced = balanceBidi(text);
  return FORMULA.test(balanced) ? `'${balanced}` : balanced;
}

/**
 * A number as written in a CSV cell: rounded to `decimals` when given, else read at 12
 * significant digits (which drops binary noise); never « -0 »; decimal point.
 */
export function csvNumber(value: number, decimals?: number): string {
  const clean = decimals === undefined ? Number(value.toPrecision(12)) : roundToStep(value, -decimals);
  return String(clean === 0 ? 0 : clean);
}

/** Machine-readable CSV of indicator records (see indicator-records.ts), numbers at their precision. */
export function dataCsv(records: readonly IndicatorRecord[]): string {
  const cells = records.map((record) =>
    Object.fromEntries(
      Object.entries(record).map(([column, value]) => [
        column,
        typeof value === 'number'
          ? Number.isFinite(value)
            ? csvNumber(value, recordColumnDecimals(column))
            : null
          : typeof value === 'string'
            ? csvText(value)
            : value,
      ]),
    ),
  );
  return `${Papa.unparse(cells, { newline: '\n' })}\n`;
}

/** One column of a French CSV: a header, and a cell that is text, a number or empty. */
export interface FrenchCsvColumn<R> {
  readonly header: string;
  readonly cell: (row: R) => string | number | null;
  /** Decimals kept for numbers (rounding), default: as computed. */
  readonly decimals?: number;
}

const BOM = '\ufeff';

function frenchNumber(value: number, decimals: number | undefined): string {
  const text = decimals === undefined ? csvNumber(value) : roundToStep(value, -decimals).toFixed(decimals);
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
      return csvText(value);
    }),
  );
  const csv = Papa.unparse(
    { fields: columns.map((c) => csvText(c.header)), data: body },
    { delimiter: ';', newline: '\r\n' },
  );
  return `${BOM}${csv}\r\n`;
}
