/*
 * The cells of a sheet parsed by SheetJS turned into text, by the rules of the importer's README:
 * ISO dates, raw numbers without exponent, `oui`/`non`, errors emptied, merged cells emptied but
 * the top-left one.
 */
import * as XLSX from '@e965/xlsx';

import type { SheetRow } from './spreadsheet.ts';

/** The part of SheetJS's number-format library (typed `any` upstream) used here. */
type DateCode = Readonly<Record<'D' | 'y' | 'm' | 'd' | 'H' | 'M' | 'S', number>>;
interface Ssf {
  is_date(format: string): boolean;
  parse_date_code(serial: number, options: { date1904: boolean }): DateCode | null;
  format(format: string, value: number): string;
}
const SSF = XLSX.SSF as Ssf;

/** Keys of the notes the conversion counts, in the report's French. */
export const NOTE = {
  dates: 'cellules date converties en AAAA-MM-JJ',
  formulas: 'cellules formule (valeur en cache reprise)',
  numericText: 'cellules nombre écrit en texte',
  errors: 'cellules en erreur (#N/A…) vidées',
  unwritable: 'nombres non représentables vidés',
  merges: 'plages fusionnées',
  links: 'liens vers d’autres classeurs ignorés',
  sheets: 'feuilles',
} as const;
const NUMERIC_TEXT = /^\s*[-+]?\d[\d\s\u00a0\u202f]*(?:[.,]\d+)?\s*$/;
/** A formula pointing into another workbook: `[1]Feuil1!A1`, `'C:\[budget.xlsx]Ma feuille'!A1`. */
const EXTERNAL_REF = /'[^']*\[[^\]]+\][^']*'!|\[[^\]]+\][\p{L}\p{N}_.]+!/u;

/** What the conversion of a sheet's cells needs and what it counts. */
export interface CellContext {
  readonly date1904: boolean;
  readonly notes: Record<string, number>;
}

const count = (ctx: CellContext, key: string) => (ctx.notes[key] = (ctx.notes[key] ?? 0) + 1);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO text of a date serial: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS`, or `HH:MM:SS` for a bare time. */
function serialText(serial: number, date1904: boolean): string | undefined {
  const code = SSF.parse_date_code(serial, { date1904 });
  if (code === null) return undefined;
  const time = `${pad(code.H)}:${pad(code.M)}:${pad(code.S)}`;
  if (code.D === 0) return time;
  const day = `${pad(code.y, 4)}-${pad(code.m)}-${pad(code.d)}`;
  return code.H === 0 && code.M === 0 && code.S === 0 ? day : `${day}T${time}`;
}

/** A number as plain decimal text: integers exactly, others to 15 significant digits, no exponent. */
function numberText(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (Number.isSafeInteger(value)) return String(value);
  const text = String(Number(value.toPrecision(15)));
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  const [, sign = '', lead = '', fraction = '', exponent = '0'] = match;
  const power = Number(exponent);
  if (power < 0) return `${sign}0.${'0'.repeat(-power - 1)}${lead}${fraction}`;
  return sign + (lead + fraction).padEnd(power + 1, '0');
}

/** A format made only of zeros (and quoted or escaped literals), such as `00000` for a postcode. */
const isZeroPadded = (format: string) => /^0{2,}$/.test(format.replace(/"[^"]*"|\\./g, ''));

/** Text of a numeric cell: dates in ISO, zero-padded codes as formatted, anything else raw. */
function numericCell(value: number, format: string | undefined, ctx: CellContext): string {
  if (format !== undefined && SSF.is_date(format)) {
    const iso = serialText(value, ctx.date1904);
    if (iso !== undefined) return (count(ctx, NOTE.dates), iso);
  }
  if (format !== undefined && isZeroPadded(format) && Number.isSafeInteger(value) && value >= 0) {
    return SSF.format(format, value);
  }
  const text = numberText(value);
  return text ?? (count(ctx, NOTE.unwritable), '');
}

/** Text of a native date cell (rare: only some readers produce them when `cellDates` is off). */
function dateCell(value: XLSX.CellObject['v'], ctx: CellContext): string {
  count(ctx, NOTE.dates);
  if (!(value instanceof Date)) return String(value ?? '');
  const iso = value.toISOString().slice(0, 19);
  return iso.endsWith('T00:00:00') ? iso.slice(0, 10) : iso;
}

/** Text of one cell by the rules above; formula cells give their cached value. */
function cellText(cell: XLSX.CellObject, ctx: CellContext): string {
  if (cell.f !== undefined || cell.F !== undefined) {
    count(ctx, NOTE.formulas);
    if (cell.f !== undefined && EXTERNAL_REF.test(cell.f)) count(ctx, NOTE.links);
  }
  const { v } = cell;
  switch (cell.t) {
    case 's': {
      const text = String(v ?? '');
      if (NUMERIC_TEXT.test(text)) count(ctx, NOTE.numericText);
      return text;
    }
    case 'b':
      return v === true ? 'oui' : 'non';
    case 'e':
      return (count(ctx, NOTE.errors), '');
    case 'd':
      return dateCell(v, ctx);
    case 'n':
      return typeof v === 'number'
        ? numericCell(v, typeof cell.z === 'string' ? cell.z : undefined, ctx)
        : '';
    default:
      return '';
  }
}

/** Empties the cells a merge covers (all but its top-left one), in place. */
export function clearCovered(data: (XLSX.CellObject | undefined)[][], merges: readonly XLSX.Range[]): void {
  for (const { s, e } of merges) {
    for (let r = s.r; r <= Math.min(e.r, data.length - 1); r++) {
      const row = data[r] ?? [];
      for (let c = r === s.r ? s.c + 1 : s.c; c <= Math.min(e.c, row.length - 1); c++) row[c] = undefined;
    }
  }
}

/** Rows 1 to the last row holding a cell, as text. */
export function sheetRows(
  data: readonly (readonly (XLSX.CellObject | undefined)[] | undefined)[],
  ctx: CellContext,
): SheetRow[] {
  let last = data.length - 1;
  while (last >= 0 && !(data[last] ?? []).some((cell) => cell != null && cell.t !== 'z')) last--;
  const rows: SheetRow[] = [];
  for (let r = 0; r <= last; r++) {
    const cells = Array.from(data[r] ?? [], (cell) => (cell == null ? '' : cellText(cell, ctx)));
    while (cells.at(-1) === '') cells.pop();
    rows.push({ line: r + 1, cells });
  }
  return rows;
}
