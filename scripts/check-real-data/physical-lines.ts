/*
 * The physical lines of a text file, counted here from its bytes, independently of the
 * importer's line decoder: the line feeds (16-bit units in UTF-16), plus one when the file does
 * not end with a line end; a file without any line feed has carriage-return line ends (old Mac
 * exports) and its carriage returns are counted instead. Gzip files are counted decompressed;
 * spreadsheets are not text and are left to SheetJS.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

import { sniff } from '../../src/import/sniff.ts';

const LF = 0x0a;
const CR = 0x0d;

/** What the recount found: a number of lines, or a file that has no lines to count. */
export type PhysicalCount =
  | { readonly kind: 'text'; readonly lines: number }
  | { readonly kind: 'spreadsheet'; readonly format: string }
  | { readonly kind: 'other'; readonly what: string };

type Encoding = 'bytes' | 'utf-16le' | 'utf-16be';

function occurrences(chunk: Uint8Array, byte: number): number {
  let count = 0;
  for (let at = chunk.indexOf(byte); at !== -1; at = chunk.indexOf(byte, at + 1)) count++;
  return count;
}

/** Counts line feeds and carriage returns chunk by chunk, in bytes or UTF-16 code units. */
class LineEndCounter {
  readonly #encoding: Encoding;
  #lf = 0;
  #cr = 0;
  #units = 0;
  #last = -1;
  #carry: number | null = null;

  constructor(encoding: Encoding) {
    this.#encoding = encoding;
  }

  push(chunk: Uint8Array): void {
    if (this.#encoding === 'bytes') this.#bytes(chunk);
    else
      for (const byte of chunk) {
        if (this.#carry === null) this.#carry = byte;
        else {
          this.#unit(this.#encoding === 'utf-16le' ? this.#carry | (byte << 8) : (this.#carry << 8) | byte);
          this.#carry = null;
        }
      }
  }

  #bytes(chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return;
    this.#lf += occurrences(chunk, LF);
    this.#cr += occurrences(chunk, CR);
    this.#units += chunk.byteLength;
    this.#last = chunk[chunk.byteLength - 1] ?? -1;
  }

  #unit(unit: number): void {
    if (unit === LF) this.#lf++;
    else if (unit === CR) this.#cr++;
    this.#units++;
    this.#last = unit;
  }

  /** Physical lines: line ends, plus a last line without one. */
  lines(): number {
    if (this.#units === 0) return 0;
    if (this.#lf > 0) return this.#lf + (this.#last === LF ? 0 : 1);
    return this.#cr + (this.#last === CR ? 0 : 1);
  }
}

async function* bytesOf(path: string, gzip: boolean): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  for await (const chunk of gzip ? stream.pipe(createGunzip()) : stream) yield chunk as Buffer;
}

/** The first chunk of a file (decompressed if `gzip`), enough to tell its format and encoding. */
async function headOf(path: string, gzip: boolean): Promise<Uint8Array> {
  for await (const chunk of bytesOf(path, gzip)) return chunk;
  return new Uint8Array();
}

/** Counts a file's physical lines from its bytes (see the module comment). */
export async function countPhysicalLines(path: string): Promise<PhysicalCount> {
  let sniffed = sniff(await headOf(path, false));
  const gzip = sniffed.type === 'gzip';
  if (gzip) sniffed = sniff(await headOf(path, true));
  if (sniffed.type === 'spreadsheet') return { kind: 'spreadsheet', format: sniffed.format };
  if (sniffed.type !== 'text')
    return { kind: 'other', what: sniffed.type === 'other' ? sniffed.what : 'gzip' };
  const counter = new LineEndCounter(
    sniffed.encoding === 'utf-8 ou windows-1252' ? 'bytes' : sniffed.encoding,
  );
  for await (const chunk of bytesOf(path, gzip)) counter.push(chunk);
  return { kind: 'text', lines: counter.lines() };
}
