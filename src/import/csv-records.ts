/*
 * Physical lines to CSV records, with every line accounted for. A record is one line, or
 * several when a quoted field holds line breaks. What breaks real files is handled here and
 * reported on the record's line, never absorbed:
 *  - an unclosed quote would fuse every following line into one field: a multi-line record
 *    whose cells do not fit the header, that never closes, or whose inner lines look like
 *    whole records is split back into its lines, each read alone (the quote as a character);
 *  - a whole record wrapped in quotes by a spreadsheet (`"W1;""Club"";A"`, one cell holding
 *    separators, inner quotes doubled) is unwrapped into its cells — and into several records
 *    when the wrapped text holds several lines that each fit the header.
 */
import { endsInQuotes, splitCells } from './csv-cells.ts';
import type { PhysicalLine } from './lines.ts';

/** What reading a record had to do, reported on its line. */
export interface RecordRecovery {
  readonly code: 'unclosed-quote' | 'record-unwrapped';
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

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * Assembles records from physical lines. `width` is the header's number of columns once known
 * (null while looking for the header: records are then taken as they come).
 */
export class RecordAssembler {
  readonly #delimiter: string;
  readonly #width: number | null;
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
  }

  /** The records this line completes (none while a quoted field is open). */
  push(line: PhysicalLine): CsvRecord[] {
    const open = this.#pending.length > 0;
    if (!endsInQuotes(line.text, this.#delimiter, open)) {
      if (!open) return this.#single(line);
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

  #single(line: PhysicalLine): CsvRecord[] {
    const { cells } = splitCells(line.text, this.#delimiter);
    const record: CsvRecord = { line: line.number, lastLine: line.number, cells };
    return this.#emit(this.#unwrap(record) ?? [record]);
  }

  /** A multi-line record, closed or not: kept whole when it fits, else unwrapped or split back. */
  #resolve(lines: PhysicalLine[], closed: boolean): CsvRecord[] {
    const first = lines[0] as PhysicalLine;
    const last = lines[lines.length - 1] as PhysicalLine;
    const text = lines.map((l, i) => (i < lines.length - 1 ? l.text + ENDS[l.end] : l.text)).join('');
    const { cells } = splitCells(text, this.#delimiter);
    const record: CsvRecord = { line: first.number, lastLine: last.number, cells };
    const width = this.#width;
    if (width === null && closed) return this.#emit([record]);
    if (closed && cells.length === width && !this.#holdsRecords(lines)) return this.#emit([record]);
    const unwrapped = closed ? this.#unwrap(record) : null;
    if (unwrapped) return this.#emit(unwrapped);
    return this.#emit(this.#splitBack(lines, closed));
  }

  /** Whether lines inside a quoted field read as whole records on their own (a swallowed record). */
  #holdsRecords(lines: readonly PhysicalLine[]): boolean {
    const width = this.#width;
    if (width === null || width < 4) return false;
    return lines.slice(1).some((l) => splitCells(l.text, this.#delimiter, true).cells.length === width);
  }

  /** Each line of an unclosed quote's span read alone, the quote taken as a character. */
  #splitBack(lines: readonly PhysicalLine[], closed: boolean): CsvRecord[] {
    this.counts.unclosedQuotes++;
    const first = lines[0] as PhysicalLine;
    const message = closed
      ? `guillemet ouvert ligne ${first.number} qui ne referme qu’à la ligne ${first.number + lines.length - 1} : ces ${lines.length} lignes auraient été fondues en un enregistrement ; chacune est relue seule`
      : `guillemet ouvert ligne ${first.number} jamais refermé${lines.length > 1 ? ` : il aurait avalé ${lines.length - 1} ligne(s) de plus` : ''} ; chaque ligne est relue seule, le guillemet lu comme un caractère`;
    return lines.map((line, i) => ({
      line: line.number,
      lastLine: line.number,
      cells: splitCells(line.text, this.#delimiter, true).cells,
      recovery: i === 0 ? { code: 'unclosed-quote' as const, message } : undefined,
    }));
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
    if (records.length === 0 || records.some((r) => r.cells.length !== width)) return null;
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
    const counts = sample.map((l) => l.replace(/"[^"]*"/g, '').split(candidate).length - 1);
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
