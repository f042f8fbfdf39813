import type { ColumnDefinition, CustomCheck, TableDefinition } from './schema/index.ts';
import { isValidSiret } from './siret.ts';

/** Error codes, as Validata names them (methodology §4.6). */
export type ValidationCode =
  'type-error' | 'constraint-error' | 'one-of-required' | 'siret' | 'compare-columns-value';

/** One problem in one cell (or pair of cells) of a row. */
export interface FieldError {
  readonly row: number;
  readonly field: string;
  readonly code: ValidationCode;
  readonly message_fr: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function typeError(column: ColumnDefinition, value: unknown): string | null {
  switch (column.type) {
    case 'string':
      return typeof value === 'string' ? null : 'texte attendu';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? null : 'nombre entier attendu';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'nombre attendu';
    case 'boolean':
      return typeof value === 'boolean'
        ? null
        : `booléen attendu (${(column.trueValues ?? ['oui']).join('/')} ou ${(column.falseValues ?? ['non']).join('/')})`;
    case 'date':
      return typeof value === 'string' && isRealDate(value) ? null : 'date attendue au format AAAA-MM-JJ';
  }
}

function constraintError(column: ColumnDefinition, value: unknown): string | null {
  if (column.enum && !column.enum.includes(String(value)))
    return `valeur hors de la liste : ${column.enum.join(', ')}`;
  if (column.pattern && typeof value === 'string' && !new RegExp(column.pattern).test(value)) {
    return `format invalide — ${column.description}`;
  }
  if (typeof value === 'number') {
    if (column.minimum !== undefined && value < column.minimum)
      return `valeur inférieure au minimum ${column.minimum}`;
    if (column.maximum !== undefined && value > column.maximum)
      return `valeur supérieure au maximum ${column.maximum}`;
  }
  if (column.maxLength !== undefined && typeof value === 'string' && [...value].length > column.maxLength) {
    return `texte de plus de ${column.maxLength} caractères`;
  }
  return null;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

function customCheckError(
  check: CustomCheck,
  row: Readonly<Record<string, unknown>>,
): { field: string; message: string } | null {
  switch (check.name) {
    case 'one-of-required': {
      const { column, column2 } = check.params;
      return isEmpty(row[column]) && isEmpty(row[column2])
        ? { field: column, message: `« ${column} » ou « ${column2} » doit être renseigné` }
        : null;
    }
    case 'siret': {
      const value = row[check.params.column];
      return !isEmpty(value) && !isValidSiret(String(value))
        ? { field: check.params.column, message: 'numéro SIRET invalide (clé de contrôle)' }
        : null;
    }
    case 'compare-columns-value': {
      const { column, op, column2 } = check.params;
      const [a, b] = [row[column], row[column2]];
      if (isEmpty(a) || isEmpty(b)) return null;
      const [x, y] = [String(a), String(b)];
      const holds = op === '>=' ? x >= y : op === '>' ? x > y : op === '<=' ? x <= y : x < y;
      return holds ? null : { field: column, message: `« ${column} » doit être ${op} « ${column2} »` };
    }
  }
}

/**
 * Checks one typed row against its table definition: required cells, types, constraints, then
 * the table's custom checks. `rowNumber` is reported as is (the caller knows its file's numbering).
 */
export function validateRow(
  table: TableDefinition,
  row: Readonly<Record<string, unknown>>,
  rowNumber: number,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const column of table.columns) {
    if (column.derived) continue;
    const value = row[column.name];
    if (isEmpty(value)) {
      if (column.required) {
        errors.push({
          row: rowNumber,
          field: column.name,
          code: 'constraint-error',
          message_fr: 'valeur obligatoire manquante',
        });
      }
      continue;
    }
    const wrongType = typeError(column, value);
    const broken = wrongType ? null : constraintError(column, value);
    if (wrongType)
      errors.push({ row: rowNumber, field: column.name, code: 'type-error', message_fr: wrongType });
    else if (broken)
      errors.push({ row: rowNumber, field: column.name, code: 'constraint-error', message_fr: broken });
  }
  for (const check of table.customChecks ?? []) {
    const problem = customCheckError(check, row);
    if (problem)
      errors.push({ row: rowNumber, field: problem.field, code: check.name, message_fr: problem.message });
  }
  return errors;
}
