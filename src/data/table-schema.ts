import type { ColumnDefinition, TableDefinition } from './schema/index.ts';

/** A Frictionless Table Schema field (the subset we publish). */
interface TableSchemaField {
  name: string;
  title: string;
  description: string;
  type: string;
  format?: string;
  example?: string;
  trueValues?: readonly string[];
  falseValues?: readonly string[];
  constraints?: Record<string, unknown>;
}

function toField(column: ColumnDefinition): TableSchemaField {
  const constraints: Record<string, unknown> = {};
  if (column.required) constraints['required'] = true;
  if (column.unique) constraints['unique'] = true;
  if (column.pattern) constraints['pattern'] = column.pattern;
  if (column.enum) constraints['enum'] = column.enum;
  if (column.minimum !== undefined) constraints['minimum'] = column.minimum;
  if (column.maximum !== undefined) constraints['maximum'] = column.maximum;
  if (column.maxLength !== undefined) constraints['maxLength'] = column.maxLength;
  return {
    name: column.name,
    title: column.title,
    description: column.description,
    type: column.type,
    ...(column.type === 'date' ? { format: 'default' } : {}),
    ...(column.example ? { example: column.example } : {}),
    ...(column.trueValues ? { trueValues: column.trueValues, falseValues: column.falseValues ?? [] } : {}),
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
  };
}

/** Metadata of a published schema, in the schema.data.gouv.fr manner. */
export interface SchemaMetadata {
  readonly name: string;
  readonly version: string;
  readonly path: string;
  readonly licence: string;
  readonly contributors: readonly { title: string; role: string }[];
}

/**
 * The Table Schema (Frictionless, with schema.data.gouv.fr metadata and Validata custom checks)
 * of a table's file format. Columns derived when a dataset is built are not part of the format.
 */
export function toTableSchema(table: TableDefinition, metadata: SchemaMetadata): Record<string, unknown> {
  return {
    $schema: 'https://frictionlessdata.io/schemas/table-schema.json',
    name: metadata.name,
    title: table.title,
    description: table.description,
    version: metadata.version,
    path: metadata.path,
    licenses: [{ title: metadata.licence }],
    contributors: metadata.contributors,
    missingValues: [''],
    primaryKey: table.primaryKey,
    fields: table.columns.filter((column) => !column.derived).map(toField),
    ...(table.customChecks ? { custom_checks: table.customChecks } : {}),
  };
}
