/**
 * Bytes of a text file to a string, whatever the encoding French open data comes in: UTF-8 with
 * or without BOM, Windows-1252 (older exports), or both mixed in one file (a file edited with
 * two tools). Each line is decided on its own (`decodeLine`, shared with the streaming reader
 * `lines.ts`): UTF-8 when it is; UTF-8 with « � » for the bad bytes when it holds well-formed
 * multi-byte sequences and more of them than bad ones (a sequence cut by a bad copy does not
 * turn a whole UTF-8 line into mojibake); else Windows-1252. The lines not read as clean UTF-8
 * are listed so the report can say so.
 */
export interface DecodedText {
  readonly text: string;
  readonly encoding: 'utf-8' | 'windows-1252' | 'mixte (utf-8 et windows-1252)';
  readonly bom: boolean;
  /** 1-based physical lines decoded as Windows-1252. */
  readonly windows1252Lines: readonly number[];
  /** 1-based physical lines read as UTF-8 with invalid bytes replaced by U+FFFD. */
  readonly invalidUtf8Lines: readonly number[];
}

/** How one line was read: plain ASCII, UTF-8, UTF-8 with bad bytes replaced, or Windows-1252. */
export type LineEncoding = 'ascii' | 'utf-8' | 'utf-8-invalid' | 'windows-1252';

const utf8 = new TextDecoder('utf-8');
const windows1252 = new TextDecoder('windows-1252');

/**
 * The UTF-8 sequence starting at `i` (a byte ≥ 0x80): its length when well-formed, else minus
 * the length of its ill-formed part (the lead and the valid continuation bytes that follow it,
 * which a decoder replaces by one U+FFFD).
 */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] as number;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    else if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    else if (lead === 0xf4) high = 0x8f;
  } else return -1;
  for (let k = 1; k < length; k++) {
    const byte = bytes[i + k];
    const min = k === 1 ? low : 0x80;
    const max = k === 1 ? high : 0xbf;
    if (byte === undefined || byte < min || byte > max) return -k;
  }
  return length;
}

/** Well-formed multi-byte UTF-8 sequences in `bytes`, and ill-formed ones (each a U+FFFD once decoded). */
export function utf8Shape(bytes: Uint8Array): { readonly multi: number; readonly bad: number } {
  let multi = 0;
  let bad = 0;
  for (let i = 0; i < bytes.length;) {
    if ((bytes[i] as number) < 0x80) {
      i++;
      continue;
    }
    const length = sequenceAt(bytes, i);
    if (length > 0) multi++;
    else bad++;
    i += Math.abs(length);
  }
  return { multi, bad };
}

/** One line's bytes (without its line end) decoded as the module comment says. */
export function decodeLine(bytes: Uint8Array): { readonly text: string; readonly encoding: LineEncoding } {
  const { multi, bad } = utf8Shape(bytes);
  if (bad === 0) return { text: utf8.decode(bytes), encoding: multi === 0 ? 'ascii' : 'utf-8' };
  if (multi > bad) return { text: utf8.decode(bytes), encoding: 'utf-8-invalid' };
  return { text: windows1252.decode(bytes), encoding: 'windows-1252' };
}

/** A whole file's bytes to text (see the module comment); lines end with LF here. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const whole = utf8.decode(body);
  if (!whole.includes('\ufffd') || utf8Shape(body).bad === 0)
    return { text: whole, encoding: 'utf-8', bom, windows1252Lines: [], invalidUtf8Lines: [] };
  const parts: string[] = [];
  const legacy: number[] = [];
  const invalid: number[] = [];
  let utf8Lines = 0;
  let start = 0;
  for (let line = 1; start < body.length; line++) {
    let end = body.indexOf(0x0a, start);
    end = end === -1 ? body.length : end + 1;
    const { text, encoding } = decodeLine(body.subarray(start, end));
    parts.push(text);
    if (encoding === 'windows-1252') legacy.push(line);
    else if (encoding !== 'ascii') utf8Lines++;
    if (encoding === 'utf-8-invalid') invalid.push(line);
    start = end;
  }
  const encoding =
    legacy.length === 0 ? 'utf-8' : utf8Lines > 0 ? 'mixte (utf-8 et windows-1252)' : 'windows-1252';
  return { text: parts.join(''), encoding, bom, windows1252Lines: legacy, invalidUtf8Lines: invalid };
}
