/*
 * What the CSV and spreadsheet readers give the shared row reader (`table-reader.ts`): the
 * header record, the title rows above it, the data records to come and, at the end, how the
 * file's lines divide.
 */
import type { CsvRecord } from './csv-records.ts';
import type { Hasher } from './source.ts';

export interface TableOptions {
  /** How much a row looks like this format's header (e.g. the number of known column names). */
  readonly scoreHeader: (cells: readonly string[]) => number;
  /** Records examined for the header: a header sits in a file's first rows, under its titles. */
  readonly headerSearch: number;
  /** The sheet of a workbook to read (default: the first). */
  readonly sheet?: string | undefined;
  readonly hasher?: Hasher | undefined;
  /** Hears the share of the file's bytes read so far. */
  readonly onProgress?: ((fraction: number) => void) | undefined;
}

/** Line counts of the data part, known once every record is read. */
export interface DataCounts {
  readonly physical: number;
  readonly blank: number;
  readonly records: number;
  readonly recordLines: number;
  readonly lineEnds: Readonly<Record<string, number>>;
}

/** A table found in a file: its header and what lies above and below it. */
export type LocatedTable =
  | { readonly empty: true }
  | {
      readonly empty: false;
      readonly format: string;
      readonly delimiter: string | null;
      readonly unit: string;
      readonly header: CsvRecord;
      /** Header names when the reader knows better than the header's cells (merged title cells). */
      readonly headerNames?: readonly string[] | undefined;
      readonly titles: readonly CsvRecord[];
      readonly data: AsyncIterable<readonly CsvRecord[]>;
      readonly counts: () => DataCounts;
      /** Adds encoding and checksum (and reading notes) to the report. */
      readonly finishSource: () => void;
    };

/** The best-scoring of the first records as the header, and its score (the first record when none scores). */
export function bestHeader(
  records: readonly CsvRecord[],
  score: (cells: readonly string[]) => number,
): { readonly index: number; readonly score: number } {
  let index = 0;
  let best = 0;
  records.forEach((record, i) => {
    const s = score(record.cells.map((c) => c.trim()));
    if (s > best) [index, best] = [i, s];
  });
  return { index, score: best };
}

/** The header: the best-scoring of the first records (the first one when none scores). */
export function pickHeader(
  records: readonly CsvRecord[],
  score: (cells: readonly string[]) => number,
): number {
  return bestHeader(records, score).index;
}
