import type { FeatureCollection } from 'geojson';

import type { TableName } from '../data/schema/index.ts';
import { isActiveOn } from '../indicators/rules.ts';
import type { DatasetSink, TableRows } from './import-dataset.ts';
import { rejectedRowLine, rejectedRowsFileName, rejectedRowsHeader } from './rejected-rows.ts';
import type { Issue, RejectedRowsSink } from './report.ts';

/**
 * An import's output held in memory: every table's rows, and each file's rejected rows as CSV
 * text. For the page (files a person drops are small) and for tests.
 */
export class MemorySink implements DatasetSink {
  readonly tables: { -readonly [T in TableName]: TableRows[T][] } = {
    communes: [],
    associations: [],
    echanges: [],
    subventions: [],
    offres_besoins: [],
    lieux: [],
    enquetes: [],
  };
  outlinesRead: FeatureCollection = { type: 'FeatureCollection', features: [] };
  /** Rejected rows as CSV, by file name (`rejets-<file>.csv`); only files with rejected rows. */
  readonly rejected = new Map<string, string>();

  async write<T extends TableName>(table: T, rows: readonly TableRows[T][]): Promise<void> {
    const target = this.tables[table] as TableRows[T][];
    for (const row of rows) target.push(row);
  }

  async outlines(collection: FeatureCollection): Promise<void> {
    this.outlinesRead = collection;
  }

  async remapSeats(
    remap: ReadonlyMap<string, string>,
    count: { readonly keys: ReadonlySet<string>; readonly end: string },
  ): Promise<ReadonlyMap<string, number>> {
    const rows = this.tables.associations;
    const active = new Map<string, number>();
    rows.forEach((row, i) => {
      const key = row.siege_cle === null ? undefined : remap.get(row.siege_cle);
      if (key !== undefined) rows[i] = { ...row, siege_cle: key };
      const place = key ?? row.siege_cle;
      if (place !== null && count.keys.has(place) && isActiveOn(row, count.end))
        active.set(place, (active.get(place) ?? 0) + 1);
    });
    return active;
  }

  rejects(file: string): RejectedRowsSink {
    let header = '';
    const name = rejectedRowsFileName(file);
    return {
      start: (cells: readonly string[]) => {
        header = rejectedRowsHeader(cells);
      },
      add: (line: number, cells: readonly string[], reasons: readonly Issue[]) => {
        this.rejected.set(name, (this.rejected.get(name) ?? header) + rejectedRowLine(line, cells, reasons));
      },
    };
  }
}
