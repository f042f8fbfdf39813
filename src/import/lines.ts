/*
 * Bytes to physical lines, chunk by chunk, whatever the encoding French open data comes in:
 * UTF-8 with or without BOM, Windows-1252 (older exports), both mixed in one file (a file
 * edited with two tools: decided line by line, see `decodeLine` in text.ts), or UTF-16
 * (« Texte Unicode » exports, BOM reported). Line ends are universal, as Python reads them: CRLF,
 * LF and a lone CR (old Mac exports) each end a line wherever they occur, and are counted by
 * kind (a file that mixes them says so); a CR that ends a chunk waits for the next one to tell
 * whether an LF follows. Every line is numbered: the report's line numbers and its count of
 * physical lines come from here, independently of the CSV reader.
 */
import { ImportError } from './report.ts';
import { decodeLine } from './text.ts';

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
  /** Lines read as UTF-8 with invalid bytes replaced by U+FFFD, and the first of them. */
  readonly invalidUtf8Lines: number;
  readonly invalidUtf8Examples: readonly number[];
}

/** A physical line longer than this is not text a person wrote: the file is not a CSV. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;
const EXAMPLES = 20;
const LF = 0x0a;
const CR = 0x0d;
const BOM = [0xef, 0xbb, 0xbf] as const;
const LINE_END = /\r\n?|\n/g;
const END_KIND = { '\n': 'LF', '\r\n': 'CRLF', '\r': 'CR' } as const;

/** Non-fatal: a region without U+FFFD is valid UTF-8 (no exception thrown per chunk or line). */
const utf8 = new TextDecoder('utf-8');

/** Lines of one kind: how many, and the first of them. */
class LineList {
  count = 0;
  readonly first: number[] = [];

  add(number: number): void {
    this.count++;
    if (this.first.length < EXAMPLES) this.first.push(number);
  }
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/**
 * The offset just after the last line end of `bytes` known for sure (0 when none): a CR as the
 * very last byte may be the first half of a CRLF cut by the chunk, so it waits.
 */
function lastLineEnd(bytes: Uint8Array): number {
  const to = bytes[bytes.length - 1] === CR ? bytes.length - 2 : bytes.length - 1;
  if (to < 0) return 0;
  const lf = bytes.lastIndexOf(LF, to);
  const cr = bytes.subarray(lf + 1, to + 1).lastIndexOf(CR);
  return cr === -1 ? lf + 1 : lf + 1 + cr + 1;
}

/** Decodes a stream of bytes into physical lines; feed it with `push`, then call `end`. */
export class LineDecoder {
  readonly #file: string;
  readonly #utf16: TextDecoder | null;
  /** Bytes of the line under way (no line end in them, but perhaps a final CR). */
  #carry: Uint8Array[] = [];
  #carryLength = 0;
  #text = '';
  #started = false;
  #bom = false;
  #number = 0;
  #utf8NonAscii = 0;
  readonly #legacy = new LineList();
  readonly #invalid = new LineList();
  readonly #ends = { LF: 0, CRLF: 0, CR: 0 };

  constructor(file: string, encoding: 'bytes' | 'utf-16le' | 'utf-16be' = 'bytes') {
    this.#file = file;
    this.#utf16 = encoding === 'bytes' ? null : new TextDecoder(encoding, { ignoreBOM: true });
  }

