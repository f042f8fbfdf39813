/*
 * Grants rows wider than their header. Most are SCDL files written without quotes although
 * amounts (« 25 000,00 ») and sentences hold the separator: the cells are put back together by
 * shape (repair.ts). Two other causes must not be « repaired »: a row far too wide (the search
 * would take minutes) and a header that lost a column — then every row is wider by the same
 * amount and the joining glues an identifier or a date into a text column; the import stops.
 */
import { cleanCell } from './cell-text.ts';
import type { ColumnMatch } from './columns.ts';
import { GRANT_FIELDS } from './grant-fields.ts';
import { realignRow, type Shape } from './repair.ts';
import { ImportError, issue, type Issue } from './report.ts';
import type { OpenedTable, TableRow } from './table-reader.ts';

/** Pieces beyond the header's width that realignment may put back: more is not a separator left unquoted. */
const MAX_EXTRA_PIECES = 12;
/** A piece that can only be a cell of its own, never part of a text. */
const STRONG = /^(\d[\d\s\u00a0]{12,20}\d|\d{4}-\d{2}-\d{2}|W\d{9})$/i;

/** Realignment of a file's wide rows, with the file's shapes worked out once. */
export class GrantAligner {
  readonly #shapes: readonly Shape[];
  readonly #width: number;
  readonly #delimiter: string;

  constructor(table: OpenedTable, match: ColumnMatch) {
    const byColumn = new Map([...match.index].map(([name, column]) => [column, name]));
    this.#shapes = table.header.map(
      (_, i) => GRANT_FIELDS.find((f) => f.name === byColumn.get(i))?.shape ?? 'token',
    );
    this.#width = table.header.length;
    this.#delimiter = table.delimiter ?? ';';
  }

  /** The row's cells, realigned if needed, or the reason it cannot be (a rejection). */
  align(row: TableRow): { cells: readonly string[]; repaired: Issue | null } | { reason: Issue } {
    const width = this.#width;
    const pieces = row.cells.length;
    if (pieces <= width) return { cells: row.cells, repaired: null };
    const fail = (why: string) => ({
      reason: issue(row.line, null, 'extra-cell-error', `${pieces} champs pour ${width} colonnes, ${why}`),
    });
    if (pieces - width > MAX_EXTRA_PIECES || this.#delimiter === '') return fail('trop pour être recollés');
    const cells = realignRow(row.raw, this.#shapes, this.#delimiter);
    if (!cells) return fail('découpage impossible à retrouver');
    const repaired = issue(
      row.line,
      null,
      'row-repaired',
      `${pieces} champs pour ${width} colonnes (séparateur « ${this.#delimiter} » non protégé par des guillemets) : cellules recollées d’après leur forme (SIRET, date, montant, nature)`,
    );
    return { cells: cells.map((cell) => cleanCell(cell, { c1: 0, control: 0, invisible: 0 })), repaired };
  }

  /** Whether realigning a row glues an identifier or a date into a text cell (a shifted header). */
  #gluesStrongPiece(row: TableRow): boolean {
    const cells = realignRow(row.raw, this.#shapes, this.#delimiter);
    if (!cells) return false;
    return cells.some(
      (cell, i) =>
        this.#shapes[i] === 'text' &&
        cell.includes(this.#delimiter) &&
        cell.split(this.#delimiter).some((piece) => STRONG.test(piece.trim())),
    );
  }

  /**
   * Stops the import when every row read ahead is wider than the header by the same count and
   * realigning each glues an identifier or a date into a text column: the header lost a title.
   */
  requireHeaderWidth(file: string, table: OpenedTable): void {
    const sample = table.sample;
    const widths = new Set(sample.map((r) => r.cells.length));
    const [only] = widths;
    if (widths.size !== 1 || only === undefined || only <= this.#width) return;
    if (only - this.#width > MAX_EXTRA_PIECES || !sample.every((row) => this.#gluesStrongPiece(row))) return;
    throw new ImportError(
      file,
      `l’en-tête compte ${this.#width} colonnes mais chacune des ${sample.length} lignes en a ${only}, et les recoller mettrait un SIRET ou une date dans un texte : un titre de colonne manque dans l’en-tête — corrigez l’en-tête puis importez de nouveau`,
      table.headerLine,
    );
  }
}
