import { ASSOCIATIONS_TABLE } from './associations.ts';
import { COMMUNES_TABLE } from './communes.ts';
import { EXCHANGES_TABLE } from './exchanges.ts';
import { GRANTS_TABLE } from './grants.ts';
import { OFFERS_TABLE } from './offers.ts';
import { PLACES_TABLE } from './places.ts';
import { SURVEYS_TABLE } from './surveys.ts';

export * from './associations.ts';
export * from './columns.ts';
export * from './communes.ts';
export * from './exchanges.ts';
export * from './grants.ts';
export * from './offers.ts';
export * from './places.ts';
export * from './surveys.ts';
export * from './vocabularies.ts';

/** Every table of a dataset, in load order (referenced tables first). */
export const DATASET_TABLES = [
  COMMUNES_TABLE,
  ASSOCIATIONS_TABLE,
  EXCHANGES_TABLE,
  GRANTS_TABLE,
  OFFERS_TABLE,
  PLACES_TABLE,
  SURVEYS_TABLE,
] as const;

/**
 * Tables added after the first datasets were published: a manifest may leave them out, and they
 * then load empty (a dataset from before them has no place and no survey).
 */
export const OPTIONAL_TABLES: ReadonlySet<TableName> = new Set(['lieux', 'enquetes']);

/** Name of a dataset table in DuckDB. */
export type TableName = (typeof DATASET_TABLES)[number]['name'];

/**
 * Version of the dataset folder format (tables, columns, manifest). Bump the minor version when
 * columns are added, the major version when a reader of the old format would misread the new one.
 */
export const DATASET_SCHEMA_VERSION = '1.4.0';
