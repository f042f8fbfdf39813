import { ASSOCIATIONS_TABLE } from './associations.ts';
import { COMMUNES_TABLE } from './communes.ts';
import { EXCHANGES_TABLE } from './exchanges.ts';
import { GRANTS_TABLE } from './grants.ts';
import { OFFERS_TABLE } from './offers.ts';

export * from './associations.ts';
export * from './columns.ts';
export * from './communes.ts';
export * from './exchanges.ts';
export * from './grants.ts';
export * from './offers.ts';
export * from './vocabularies.ts';

/** Every table of a dataset, in load order (referenced tables first). */
export const DATASET_TABLES = [
  COMMUNES_TABLE,
  ASSOCIATIONS_TABLE,
  EXCHANGES_TABLE,
  GRANTS_TABLE,
  OFFERS_TABLE,
] as const;

/** Name of a dataset table in DuckDB. */
export type TableName = (typeof DATASET_TABLES)[number]['name'];

/**
 * Version of the dataset folder format (tables, columns, manifest). Bump the minor version when
 * columns are added, the major version when a reader of the old format would misread the new one.
 */
export const DATASET_SCHEMA_VERSION = '1.1.0';