  /** The complete lines the chunk ends (the last, partial line waits for the next chunk). */
  push(chunk: Uint8Array): PhysicalLine[] {
    if (this.#utf16) return this.#pushText(this.#utf16.decode(chunk, { stream: true }), false);
    const bytes = this.#started ? chunk : this.#start(chunk);
    if (bytes === null || bytes.byteLength === 0) return [];
    const held = this.#carryLength > 0 && this.#carry[this.#carry.length - 1]?.at(-1) === CR;
    const cut = lastLineEnd(bytes);
    if (cut === 0 && !held) {
      this.#keep(bytes.slice());
      return [];
    }
    this.#carry.push(bytes.subarray(0, cut));
    const region = concat(this.#carry, this.#carryLength + cut);
    this.#carry = [];
    this.#carryLength = 0;
    this.#keep(bytes.slice(cut));
    return this.#decodeRegion(region);
  }

  /** The last line (when the file does not end with a line end). */
  end(): PhysicalLine[] {
    if (this.#utf16) return this.#pushText(this.#utf16.decode(), true);
    this.#started = true;
    const rest = concat(this.#carry, this.#carryLength);
    this.#carry = [];
    this.#carryLength = 0;
    return rest.byteLength === 0 ? [] : this.#decodeRegion(rest);
  }

  /** What decoding found so far (complete once `end` is called). */
  stats(): DecodeStats {
    const legacy = this.#legacy.count;
    const encoding = this.#utf16
      ? this.#utf16.encoding
      : legacy === 0
        ? 'utf-8'
        : this.#utf8NonAscii > 0
          ? 'mixte (utf-8 et windows-1252)'
          : 'windows-1252';
    return {
      encoding,
      bom: this.#bom,
      lines: this.#number,
      lineEnds: { ...this.#ends },
      windows1252Lines: legacy,
      windows1252Examples: [...this.#legacy.first],
      invalidUtf8Lines: this.#invalid.count,
      invalidUtf8Examples: [...this.#invalid.first],
    };
  }

  /** The first bytes: a UTF-8 BOM is taken off (the bytes wait while they may be one, cut short). */
  #start(chunk: Uint8Array): Uint8Array | null {
    this.#carry.push(chunk.slice());
    this.#carryLength += chunk.byteLength;
    const head = concat(this.#carry, this.#carryLength);
    if (head.byteLength < BOM.length && head.every((b, i) => b === BOM[i])) return null;
    this.#carry = [];
    this.#carryLength = 0;
    this.#started = true;
    this.#bom = BOM.every((b, i) => head[i] === b);
    return this.#bom ? head.subarray(BOM.length) : head;
  }

  #keep(bytes: Uint8Array): void {
    if (bytes.byteLength === 0) return;
    this.#carry.push(bytes);
    this.#carryLength += bytes.byteLength;
    if (this.#carryLength > MAX_LINE_BYTES) this.#tooLong();
  }

  #tooLong(): never {
    throw new ImportError(
      this.#file,
      `ligne de plus de ${MAX_LINE_BYTES / 1024 / 1024} Mo sans fin de ligne : ce n’est pas un fichier CSV, ou il est endommagé`,
      this.#number + 1,
    );
  }

  /** Bytes that end with a sure line end (or the file's end): whole as UTF-8 when valid, else line by line. */
  #decodeRegion(region: Uint8Array): PhysicalLine[] {
    const text = utf8.decode(region);
    if (!text.includes('\ufffd')) {
      // Multi-byte sequences make the text shorter than its bytes.
      if (text.length !== region.byteLength) this.#utf8NonAscii++;
      return this.#split(text, true);
    }
    return this.#decodeLines(region);
  }

  /** A region holding bytes that are not UTF-8: each line decided on its own (`decodeLine`). */
  #decodeLines(region: Uint8Array): PhysicalLine[] {
    const lines: PhysicalLine[] = [];
    let start = 0;
    while (start < region.byteLength) {
      let stop = start;
      while (stop < region.byteLength && region[stop] !== LF && region[stop] !== CR) stop++;
      const { text, encoding } = decodeLine(region.subarray(start, stop));
      const number = this.#number + 1;
      if (encoding === 'windows-1252') this.#legacy.add(number);
      else if (encoding !== 'ascii') this.#utf8NonAscii++;
      if (encoding === 'utf-8-invalid') this.#invalid.add(number);
      const crlf = region[stop] === CR && region[stop + 1] === LF;
      const end = stop === region.byteLength ? '' : crlf ? 'CRLF' : region[stop] === CR ? 'CR' : 'LF';
      this.#line(lines, text, end);
      start = stop + (crlf ? 2 : 1);
    }
    return lines;
  }

  #line(lines: PhysicalLine[], text: string, end: LineEnd): void {
    if (end !== '') this.#ends[end]++;
    lines.push({ text, end, number: ++this.#number });
  }

  /**
   * Text to lines at every CRLF, LF or lone CR. `complete` when nothing can follow the text that
   * would belong to its last line: the text after the last line end is then a line too, and a
   * final CR is a line end (else both wait in `#text`).
   */
  #split(text: string, complete: boolean): PhysicalLine[] {
    const lines: PhysicalLine[] = [];
    let start = 0;
    LINE_END.lastIndex = 0;
    for (let match = LINE_END.exec(text); match !== null; match = LINE_END.exec(text)) {
      const end = match[0] as keyof typeof END_KIND;
      if (!complete && end === '\r' && match.index === text.length - 1) break;
      this.#line(lines, text.slice(start, match.index), END_KIND[end]);
      start = match.index + end.length;
    }
    if (start < text.length) {
      if (complete) this.#line(lines, text.slice(start), '');
      else this.#text = text.slice(start);
    }
    return lines;
  }

  /** UTF-16: decoded text accumulates until it holds line ends. */
  #pushText(decoded: string, last: boolean): PhysicalLine[] {
    let text = this.#text + decoded;
    this.#text = '';
    if (!this.#started && text.length > 0) {
      this.#started = true;
      this.#bom = text.charCodeAt(0) === 0xfeff;
      if (this.#bom) text = text.slice(1);
    }
    const lines = this.#split(text, last);
    if (this.#text.length > MAX_LINE_BYTES / 2) this.#tooLong();
    return lines;
  }
}
