/*
 * The files a declaration downloads: the exchange CSV the importer reads (the published format's
 * columns, comma, UTF-8 with a byte-order mark so that a spreadsheet reads the accents, CRLF) and
 * the same table as one XLSX sheet (SheetJS). Both are made in the browser; nothing is sent.
 */
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';

import { EXCHANGES_TABLE } from '../data/schema/index.ts';
import {
  EXCHANGE_COLUMNS,
  identifierOf,
  type DeclaredAssociation,
  type ExchangeCells,
} from './declaration-rows.ts';

const BOM = '\ufeff';

/** Name of the XLSX sheet (the importer reads the first sheet). */
export const DECLARATION_SHEET = 'echanges';

/** The exchange CSV of `rows`: header of the format's columns, then one line per exchange. */
export function exchangesCsv(rows: readonly ExchangeCells[]): string {
  const data = rows.map((row) => EXCHANGE_COLUMNS.map((column) => row[column] ?? ''));
  const csv = Papa.unparse({ fields: [...EXCHANGE_COLUMNS], data }, { delimiter: ',', newline: '\r\n' });
  return `${BOM}${csv}\r\n`;
}

const NUMERIC = new Set<string>(
  EXCHANGES_TABLE.columns.filter((c) => c.type === 'number' || c.type === 'integer').map((c) => c.name),
);

/** A cell of the sheet: numbers as numbers (a spreadsheet can add them up), everything else as text. */
function sheetCell(column: string, text: string): XLSX.CellObject | null {
  if (text === '') return null;
  const value = Number(text);
  if (NUMERIC.has(column) && text.trim() !== '' && Number.isFinite(value)) return { t: 'n', v: value };
  return { t: 's', v: text };
}

/** The XLSX workbook of `rows`: one sheet with the CSV's columns and cells. */
export function exchangesXlsx(rows: readonly ExchangeCells[]): Uint8Array {
  const sheet: XLSX.WorkSheet = {};
  EXCHANGE_COLUMNS.forEach((column, c) => {
    sheet[XLSX.utils.encode_cell({ r: 0, c })] = { t: 's', v: column };
    rows.forEach((row, r) => {
      const cell = sheetCell(column, row[column] ?? '');
      if (cell) sheet[XLSX.utils.encode_cell({ r: r + 1, c })] = cell;
    });
  });
  sheet['!ref'] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: rows.length, c: EXCHANGE_COLUMNS.length - 1 },
  });
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, DECLARATION_SHEET);
  const bytes: unknown = XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true });
  if (!(bytes instanceof ArrayBuffer)) throw new Error('SheetJS did not return the XLSX bytes');
  return new Uint8Array(bytes);
}

/** « echanges-W901000123-2026-11-26.csv »: the association's number and the day, safe on every system. */
export function declarationFileName(
  self: DeclaredAssociation,
  day: string,
  extension: 'csv' | 'xlsx',
): string {
  const { rna, siret } = identifierOf(self);
  const who = (rna || siret || self.id).replace(/[^A-Za-z0-9_-]+/g, '-');
  return `echanges-${who}-${day}.${extension}`;
}
