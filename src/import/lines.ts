/*
 * Bytes to physical lines, chunk by chunk, whatever the encoding French open data comes in:
 * UTF-8 with or without BOM, Windows-1252 (older exports), both mixed in one file (a file
 * edited with two tools: decided line by line), or UTF-16 (« Texte Unicode » exports). Line
 * ends are LF, CRLF or CR (old Mac exports); a file's kind is decided on its first chunk: if it
 * holds any LF, a lone CR is not a line end. Every line is numbered: the report's line numbers
 * and its count of physical lines come from here, independently of the CSV reader.
 */
import { ImportError } from './report.ts';

export type LineEnd = 'LF' | 'CRLF' | 'CR' | '';

/** One physical line: its text without the line end, the end itself, and its 1-based number. */
export interface PhysicalLine {
  readonly text: string;
  readonly end: LineEnd;
  readonly number: number;
}

/** What decoding found, for the report. */
export interface DecodeStats {
  readonly encoding: string;
  readonly bom: boolean;
  readonly lines: number;
  readonly lineEnds: Readonly<Record<Exclude<LineEnd, ''>, number>>;
  /** Lines read as Windows-1252 (invalid as UTF-8), and the first of them. */
  readonly windows1252Lines: number;
  readonly windows1252Examples: readonly number[];
}

/** A physical line longer than this is not text a person wrote: the file is not a CSV. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;
const EXAMPLES = 20;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) > 0x7f) return false;
  return true;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.byteLength === 0) return b;
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a);
  out.set(b, a.byteLength);
  return out;
}

/**
 * Whether the file's lines end with CR alone: decided on the first LF (no), or on a CR followed
 * by something else than LF (yes); a CR at the very end of what is known yet may be a CRLF cut
 * in two, so nothing is decided then.
 */
function lineEndKind(hasLf: boolean, firstCr: number, length: number): boolean | null {
  if (hasLf) return false;
  return firstCr !== -1 && firstCr < length - 1 ? true : null;
}

/** Decodes a stream of bytes into physical lines; feed it with `push`, then call `end`. */
export class LineDecoder {
  readonly #file: string;
  readonly #utf16: TextDecoder | null;
  #carry: Uint8Array = new Uint8Array(0);
  #text = '';
  #crOnly: boolean | null = null;
  #started = false;
  #bom = false;
  #number = 0;
  #legacy = 0;
  #utf8NonAscii = 0;
  readonly #legacyExamples: number[] = [];
  readonly #ends = { LF: 0, CRLF: 0, CR: 0 };

  constructor(file: string, encoding: 'bytes' | 'utf-16le' | 'utf-16be' = 'bytes') {
    this.#file = file;
    this.#utf16 = encoding === 'bytes' ? null : new TextDecoder(encoding);
  }

