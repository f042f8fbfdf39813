import Papa from 'papaparse';

import { ImportError, issue, type Issue } from './report.ts';

/** One data row of a CSV file, with the line it starts on (the header is line 1). */
export interface CsvRow {
  readonly line: number;
  /** Cells, trimmed. */
  readonly cells: readonly string[];
  /** Cells as written (untrimmed), to put back together a row cut by unquoted separators. */
  readonly raw: readonly string[];
}

/** A CSV file read with a real parser: quoted fields may hold separators and line breaks. */
export interface CsvTable {
  readonly delimiter: ';' | ',' | '\t';
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
  /** Lines with nothing on them, skipped (they are not rows). */
  readonly blankLines: readonly number[];
  /** Changes made while reading (control characters replaced…). */
  readonly warnings: readonly Issue[];
}

/** Control characters that have no place in a cell; U+0085 (NEL) breaks line-based readers. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0085]/g;

/** The separator used by the header line: the most frequent of `;`, `,` and tab outside quotes. */
function detectDelimiter(headerLine: string): ';' | ',' | '\t' {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  const candidates = [';', ',', '\t'] as const;
  return candidates.reduce((best, c) => (count(c) > count(best) ? c : best), ';');
}

/**
 * Parses CSV text (already decoded, BOM removed). The separator is detected on the header line;
 * cells are trimmed; control characters inside cells become spaces and are reported. Throws an
 * `ImportError` naming the file when there is no header at all.
 */
export function parseCsv(text: string, file: string): CsvTable {
  const firstBreak = text.search(/\r?\n/);
  const headerLine = firstBreak === -1 ? text : text.slice(0, firstBreak);
  if (!headerLine.trim()) throw new ImportError(file, 'fichier vide ou sans ligne d’en-tête', 1);
  const delimiter = detectDelimiter(headerLine);
  const newline = text.slice(firstBreak, firstBreak + 2) === '\r\n' ? '\r\n' : '\n';
  const warnings: Issue[] = [];
  const records: CsvRow[] = [];
  const blankLines: number[] = [];
  // A record starts on the line after the previous one ended: one line each, plus the line
  // breaks inside its quoted cells.
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    newline,
    quoteChar: '"',
    skipEmptyLines: false,
    step: (result) => {
      const raw = result.data;
      const start = line;
      line += 1 + raw.reduce((n, cell) => n + (cell.split('\n').length - 1), 0);
      if (raw.length === 1 && (raw[0] ?? '').trim() === '') {
        blankLines.push(start);
        return;
      }
      const clean = raw.map((cell, index) => {
        if (!CONTROL.test(cell)) return cell;
        CONTROL.lastIndex = 0;
        warnings.push(
          issue(
            start,
            String(index + 1),
            'control-character-warn',
            'caractère de contrôle remplacé par une espace',
          ),
        );
        return cell.replace(CONTROL, ' ');
      });
      CONTROL.lastIndex = 0;
      records.push({ line: start, cells: clean.map((cell) => cell.trim()), raw: clean });
    },
  });
  // The line break that ends the last row does not start a blank line.
  if (text.endsWith('\n') && blankLines.at(-1) === line - 1) blankLines.pop();
  const [header, ...rows] = records;
  if (!header) throw new ImportError(file, 'fichier sans ligne d’en-tête', 1);
  return { delimiter, header: header.cells, rows, blankLines, warnings };
}

/** « Nom du bénéficiaire » → « nomdubeneficiaire »: headers compared without case, accents or punctuation. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** A column an importer looks for, under its name or other names seen in published files. */
export interface ExpectedColumn {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly required: boolean;
}

/** Where each expected column is in a file's header, and the header problems found. */
export interface HeaderMatch {
  readonly index: ReadonlyMap<string, number>;
  readonly warnings: readonly Issue[];
}

/**
 * Matches a header against expected columns by name, not position (Validata's `sync_schema`):
 * a missing optional column or an unknown one is a warning; a missing required column stops
 * the import with an `ImportError` naming the file and the column.
 */
export function matchHeader(
  file: string,
  header: readonly string[],
  columns: readonly ExpectedColumn[],
): HeaderMatch {
  const positions = new Map<string, number>();
  header.forEach((name, i) => {
    const key = normaliseHeader(name);
    if (key && !positions.has(key)) positions.set(key, i);
  });
  const index = new Map<string, number>();
  const warnings: Issue[] = [];
  for (const column of columns) {
    const found = [column.name, ...(column.aliases ?? [])]
      .map((name) => positions.get(normaliseHeader(name)))
      .find((i) => i !== undefined);
    if (found !== undefined) index.set(column.name, found);
    else if (column.required)
      throw new ImportError(
        file,
        'colonne obligatoire absente de l’en-tête (missing-required-header)',
        1,
        column.name,
      );
    else warnings.push(issue(1, column.name, 'missing-header-warn', 'colonne absente de l’en-tête'));
  }
  const used = new Set(index.values());
  header.forEach((name, i) => {
    if (!used.has(i))
      warnings.push(
        issue(1, name || `colonne ${i + 1}`, 'extra-header-warn', 'colonne inconnue du format, ignorée'),
      );
  });
  return { index, warnings };
}

/** The cells of a row by column name (empty string when the column is absent or the row short). */
export function cellsByName(row: CsvRow, match: HeaderMatch): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, i] of match.index) out[name] = row.cells[i] ?? '';
  return out;
}
