/*
 * Rejected rows given back to the user as a CSV to fix and re-import: the line number and the
 * reasons first, then the row as written under the file's own header. `;`, UTF-8 with BOM and
 * CRLF so that a French spreadsheet opens it as is; a cell a spreadsheet would run as a formula
 * is written with a leading apostrophe. Rows rejected only for lying outside the territory are
 * not in it: there is nothing to fix.
 */
import Papa from 'papaparse';

import type { Issue } from './report.ts';

const FORMULA = /^[=+\-@\t\r]/;

const safe = (cell: string) => (FORMULA.test(cell) ? `'${cell}` : cell);

/** The first lines of a rejected-rows CSV: BOM and header. */
export function rejectedRowsHeader(header: readonly string[]): string {
  return `\ufeff${Papa.unparse([['ligne', 'motifs', ...header.map(safe)]], { delimiter: ';', newline: '\r\n' })}\r\n`;
}

/** One rejected row as a CSV line. */
export function rejectedRowLine(line: number, cells: readonly string[], reasons: readonly Issue[]): string {
  const why = reasons.map((r) => `${r.field ? `${r.field} : ` : ''}${r.message_fr} (${r.code})`).join(' | ');
  return `${Papa.unparse([[String(line), safe(why), ...cells.map(safe)]], { delimiter: ';', newline: '\r\n' })}\r\n`;
}

/** File name of a file's rejected rows: « rejets-<name>.csv ». */
export function rejectedRowsFileName(file: string): string {
  return `rejets-${file.replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9._-]+/g, '_')}.csv`;
}
