import type { FeatureCollection } from 'geojson';

import { DATASET_TABLES, type TableName } from '../../src/data/schema/index.ts';
import type { DatasetSink, TableRows } from '../../src/import/import-dataset.ts';
import { rejectedRowLine, rejectedRowsFileName, rejectedRowsHeader } from '../../src/import/rejected-rows.ts';
import type { Issue, RejectedRowsSink } from '../../src/import/report.ts';
import type { DatasetWriter, TableStream, TextStream } from './dataset-writer.ts';
import { DATASET_EXTRAS } from './output-folder.ts';

/**
 * An import written into a dataset folder as it goes: each table an Arrow stream fed batch by
 * batch, each file's rejected rows a CSV in `rejets/` (created only when a row is rejected).
 */
export class DatasetFolderSink implements DatasetSink {
  readonly #writer: DatasetWriter;
  readonly #tables = new Map<TableName, TableStream<(typeof DATASET_TABLES)[number]>>();
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