  /** The complete lines the chunk ends (the last, partial line waits for the next chunk). */
  push(chunk: Uint8Array): PhysicalLine[] {
    if (this.#utf16) return this.#pushText(this.#utf16.decode(chunk, { stream: true }), false);
    let bytes = concat(this.#carry, chunk);
    if (!this.#started) {
      this.#started = true;
      this.#bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      if (this.#bom) bytes = bytes.subarray(3);
    }
    this.#crOnly ??= lineEndKind(bytes.includes(0x0a), bytes.indexOf(0x0d), bytes.length);
    const terminator = this.#crOnly ? 0x0d : 0x0a;
    const cut = this.#crOnly === null ? 0 : bytes.lastIndexOf(terminator) + 1;
    this.#carry = bytes.slice(cut);
    if (this.#carry.byteLength > MAX_LINE_BYTES) this.#tooLong();
    return cut === 0 ? [] : this.#decodeRegion(bytes.subarray(0, cut));
  }

  /** The last line (when the file does not end with a line end). */
  end(): PhysicalLine[] {
    if (this.#utf16) return this.#pushText(this.#utf16.decode(), true);
    const rest = this.#carry;
    this.#carry = new Uint8Array(0);
    if (rest.byteLength === 0) return [];
    this.#crOnly ??= lineEndKind(rest.includes(0x0a), rest.indexOf(0x0d), Infinity);
    return this.#decodeRegion(rest, true);
  }

  stats(): DecodeStats {
    const encoding = this.#utf16
      ? this.#utf16.encoding
      : this.#legacy === 0
        ? 'utf-8'
        : this.#utf8NonAscii > 0
          ? 'mixte (utf-8 et windows-1252)'
          : 'windows-1252';
    return {
      encoding,
      bom: this.#bom,
      lines: this.#number,
      lineEnds: { ...this.#ends },
      windows1252Lines: this.#legacy,
      windows1252Examples: [...this.#legacyExamples],
    };
  }

  #tooLong(): never {
    throw new ImportError(
      this.#file,
      `ligne de plus de ${MAX_LINE_BYTES / 1024 / 1024} Mo sans fin de ligne : ce n’est pas un fichier CSV, ou il est endommagé`,
      this.#number + 1,
    );
  }

  /** Bytes that end with a line end (or the file's end): whole region as UTF-8 when it is, else line by line. */
  #decodeRegion(region: Uint8Array, last = false): PhysicalLine[] {
    try {
      const text = utf8.decode(region);
      if (!isAscii(region)) this.#utf8NonAscii++;
      return this.#split(text, last);
    } catch {
      return this.#decodeLines(region, last);
    }
  }

  #decodeLines(region: Uint8Array, last: boolean): PhysicalLine[] {
    const terminator = this.#crOnly ? 0x0d : 0x0a;
    const texts: string[] = [];
    let start = 0;
    while (start < region.byteLength) {
      let stop = region.indexOf(terminator, start);
      stop = stop === -1 ? region.byteLength : stop + 1;
      const bytes = region.subarray(start, stop);
      let text: string;
      try {
        text = utf8.decode(bytes);
        if (!isAscii(bytes)) this.#utf8NonAscii++;
      } catch {
        text = windows1252.decode(bytes);
        const number = this.#number + texts.length + 1;
        this.#legacy++;
        if (this.#legacyExamples.length < EXAMPLES) this.#legacyExamples.push(number);
      }
      texts.push(text);
      start = stop;
    }
    return this.#split(texts.join(''), last);
  }

  /** Text to lines; `last` when no more text follows (the final line may lack a line end). */
  #split(text: string, last: boolean): PhysicalLine[] {
    const lines: PhysicalLine[] = [];
    const terminator = this.#crOnly ? '\r' : '\n';
    let start = 0;
    while (start < text.length) {
      const at = text.indexOf(terminator, start);
      if (at === -1) {
        if (!last) break;
        lines.push({ text: text.slice(start), end: '', number: ++this.#number });
        start = text.length;
        break;
      }
      const crlf = !this.#crOnly && at > start && text.charCodeAt(at - 1) === 13;
      const end: LineEnd = this.#crOnly ? 'CR' : crlf ? 'CRLF' : 'LF';
      this.#ends[end]++;
      lines.push({ text: text.slice(start, crlf ? at - 1 : at), end, number: ++this.#number });
      start = at + 1;
    }
    if (start < text.length) this.#text = text.slice(start);
    return lines;
  }

  /** UTF-16: decoded text accumulates until it holds line ends. */
  #pushText(decoded: string, last: boolean): PhysicalLine[] {
    const text = this.#text + decoded;
    this.#text = '';
    this.#crOnly ??= lineEndKind(text.includes('\n'), text.indexOf('\r'), last ? Infinity : text.length);
    if (this.#crOnly === null && !last) {
      this.#text = text;
      if (text.length > MAX_LINE_BYTES / 2) this.#tooLong();
      return [];
    }
    const lines = this.#split(text, last);
    if (this.#text.length > MAX_LINE_BYTES / 2) this.#tooLong();
    return lines;
  }
}
