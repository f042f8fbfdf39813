/*
 * Physical lines to CSV records, with every line accounted for. A record is one line, or
 * several when a quoted field holds line breaks. What breaks real files is handled here and
 * reported on the record's line, never absorbed:
 *  - an unclosed quote would fuse every following line into one field: a multi-line record
 *    whose cells do not fit the header, that never closes, or whose inner lines look like
 *    whole records is split back into its lines, each read alone (the quote as a character);
 *  - a whole record wrapped in quotes by a spreadsheet (`"W1;""Club"";A"`, one cell holding
 *    separators, inner quotes doubled) is unwrapped into its cells — and into several records
 *    when the wrapped text holds several lines that each fit the header;
 *  - a line of millions of separators is cut at `maxCells` cells (the rest is its last cell):
 *    it keeps its line numbers and is rejected for its width, without filling the memory.
 * A record « fits » the header when it has its width, trailing empty cells aside (rows that
 * end with a separator the header does not have).
 */
import { endsInQuotes, splitCells, type SplitCells } from './csv-cells.ts';
import type { PhysicalLine } from './lines.ts';

/** What reading a record had to do, reported on its line. */
export interface RecordRecovery {
  readonly code: 'unclosed-quote' | 'record-unwrapped' | 'record-truncated';
  readonly message: string;
}

/** One CSV record: its cells as written (untrimmed) and the physical lines it spans. */
export interface CsvRecord {
  readonly line: number;
  readonly lastLine: number;
  readonly cells: readonly string[];
  readonly recovery?: RecordRecovery | undefined;
}

/** Counts kept while assembling, for the report's line accounting. */
export interface RecordCounts {
  /** Lines with no value at all (empty, spaces, or only separators): not records. */
  blankLines: number;
  records: number;
  /** Physical lines covered by records (records + line breaks inside quoted fields). */
  recordLines: number;
  unclosedQuotes: number;
  unwrapped: number;
}

/** A quoted field spanning more lines or characters than this is an unclosed quote. */
const MAX_RECORD_LINES = 1000;
const MAX_RECORD_CHARS = 4 * 1024 * 1024;

const ENDS = { LF: '\n', CRLF: '\r\n', CR: '\r', '': '' } as const;

/** Cells read per record at most while the header is not known (then: 4 × its width, at least 1,000). */
export const SEARCH_MAX_CELLS = 10_000;

/** The most cells read in a record of a table `width` wide (null: the header is not known yet). */
export function maxCells(width: number | null): number {
  return width === null ? SEARCH_MAX_CELLS : Math.max(4 * width, 1000);
}

function isBlank(cells: readonly string[], from = 0): boolean {
  for (let i = from; i < cells.length; i++) if ((cells[i] as string).trim() !== '') return false;
  return true;
}

/** The number of cells up to the last one that is not blank (at least 1): a header's real width. */
export function contentWidth(cells: readonly string[]): number {
  let width = cells.length;
  while (width > 1 && (cells[width - 1] as string).trim() === '') width--;
  return width;
}

/** Whether cells fit a header `width` wide: that many, or more that are all blank. */
function fits(cells: readonly string[], width: number): boolean {
  return cells.length === width || (cells.length > width && isBlank(cells, width));
}

/**
 * Assembles records from physical lines. `width` is the header's number of columns once known
 * (null while looking for the header: records are then taken as they come).
 */
export class RecordAssembler {
  readonly #delimiter: string;
  readonly #width: number | null;
  readonly #maxCells: number;
  #pending: PhysicalLine[] = [];
  #pendingChars = 0;
  readonly counts: RecordCounts = {
    blankLines: 0,
    records: 0,
    recordLines: 0,
    unclosedQuotes: 0,
    unwrapped: 0,
  };

  constructor(delimiter: string, width: number | null) {
    this.#delimiter = delimiter;
    this.#width = width;
    this.#maxCells = maxCells(width);
  }

  /**
   * The records this line completes (none while a quoted field is open). A line that continues
   * no record is split once; lines are only scanned for quotes while a quoted field is open.
   */
  push(line: PhysicalLine): CsvRecord[] {
    if (this.#pending.length === 0) {
      const split = this.#split(line.text);
      if (!split.open) return this.#single(line, split);
    } else if (!endsInQuotes(line.text, this.#delimiter, true)) {
      this.#pending.push(line);
      return this.#resolve(this.#take(), true);
    }
    this.#pending.push(line);
    this.#pendingChars += line.text.length;
    if (this.#pending.length > MAX_RECORD_LINES || this.#pendingChars > MAX_RECORD_CHARS)
      return this.#resolve(this.#take(), false);
    return [];
  }

  /** At the end of the file: a quoted field still open was never closed. */
  end(): CsvRecord[] {
    return this.#pending.length > 0 ? this.#resolve(this.#take(), false) : [];
  }

  #take(): PhysicalLine[] {
    const lines = this.#pending;
    this.#pending = [];
    this.#pendingChars = 0;
    return lines;
  }

  #emit(records: CsvRecord[]): CsvRecord[] {
    const kept: CsvRecord[] = [];
    for (const record of records) {
      const span = record.lastLine - record.line + 1;
      if (isBlank(record.cells)) this.counts.blankLines += span;
      else {
        this.counts.records++;
        this.counts.recordLines += span;
        kept.push(record);
      }
    }
    return kept;
  }

  #split(text: string, openQuoteIsText = false): SplitCells {
    return splitCells(text, this.#delimiter, openQuoteIsText, this.#maxCells);
  }

