/**
 * Bytes of a text file to a string, whatever the encoding French open data comes in: UTF-8 with
 * or without BOM, Windows-1252 (older exports), or both mixed in one file (a file edited with
 * two tools). Each line is decoded as UTF-8 when it is valid UTF-8, else as Windows-1252, and the
 * lines read as Windows-1252 are listed so the report can say so.
 */
export interface DecodedText {
  readonly text: string;
  readonly encoding: 'utf-8' | 'windows-1252' | 'mixte (utf-8 et windows-1252)';
  readonly bom: boolean;
  /** 1-based physical lines decoded as Windows-1252. */
  readonly windows1252Lines: readonly number[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte > 0x7f) return false;
  return true;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) return { text: utf8.decode(body), encoding: 'utf-8', bom, windows1252Lines: [] };
  const parts: string[] = [];
  const legacy: number[] = [];
  let utf8Lines = 0;
  let start = 0;
  let line = 1;
  while (start < body.length) {
    let end = body.indexOf(0x0a, start);
    end = end === -1 ? body.length : end + 1;
    const chunk = body.subarray(start, end);
    if (isAscii(chunk)) parts.push(utf8.decode(chunk));
    else if (isUtf8(chunk)) {
      parts.push(utf8.decode(chunk));
      utf8Lines++;
    } else {
      parts.push(windows1252.decode(chunk));
      legacy.push(line);
    }
    start = end;
    line++;
  }
  return {
    text: parts.join(''),
    encoding: utf8Lines > 0 ? 'mixte (utf-8 et windows-1252)' : 'windows-1252',
    bom,
    windows1252Lines: legacy,
  };
}
