/*
 * Cleaning a cell's text before any reader sees it, with every change counted for the report:
 *  - C1 control characters (U+0080–U+009F) are Windows-1252 punctuation stored as code points
 *    by a bad conversion (U+0092 for ’, U+009C for œ, U+0085 for …): read as that character;
 *    the five with no Windows-1252 character (U+0081, U+008D, U+008F, U+0090, U+009D) become a
 *    space and are counted with the control characters;
 *  - other control characters become a space (a line break inside a cell stays);
 *  - invisible characters — a byte-order mark in mid-file, zero-width spaces, bidirectional
 *    marks — are removed: glued to an identifier they make it another identifier;
 *  - spaces around the text are trimmed.
 */

const windows1252 = new TextDecoder('windows-1252');

/** U+0080–U+009F → the Windows-1252 character of that byte, or a space where it has none. */
const C1: readonly string[] = Array.from({ length: 32 }, (_, i) => {
  const char = windows1252.decode(new Uint8Array([0x80 + i]));
  return char.charCodeAt(0) === 0x80 + i ? ' ' : char;
});

/* eslint-disable no-control-regex -- matching control characters is the point */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const C1_RANGE = /[\u0080-\u009f]/g;
const INVISIBLE = /[\ufeff\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069]/g;
/** Any of the above: a quick test before the replacements. */
const ANY = new RegExp(`${CONTROL.source}|${C1_RANGE.source}|${INVISIBLE.source}`);
/* eslint-enable no-control-regex */

/** What cleaning changed in one cell (or counts over many). */
export interface CellChanges {
  /** C1 characters read as the Windows-1252 character they stand for. */
  c1: number;
  /** Control characters replaced by a space (C1 ones without a Windows-1252 character included). */
  control: number;
  invisible: number;
}

/** A cell's text, cleaned and trimmed; `changes` counts what was replaced or removed. */
export function cleanCell(text: string, changes: CellChanges): string {
  if (!ANY.test(text)) return text.trim();
  return text
    .replace(C1_RANGE, (c) => {
      const char = C1[c.charCodeAt(0) - 0x80] ?? ' ';
      if (char === ' ') changes.control++;
      else changes.c1++;
      return char;
    })
    .replace(CONTROL, () => {
      changes.control++;
      return ' ';
    })
    .replace(INVISIBLE, () => {
      changes.invisible++;
      return '';
    })
    .trim();
}