  /** A record of the lines `line` to `lastLine`, its cells cut at `maxCells` said in `recovery`. */
  #record(line: number, lastLine: number, split: SplitCells, recovery?: RecordRecovery): CsvRecord {
    const truncated: RecordRecovery | undefined = split.truncated && {
      code: 'record-truncated',
      message: `plus de ${this.#maxCells} champs : ligne tronquée à ${this.#maxCells} pour la lecture`,
    };
    return { line, lastLine, cells: split.cells, recovery: recovery ?? truncated };
  }

  #single(line: PhysicalLine, split: SplitCells): CsvRecord[] {
    const record = this.#record(line.number, line.number, split);
    return this.#emit(this.#unwrap(record) ?? [record]);
  }

  /** A multi-line record, closed or not: kept whole when it fits, else unwrapped or split back. */
  #resolve(lines: PhysicalLine[], closed: boolean): CsvRecord[] {
    const first = lines[0] as PhysicalLine;
    const last = lines[lines.length - 1] as PhysicalLine;
    const text = lines.map((l, i) => (i < lines.length - 1 ? l.text + ENDS[l.end] : l.text)).join('');
    const split = this.#split(text);
    const record = this.#record(first.number, last.number, split);
    const width = this.#width;
    if (width === null && closed) return this.#emit([record]);
    if (closed && width !== null && fits(split.cells, width) && !this.#holdsRecords(lines))
      return this.#emit([record]);
    const unwrapped = closed ? this.#unwrap(record) : null;
    if (unwrapped) return this.#emit(unwrapped);
    return this.#emit(this.#splitBack(lines, closed));
  }

  /**
   * Whether lines inside a quoted field read as whole records on their own (a swallowed record).
   * Inner lines only: the first opens the field and the last closes it — when the field is the
   * record's first, its last line always holds the other cells of the record.
   */
  #holdsRecords(lines: readonly PhysicalLine[]): boolean {
    const width = this.#width;
    if (width === null || width < 4) return false;
    return lines.slice(1, -1).some((l) => fits(this.#split(l.text, true).cells, width));
  }

  /** Each line of an unclosed quote's span read alone, the quote taken as a character. */
  #splitBack(lines: readonly PhysicalLine[], closed: boolean): CsvRecord[] {
    this.counts.unclosedQuotes++;
    const first = lines[0] as PhysicalLine;
    const message = closed
      ? `guillemet ouvert ligne ${first.number} qui ne referme qu’à la ligne ${first.number + lines.length - 1} : ces ${lines.length} lignes auraient été fondues en un enregistrement ; chacune est relue seule`
      : `guillemet ouvert ligne ${first.number} jamais refermé${lines.length > 1 ? ` : il aurait avalé ${lines.length - 1} ligne(s) de plus` : ''} ; chaque ligne est relue seule, le guillemet lu comme un caractère`;
    return lines.map((line, i) =>
      this.#record(
        line.number,
        line.number,
        this.#split(line.text, true),
        i === 0 ? { code: 'unclosed-quote', message } : undefined,
      ),
    );
  }

  /**
   * A record wrapped whole in quotes: one non-empty cell holding separators. Its text is read as
   * CSV; kept when every record inside it fits the header.
   */
  #unwrap(record: CsvRecord): CsvRecord[] | null {
    const width = this.#width;
    if (width === null || record.cells.length >= width) return null;
    const filled = record.cells.filter((c) => c.trim() !== '');
    const inner = filled[0];
    if (filled.length !== 1 || inner === undefined || !inner.includes(this.#delimiter)) return null;
    const nested = new RecordAssembler(this.#delimiter, null);
    const records: CsvRecord[] = [];
    inner.split(/\r\n|\n|\r/).forEach((text, i) => {
      records.push(...nested.push({ text, end: 'LF', number: record.line + i }));
    });
    records.push(...nested.end());
    if (records.length === 0 || records.some((r) => !fits(r.cells, width))) return null;
    this.counts.unwrapped += records.length;
    const message =
      records.length === 1
        ? `enregistrement entier entre guillemets (export de tableur) : recoupé en ${width} champs`
        : `${records.length} enregistrements enfermés dans un seul champ entre guillemets (export de tableur) : séparés et recoupés en ${width} champs`;
    const unwrapped = records.map((r, i) => ({
      ...r,
      lastLine: i === records.length - 1 ? record.lastLine : r.lastLine,
      recovery: { code: 'record-unwrapped' as const, message },
    }));
    // Blank lines inside the wrapped text belong to no record: count them as blank lines.
    const covered = unwrapped.reduce((n, r) => n + r.lastLine - r.line + 1, 0);
    this.counts.blankLines += record.lastLine - record.line + 1 - covered;
    return unwrapped;
  }
}

/** How many times `char` occurs in `text` (without splitting a line of millions of separators). */
function occurrences(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) count++;
  return count;
}

/**
 * The separator of a CSV file: among `;`, `,`, tab and `|`, the one found outside quotes on
 * the most of the first lines with the same count (a header and its rows agree), the most
 * frequent on ties; `;` when none appears.
 */
export function detectDelimiter(lines: readonly string[]): ';' | ',' | '\t' | '|' {
  const candidates = [';', ',', '\t', '|'] as const;
  const sample = lines.filter((l) => l.trim() !== '').slice(0, 50);
  let best: (typeof candidates)[number] = ';';
  let bestScore = [0, 0];
  for (const candidate of candidates) {
    const counts = sample.map((l) => occurrences(l.replace(/"[^"]*"/g, ''), candidate));
    const modes = new Map<number, number>();
    for (const c of counts) if (c > 0) modes.set(c, (modes.get(c) ?? 0) + 1);
    const agreeing = Math.max(0, ...modes.values());
    const total = counts.reduce((a, b) => a + b, 0);
    const score = [agreeing, total];
    if (score[0]! > bestScore[0]! || (score[0] === bestScore[0] && score[1]! > bestScore[1]!)) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
