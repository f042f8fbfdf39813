/*
 * The bookkeeping of an import (import-dataset.ts): the exchange files as a list, every file
 * named uniquely within the import, progress through the files, and rows counted per table on
 * their way to the sink.
 */
import type { TableName } from '../data/schema/index.ts';
import type { DatasetSink, ImportFiles, ImportOptions, TableRows } from './import-dataset.ts';
import type { ImportSource } from './source.ts';

/** One exchange file, several, or none. */
export type ExchangeFiles = ImportSource | readonly ImportSource[] | undefined;

/** The exchange files as a list. */
export function exchangeList(files: ExchangeFiles): readonly ImportSource[] {
  if (files === undefined) return [];
  return 'chunks' in files ? [files] : files;
}

/**
 * The files with names unique within the import (« rna.csv » from two folders becomes « rna.csv »
 * and « rna (2).csv »): the report and the rejected-rows files are named after them.
 */
export function withUniqueNames<F extends Partial<ImportFiles>>(files: F): F {
  const seen = new Map<string, number>();
  const rename = (source: ImportSource): ImportSource => {
    const count = (seen.get(source.name) ?? 0) + 1;
    seen.set(source.name, count);
    if (count === 1) return source;
    const name = source.name.replace(/(\.[^.]*)?$/, (extension) => ` (${count})${extension}`);
    return { ...source, name };
  };
  const one = (source: ImportSource | undefined) => (source ? rename(source) : undefined);
  return {
    ...files,
    communes: one(files.communes),
    waldec: one(files.waldec),
    associations: files.associations?.map(rename),
    grants: files.grants?.map(rename),
    exchanges: exchangeList(files.exchanges).map(rename),
    offers: one(files.offers),
  };
}

/** Progress through an import's files, and within the file under way. */
export function progressOf(files: ImportFiles, options: ImportOptions) {
  const total =
    3 +
    (files.grants?.length ?? 0) +
    files.associations.length +
    exchangeList(files.exchanges).length +
    (files.offers ? 1 : 0) +
    (files.waldec ? 1 : 0);
  let done = 0;
  return {
    step: (name: string) => options.onProgress?.(name, done++, total),
    within: (name: string) => (fraction: number) => options.onProgress?.(name, done - 1 + fraction, total),
  };
}

/** Counts rows written per table, on the way to the sink. */
export function counting(sink: DatasetSink) {
  const counts: Record<string, number> = {
    communes: 0,
    associations: 0,
    echanges: 0,
    subventions: 0,
    offres_besoins: 0,
    lieux: 0,
    enquetes: 0,
  };
  const write = async <T extends TableName>(table: T, rows: readonly TableRows[T][]) => {
    counts[table] = (counts[table] ?? 0) + rows.length;
    await sink.write(table, rows);
  };
  return { counts, write };
}
