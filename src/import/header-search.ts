/*
 * The header of a CSV file among its first rows, read two ways and the better kept:
 *  - records as assembled (a header may span several lines through quoted line breaks, as the
 *    Sarthe's « "Montant⏎de la subvention de fonctionnement (1)" »);
 *  - physical lines read one by one, a quote left open at a line's end read as a character: an
 *    unclosed quote in a title row above the header (`"Subventions 2024 du département`) would
 *    otherwise fuse the title, the header and the first rows into one record.
 * The best header score wins; on a tie, the assembled records. Rows above the header are title
 * rows; data records are then assembled from the line after the header.
 */
import { splitCells } from './csv-cells.ts';
import { RecordAssembler, SEARCH_MAX_CELLS, type CsvRecord } from './csv-records.ts';
import type { PhysicalLine } from './lines.ts';
import { bestHeader, type TableOptions } from './table-locate.ts';

/** Physical lines pulled from a file, a batch at a time (null once the file is over). */
export interface LineSource {
  next(): Promise<PhysicalLine[] | null>;
}

/** The header found, the title rows above it, and the lines read past it. */
export interface FoundHeader {
  readonly header: CsvRecord;
  readonly titles: readonly CsvRecord[];
  /** Lines already read that come after the header: the data records start there. */
  readonly rest: readonly PhysicalLine[];
}

/** Reads lines until `count` records are assembled (or the file ends): the records and the lines read. */
async function readRecords(lines: LineSource, buffered: PhysicalLine[], delimiter: string, count: number) {
  const search = new RecordAssembler(delimiter, null);
  const records: CsvRecord[] = [];
  const consumed: PhysicalLine[] = [];
  let queue: PhysicalLine[] | null = buffered;
  while (queue !== null) {
    for (const line of queue) {
      consumed.push(line);
      for (const record of search.push(line)) records.push(record);
    }
    if (records.length >= count) break;
    queue = await lines.next();
    if (queue === null) for (const record of search.end()) records.push(record);
  }
  return { records, consumed };
}

/** The first `count` non-blank lines, each read alone as a record. */
function lineRecords(lines: readonly PhysicalLine[], delimiter: string, count: number): CsvRecord[] {
  const records: CsvRecord[] = [];
  for (const line of lines) {
    if (records.length >= count) break;
    const { cells } = splitCells(line.text, delimiter, true, SEARCH_MAX_CELLS);
    if (cells.every((c) => c.trim() === '')) continue;
    records.push({ line: line.number, lastLine: line.number, cells });
  }
  return records;
}

/**
 * Finds the header among the first records of a file (see the module comment); `buffered` are
 * the lines already read. Null when the file holds no record at all.
 */
export async function findHeader(
  lines: LineSource,
  buffered: PhysicalLine[],
  delimiter: string,
  options: Pick<TableOptions, 'scoreHeader' | 'headerSearch'>,
): Promise<FoundHeader | null> {
  const { records, consumed } = await readRecords(lines, buffered, delimiter, options.headerSearch);
  const assembled = bestHeader(records, options.scoreHeader);
  const single = lineRecords(consumed, delimiter, options.headerSearch);
  const alone = bestHeader(single, options.scoreHeader);
  const [list, best] = alone.score > assembled.score ? [single, alone] : [records, assembled];
  const header = list[best.index];
  if (!header) return null;
  return {
    header,
    titles: list.slice(0, best.index),
    rest: consumed.filter((l) => l.number > header.lastLine),
  };
}
