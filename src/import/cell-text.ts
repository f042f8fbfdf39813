/*
 * Cleaning a cell's text before any reader sees it, with every change counted for the report:
 *  - C1 control characters (U+0080–U+009F) are Windows-1252 punctuation stored as code points
 *    by a bad conversion (U+0092 for ’, U+009C for œ, U+0085 for …): read as that character;
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

/** What cleaning changed in one cell. */
export interface CellChanges {
  c1: number;
  control: number;
  invisible: number;
}

/** A cell's text, cleaned and trimmed; `changes` counts what was replaced or removed. */
export function cleanCell(text: string, changes: CellChanges): string {
  if (!ANY.test(text)) return text.trim();
  return text
    .replace(C1_RANGE, (c) => {
      changes.c1++;
      return C1[c.charCodeAt(0) - 0x80] ?? ' ';
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
