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
}

const QUOTE = 34;

/**
 * Splits a record's text into cells. With `openQuoteIsText`, a quoted field still open at the
 * end is read again as unquoted text from its opening quote (an unclosed quote is a character).
 */
export function splitCells(text: string, delimiter: string, openQuoteIsText = false): SplitCells {
  const cells: string[] = [];
  const sep = delimiter.charCodeAt(0);
  let strayQuotes = 0;
  let at = 0;
  for (;;) {
    if (text.charCodeAt(at) !== QUOTE) {
      const stop = text.indexOf(delimiter, at);
      if (stop === -1) {
        cells.push(text.slice(at));
        return { cells, open: false, strayQuotes };
      }
      cells.push(text.slice(at, stop));
      at = stop + 1;
      continue;
    }
    // A quoted field: up to a quote followed by the separator or the end.
    const fieldStart = at;
    let value = '';
    let from = at + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote === -1) {
        if (openQuoteIsText) return unquotedTail(cells, text.slice(fieldStart), delimiter, strayQuotes);
        cells.push(value + text.slice(from));
        return { cells, open: true, strayQuotes };
      }
      value += text.slice(from, quote);
      const next = text.charCodeAt(quote + 1);
      if (next === QUOTE) {
        value += '"';
        from = quote + 2;
      } else if (next === sep || quote + 1 === text.length) {
        cells.push(value);
        if (quote + 1 === text.length) return { cells, open: false, strayQuotes };
        at = quote + 2;
        break;
      } else {
        // `"abc"def`: the quoted part ends, the rest of the field is plain text.
        strayQuotes++;
        const stop = text.indexOf(delimiter, quote + 1);
        value += text.slice(quote + 1, stop === -1 ? text.length : stop);
        cells.push(value);
        if (stop === -1) return { cells, open: false, strayQuotes };
        at = stop + 1;
        break;
      }
    }
  }
}

/** The rest of a record read as plain text: separators split it, quotes are characters. */
function unquotedTail(cells: string[], tail: string, delimiter: string, strayQuotes: number): SplitCells {
  return { cells: [...cells, ...tail.split(delimiter)], open: false, strayQuotes };
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
