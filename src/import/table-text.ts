/*
 * A CSV file located on its header, read as a stream: bytes (gzip-compressed or not, hashed on
 * the way) → physical lines (any encoding, any line end) → records. The separator is chosen on
 * the first lines; the header is the record that best matches the format among the first ones
 * (title rows may sit above it); data records are then assembled knowing the header's width.
 */
import { detectDelimiter, RecordAssembler, type CsvRecord } from './csv-records.ts';
import { LineDecoder, type PhysicalLine } from './lines.ts';
import { issue, type FileReportBuilder } from './report.ts';
import { createSha256, type Hasher, type ImportSource } from './source.ts';
import { pickHeader, type LocatedTable, type TableOptions } from './table-locate.ts';

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

/** Decompressed bytes of a gzip stream (DecompressionStream: the same in Node and browsers). */
export async function* gunzip(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const input = new ReadableStream<Uint8Array<ArrayBuffer>>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value as Uint8Array<ArrayBuffer>);
    },
  });
  const reader = input.pipeThrough(new DecompressionStream('gzip')).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
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

/** Reads lines until the header can be chosen; returns the records seen and the lines consumed. */
async function searchHeader(lines: LineStream, buffered: PhysicalLine[], delimiter: string, count: number) {
  const search = new RecordAssembler(delimiter, null);
  const records: CsvRecord[] = [];
  const consumed: PhysicalLine[] = [];
  let queue: PhysicalLine[] | null = buffered;
  while (queue !== null) {
    for (const line of queue) {
      consumed.push(line);
      records.push(...search.push(line));
    }
    if (records.length >= count) break;
    queue = await lines.next();
    if (queue === null) records.push(...search.end());
  }
  return { records, consumed };
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
  const lines = new LineStream(source.name, gzip ? gunzip(bytes) : bytes, encoding);
  const buffered: PhysicalLine[] = [];
  for (let next = await lines.next(); next !== null; next = await lines.next()) {
    buffered.push(...next);
    if (buffered.length >= DELIMITER_LINES) break;
  }
  const delimiter = detectDelimiter(buffered.slice(0, DELIMITER_LINES).map((l) => l.text));
  const { records, consumed } = await searchHeader(lines, buffered, delimiter, options.headerSearch);
  const headerIndex = pickHeader(records, options.scoreHeader);
  const header = records[headerIndex];
  if (!header) return { empty: true };
  const assembler = new RecordAssembler(delimiter, header.cells.length);
  async function* data(): AsyncGenerator<readonly CsvRecord[]> {
    let queue: PhysicalLine[] | null = consumed.filter((l) => l.number > header!.lastLine);
    while (queue !== null) {
      const out: CsvRecord[] = [];
      for (const line of queue) out.push(...assembler.push(line));
      if (out.length > 0) yield out;
      queue = await lines.next();
    }
    const last = assembler.end();
    if (last.length > 0) yield last;
  }
  return {
    empty: false,
    format: `CSV « ${delimiter === '\t' ? 'tabulation' : delimiter} »${gzip ? ', compressé gzip' : ''}`,
    delimiter,
    unit: 'lignes',
    header,
    titles: records.slice(0, headerIndex),
    data: data(),
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
      if (stats.windows1252Lines > 0)
        report.warn(
          issue(
            stats.windows1252Examples[0] ?? null,
            null,
            'encoding-warn',
            `${stats.windows1252Lines} ligne(s) lue(s) en Windows-1252 (octets non UTF-8), ex. ligne(s) ${stats.windows1252Examples.slice(0, 5).join(', ')}`,
          ),
        );
    },
  };
}
