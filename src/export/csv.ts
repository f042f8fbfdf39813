import Papa from 'papaparse';

import { roundToStep } from '../i18n/round-estimate.ts';
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
 */

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
/** Text a spreadsheet would read as a formula: written with a leading apostrophe instead. */
const FORMULA = /^[=+\-@\t\r]/;

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
      return FORMULA.test(value) ? `'${value}` : value;
    }),
  );
  const csv = Papa.unparse(
    { fields: columns.map((c) => c.header), data: body },
    { delimiter: ';', newline: '\r\n' },
  );
  return `${BOM}${csv}\r\n`;
}
