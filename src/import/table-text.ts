/*
 * A CSV file located on its header, read as a stream: bytes (gzip-compressed or not, hashed on
 * the way) → physical lines (any encoding, any line end) → records. The separator is chosen on
 * the first lines; the header is the row that best matches the format among the first ones
 * (title rows may sit above it, see header-search.ts); data records are then assembled knowing
 * the header's width. A damaged gzip stream stops the import with the file's name, also when
 * the damage is only found while the rows stream.
 */
import { contentWidth, detectDelimiter, RecordAssembler, type CsvRecord } from './csv-records.ts';
import { findHeader } from './header-search.ts';
import { LineDecoder, type DecodeStats, type PhysicalLine } from './lines.ts';
import { ImportError, issue, type FileReportBuilder } from './report.ts';
import { createSha256, type Hasher, type ImportSource } from './source.ts';
import type { LocatedTable, TableOptions } from './table-locate.ts';

/** Lines read before deciding on the separator. */
const DELIMITER_LINES = 60;

/** Bytes of a source, hashed on the way, with progress. */
async function* hashedChunks(source: ImportSource, hasher: Hasher, onProgress?: (f: number) => void) {
  let read = 0;
  for await (const chunk of source.chunks()) {
    hasher.update(chunk);
    read += chunk.byteLength;
    onProgress?.(source.size > 0 ? read / source.size : 1);
    yield chunk;
  }
}

/** Why zlib stopped: its code (`Z_BUF_ERROR` for a truncated stream, `Z_DATA_ERROR`), else its message. */
function zlibReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code !== '') return code;
  return error instanceof Error && error.message !== '' ? error.message : String(error);
}

/**
 * Decompressed bytes of a gzip stream (DecompressionStream: the same in Node and browsers). A
 * damaged or truncated stream throws an `ImportError` naming `file` (Node's own error has an
 * empty message); an error reading the compressed bytes goes through unchanged.
 */
export async function* gunzip(
  chunks: AsyncIterable<Uint8Array>,
  file = 'fichier compressé gzip',
): AsyncGenerator<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  let sourceError: { readonly error: unknown } | null = null;
  const input = new ReadableStream<Uint8Array<ArrayBuffer>>({
    async pull(controller) {
      const next = await iterator.next().catch((error: unknown) => {
        sourceError = { error };
        throw error;
      });
      if (next.done) controller.close();
      else controller.enqueue(next.value as Uint8Array<ArrayBuffer>);
    },
  });
  const reader = input.pipeThrough(new DecompressionStream('gzip')).getReader();
  for (;;) {
    let read: ReadableStreamReadResult<Uint8Array>;
    try {
      read = await reader.read();
    } catch (error) {
      if (sourceError !== null) throw (sourceError as { readonly error: unknown }).error;
      throw new ImportError(file, `fichier gzip endommagé ou tronqué (${zlibReason(error)})`);
    }
    if (read.done) return;
    yield read.value;
  }
}

/** Physical lines of a source, pulled chunk by chunk. */
class LineStream {
  readonly decoder: LineDecoder;
  readonly #chunks: AsyncIterator<Uint8Array>;
  #ended = false;

  constructor(name: string, chunks: AsyncIterable<Uint8Array>, encoding: 'bytes' | 'utf-16le' | 'utf-16be') {
    this.decoder = new LineDecoder(name, encoding);
    this.#chunks = chunks[Symbol.asyncIterator]();
  }

  /** The next lines (possibly none), or null once the file is over. */
  async next(): Promise<PhysicalLine[] | null> {
    if (this.#ended) return null;
    const next = await this.#chunks.next();
    if (!next.done) return this.decoder.push(next.value);
    this.#ended = true;
    return this.decoder.end();
  }
}

/** The report's warnings on how lines were decoded: Windows-1252 lines, UTF-8 lines with bad bytes. */
function encodingWarnings(report: FileReportBuilder, stats: DecodeStats): void {
  const lines = (examples: readonly number[]) => examples.slice(0, 5).join(', ');
  if (stats.windows1252Lines > 0)
    report.warn(
      issue(
        stats.windows1252Examples[0] ?? null,
        null,
        'encoding-warn',
        `${stats.windows1252Lines} ligne(s) lue(s) en Windows-1252 (octets non UTF-8), ex. ligne(s) ${lines(stats.windows1252Examples)}`,
      ),
    );
  if (stats.invalidUtf8Lines > 0)
    report.warn(
      issue(
        stats.invalidUtf8Examples[0] ?? null,
        null,
        'encoding-warn',
        `${stats.invalidUtf8Lines} ligne(s) UTF-8 avec octet(s) invalide(s), remplacé(s) par « � », ex. ligne(s) ${lines(stats.invalidUtf8Examples)}`,
      ),
    );
}

/** The first lines, enough to choose the separator. */
async function firstLines(lines: LineStream): Promise<PhysicalLine[]> {
  const buffered: PhysicalLine[] = [];
  for (let next = await lines.next(); next !== null; next = await lines.next()) {
    for (const line of next) buffered.push(line);
    if (buffered.length >= DELIMITER_LINES) break;
  }
  return buffered;
}

/** Data records, in batches: from the lines read past the header, then the rest of the file. */
async function* dataRecords(
  lines: LineStream,
  rest: readonly PhysicalLine[],
  assembler: RecordAssembler,
): AsyncGenerator<readonly CsvRecord[]> {
  let queue: readonly PhysicalLine[] | null = rest;
  while (queue !== null) {
    const out: CsvRecord[] = [];
    for (const line of queue) for (const record of assembler.push(line)) out.push(record);
    if (out.length > 0) yield out;
    queue = await lines.next();
  }
  const last = assembler.end();
  if (last.length > 0) yield last;
}

/** Opens a CSV source on its header (see the module comment). */
export async function locateText(
  source: ImportSource,
  report: FileReportBuilder,
  options: TableOptions,
  encoding: 'bytes' | 'utf-16le' | 'utf-16be',
  gzip: boolean,
): Promise<LocatedTable> {
  const hasher = options.hasher ?? createSha256();
  const bytes = hashedChunks(source, hasher, options.onProgress);
  const lines = new LineStream(source.name, gzip ? gunzip(bytes, source.name) : bytes, encoding);
  const buffered = await firstLines(lines);
  const delimiter = detectDelimiter(buffered.slice(0, DELIMITER_LINES).map((l) => l.text));
  const found = await findHeader(lines, buffered, delimiter, options);
  if (!found) return { empty: true };
  // Empty cells after the last title (a header ending with a separator) are not columns.
  const assembler = new RecordAssembler(delimiter, contentWidth(found.header.cells));
  return {
    empty: false,
    format: `CSV « ${delimiter === '\t' ? 'tabulation' : delimiter} »${gzip ? ', compressé gzip' : ''}`,
    delimiter,
    unit: 'lignes',
    header: found.header,
    titles: found.titles,
    data: dataRecords(lines, found.rest, assembler),
    counts: () => ({
      physical: lines.decoder.stats().lines,
      blank: assembler.counts.blankLines,
      records: assembler.counts.records,
      recordLines: assembler.counts.recordLines,
      lineEnds: lines.decoder.stats().lineEnds,
    }),
    finishSource: () => {
      const stats = lines.decoder.stats();
      report.update({ encoding: stats.encoding + (stats.bom ? ' avec BOM' : ''), sha256: hasher.hex() });
      encodingWarnings(report, stats);
    },
  };
}
