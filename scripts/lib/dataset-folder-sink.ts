import { Utf8, vectorFromArray, type RecordBatch } from 'apache-arrow';
import type { FeatureCollection } from 'geojson';

import { ASSOCIATIONS_TABLE, DATASET_TABLES, type TableName } from '../../src/data/schema/index.ts';
import type { DatasetSink, TableRows } from '../../src/import/import-dataset.ts';
import { isActiveOn } from '../../src/indicators/rules.ts';
import { rejectedRowLine, rejectedRowsFileName, rejectedRowsHeader } from '../../src/import/rejected-rows.ts';
import type { Issue, RejectedRowsSink } from '../../src/import/report.ts';
import type { DatasetWriter, TableStream, TextStream } from './dataset-writer.ts';
import { DATASET_EXTRAS } from './output-folder.ts';

type DatasetTable = (typeof DATASET_TABLES)[number];

/**
 * An import written into a dataset folder as it goes: each table an Arrow stream fed batch by
 * batch, each file's rejected rows a CSV in `rejets/` (created only when a row is rejected).
 */
export class DatasetFolderSink implements DatasetSink {
  readonly #writer: DatasetWriter;
  readonly #tables = new Map<TableName, TableStream<DatasetTable>>();
  readonly #texts: TextStream[] = [];

  constructor(writer: DatasetWriter) {
    this.#writer = writer;
  }

  async write<T extends TableName>(table: T, rows: readonly TableRows[T][]): Promise<void> {
    let stream = this.#tables.get(table);
    if (!stream) {
      const definition = DATASET_TABLES.find((t) => t.name === table);
      if (!definition) throw new Error(`table inconnue : ${table}`);
      stream = this.#writer.openTable(definition);
      this.#tables.set(table, stream);
    }
    await stream.write(rows as unknown as Parameters<typeof stream.write>[0]);
  }

  /** Where the outlines were written, for the manifest. */
  geometry: Awaited<ReturnType<DatasetWriter['writeGeometry']>> | null = null;

  async outlines(collection: FeatureCollection): Promise<void> {
    this.geometry = await this.#writer.writeGeometry('communes.geojson', collection);
  }

  /**
   * Rewrites `associations.arrow` with the seat keys brought together, counting on the way the
   * associations active on `count.end` at each key of `count.keys` (nothing to do without either).
   */
  async remapSeats(
    remap: ReadonlyMap<string, string>,
    count: { readonly keys: ReadonlySet<string>; readonly end: string },
  ): Promise<ReadonlyMap<string, number>> {
    const active = new Map<string, number>();
    const stream = this.#tables.get(ASSOCIATIONS_TABLE.name);
    if (!stream || (remap.size === 0 && count.keys.size === 0)) return active;
    const rewritten = await this.#writer.rewriteTable<DatasetTable>(ASSOCIATIONS_TABLE, stream, (batch) => {
      const next = withSeatKeys(batch, remap);
      countActive(next, count, active);
      return next;
    });
    this.#tables.set(ASSOCIATIONS_TABLE.name, rewritten);
    return active;
  }

  rejects(file: string): RejectedRowsSink {
    let header: readonly string[] = [];
    let text: TextStream | null = null;
    return {
      start: (cells: readonly string[]) => {
        header = cells;
      },
      add: (line: number, cells: readonly string[], reasons: readonly Issue[]) => {
        if (!text) {
          text = this.#writer.openText(`${DATASET_EXTRAS.rejects}/${rejectedRowsFileName(file)}`);
          this.#texts.push(text);
          text.write(rejectedRowsHeader(header));
        }
        text.write(rejectedRowLine(line, cells, reasons));
      },
    };
  }

  /** Ends every table in the dataset's order (empty ones too) and every rejected-rows file. */
  async finish(): Promise<void> {
    for (const table of DATASET_TABLES) {
      const stream = this.#tables.get(table.name) ?? this.#writer.openTable(table);
      await stream.close();
    }
    for (const text of this.#texts) await text.close();
  }
}

/** A batch of associations with each `siege_cle` found in `remap` replaced (the batch itself when none is). */
function withSeatKeys(batch: RecordBatch, remap: ReadonlyMap<string, string>): RecordBatch {
  const column = batch.getChild('siege_cle');
  if (!column) return batch;
  let changed = false;
  const keys = Array.from({ length: batch.numRows }, (_, i) => {
    const key = column.get(i) as string | null;
    const to = key === null ? undefined : remap.get(key);
    if (to === undefined) return key;
    changed = true;
    return to;
  });
  return changed ? batch.setChild('siege_cle', vectorFromArray(keys, new Utf8())) : batch;
}

/** An Arrow date (days stored, read as epoch milliseconds) as `AAAA-MM-JJ`, or null. */
function isoDate(value: unknown): string | null {
  if (typeof value === 'number') return new Date(value).toISOString().slice(0, 10);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return null;
}

/** Adds to `active` the associations of `batch` active on `count.end` at a key of `count.keys`. */
function countActive(
  batch: RecordBatch,
  count: { readonly keys: ReadonlySet<string>; readonly end: string },
  active: Map<string, number>,
): void {
  const column = (name: string) => batch.getChild(name);
  const [keys, statuses, created, declared, dissolved] = [
    'siege_cle',
    'statut',
    'date_creation',
    'date_derniere_declaration',
    'date_dissolution',
  ].map(column);
  if (!keys || !statuses || !created || !declared || !dissolved) return;
  for (let i = 0; i < batch.numRows; i++) {
    const key = keys.get(i) as string | null;
    if (key === null || !count.keys.has(key)) continue;
    const row = {
      statut: String(statuses.get(i)),
      date_creation: isoDate(created.get(i)),
      date_derniere_declaration: isoDate(declared.get(i)),
      date_dissolution: isoDate(dissolved.get(i)),
    };
    if (isActiveOn(row, count.end)) active.set(key, (active.get(key) ?? 0) + 1);
  }
}
