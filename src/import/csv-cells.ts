/*
 * Cells of one CSV record (RFC 4180): a field that starts with `"` is quoted, `""` inside it is
 * a quote, and it may hold separators and line breaks; a `"` inside an unquoted field is just a
 * character (as spreadsheets read « Convention "Collèges" 2019 »). Records are put together from
 * physical lines by `csv-records.ts`, which needs to know, line by line, whether a quoted field
 * is still open — the reason this is not delegated to a CSV library, which would swallow the
 * rest of a file after an unclosed quote and say so only at the end. Checked against Papa Parse
 * on generated well-formed records (tests/unit/import/csv-cells.test.ts).
 */

/** The cells of a record, and whether its text ended inside a quoted field. */
export interface SplitCells {
  readonly cells: string[];
  /** The text ended inside a quoted field (the record continues on the next line, or a quote is unclosed). */
  readonly open: boolean;
  /** Quotes closing a quoted field but followed by text (`"abc"def`): read as Excel does, `abcdef`. */
  readonly strayQuotes: number;
  /** More cells than `maxCells`: the last cell is the rest of the text, unsplit (absent otherwise). */
  readonly truncated?: true;
}

const QUOTE = 34;

/**
 * The quoted field `readQuoted` just read: its value, where the next field starts (-1 at the end
 * of the text), whether a quote closed it before more text (`"abc"def`), and whether it is still
 * open. One object reused: a national file has tens of millions of quoted fields.
 */
const field = { value: '', next: -1, stray: false, open: false };

/** Reads the quoted field whose opening quote is at `at` into `field`: up to a quote followed by the separator or the end. */
function readQuoted(text: string, at: number, delimiter: string): void {
  const sep = delimiter.charCodeAt(0);
  let value = '';
  let from = at + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return setField(value + text.slice(from), -1, false, true);
    value += text.slice(from, quote);
    const next = text.charCodeAt(quote + 1);
    if (next === QUOTE) {
      value += '"';
      from = quote + 2;
    } else if (quote + 1 === text.length) return setField(value, -1, false, false);
    else if (next === sep) return setField(value, quote + 2, false, false);
    else {
      // `"abc"def`: the quoted part ends, the rest of the field is plain text.
      const stop = text.indexOf(delimiter, quote + 1);
      value += text.slice(quote + 1, stop === -1 ? text.length : stop);
      return setField(value, stop === -1 ? -1 : stop + 1, true, false);
    }
  }
}

function setField(value: string, next: number, stray: boolean, open: boolean): void {
  field.value = value;
  field.next = next;
  field.stray = stray;
  field.open = open;
}

/**
 * Splits a record's text into cells. With `openQuoteIsText`, a quoted field still open at the
 * end is read again as unquoted text from its opening quote (an unclosed quote is a character).
 * Past `maxCells` cells, the last cell is the rest of the text from its start, and the result
 * says `truncated`: a line of millions of separators does not become millions of strings.
 */
export function splitCells(
  text: string,
  delimiter: string,
  openQuoteIsText = false,
  maxCells = Infinity,
): SplitCells {
  const cells: string[] = [];
  let strayQuotes = 0;
  let at = 0;
  let last = 0;
  for (;;) {
    if (cells.length === maxCells) {
      cells[maxCells - 1] = text.slice(last);
      return { cells, open: false, strayQuotes, truncated: true };
    }
    last = at;
    if (text.charCodeAt(at) !== QUOTE) {
      const stop = text.indexOf(delimiter, at);
      cells.push(text.slice(at, stop === -1 ? text.length : stop));
      if (stop === -1) return { cells, open: false, strayQuotes };
      at = stop + 1;
      continue;
    }
    readQuoted(text, at, delimiter);
    if (field.open && openQuoteIsText)
      return unquotedTail(cells, text.slice(at), delimiter, strayQuotes, maxCells);
    cells.push(field.value);
    if (field.stray) strayQuotes++;
    if (field.next === -1) return { cells, open: field.open, strayQuotes };
    at = field.next;
  }
}

/** The rest of a record read as plain text: separators split it, quotes are characters. */
function unquotedTail(
  cells: string[],
  tail: string,
  delimiter: string,
  strayQuotes: number,
  maxCells: number,
): SplitCells {
  // One piece more than room is left for tells whether the record goes past `maxCells`.
  const pieces = Number.isFinite(maxCells)
    ? tail.split(delimiter, maxCells - cells.length + 1)
    : tail.split(delimiter);
  if (cells.length + pieces.length <= maxCells)
    return { cells: cells.concat(pieces), open: false, strayQuotes };
  // The last piece kept runs to the end of the text.
  const kept = pieces.slice(0, maxCells - cells.length - 1);
  const rest = tail.slice(kept.reduce((n, p) => n + p.length + delimiter.length, 0));
  return { cells: cells.concat(kept, rest), open: false, strayQuotes, truncated: true };
}

/** Whether a line leaves a quoted field open, given whether one was open when it started. */
export function endsInQuotes(line: string, delimiter: string, startsInQuotes: boolean): boolean {
  if (!startsInQuotes && !line.includes('"')) return false;
  const sep = delimiter.charCodeAt(0);
  let inQuotes = startsInQuotes;
  let fieldStart = !startsInQuotes;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (inQuotes) {
      if (c !== QUOTE) continue;
      if (line.charCodeAt(i + 1) === QUOTE) i++;
      else inQuotes = false;
    } else if (c === sep) fieldStart = true;
    else {
      if (fieldStart && c === QUOTE) inQuotes = true;
      fieldStart = false;
    }
  }
  return inQuotes;
}
