/*
 * The controlled vocabularies of the exchange format, as the template's lists sheet holds them:
 * one column per list, its name in row 1 and its values below. Every drop-down of the exchanges
 * sheet points to one of these columns.
 */
import { EXCHANGES_TABLE, GOODS_CATEGORIES, type ColumnDefinition } from '../data/schema/index.ts';
import { row, type CellRange, type SheetModel } from './sheet-model.ts';
import { SHEETS } from './template-layout.ts';

/** The fields of the exchange file the importer reads, in the published order (derived ones left out). */
export const TEMPLATE_FIELDS: readonly ColumnDefinition[] = (
  EXCHANGES_TABLE.columns as readonly ColumnDefinition[]
).filter((column) => !column.derived);

/** A list of allowed values; `closed` when nothing else is accepted by the importer. */
export interface Vocabulary {
  readonly name: string;
  readonly values: readonly string[];
  readonly closed: boolean;
}

/** Name of the yes/no list every boolean field uses. */
export const YES_NO = 'oui_non';

/** The list a field takes its values from, or null for a free field. */
export function vocabularyOf(column: ColumnDefinition): Vocabulary | null {
  if (column.enum) return { name: column.name, values: column.enum, closed: true };
  if (column.type === 'boolean')
    return {
      name: YES_NO,
      values: [column.trueValues?.[0] ?? 'oui', column.falseValues?.[0] ?? 'non'],
      closed: true,
    };
  // Free values are accepted but not costed (vocabularies.ts): a list that warns, not refuses.
  if (column.name === 'categorie_bien') return { name: column.name, values: GOODS_CATEGORIES, closed: false };
  return null;
}

/** Every list of the template, each once, in the order of the fields that use them. */
export const VOCABULARIES: readonly Vocabulary[] = [
  ...new Map(
    TEMPLATE_FIELDS.map(vocabularyOf)
      .filter((v): v is Vocabulary => v !== null)
      .map((v) => [v.name, v]),
  ).values(),
];

/** Where a list's values lie in the lists sheet. */
export function listRange(name: string): CellRange {
  const column = VOCABULARIES.findIndex((v) => v.name === name);
  const vocabulary = VOCABULARIES[column];
  if (!vocabulary) throw new Error(`liste « ${name} » inconnue du modèle`);
  return { sheet: SHEETS.lists, column, firstRow: 2, lastRow: 1 + vocabulary.values.length };
}

/** The (hidden) lists sheet. */
export function listsSheet(): SheetModel {
  const height = Math.max(...VOCABULARIES.map((v) => v.values.length));
  const rows = [
    row(
      'header',
      VOCABULARIES.map((v) => v.name),
    ),
  ];
  for (let i = 0; i < height; i++)
    rows.push(
      row(
        'values',
        VOCABULARIES.map((v) => v.values[i] ?? null),
      ),
    );
  return {
    name: SHEETS.lists,
    columns: VOCABULARIES.map((v) => ({
      width: Math.max(v.name.length, ...v.values.map((value) => value.length)) + 2,
      kind: 'text',
      required: false,
      validation: null,
    })),
    rows,
    input: null,
    frozenRows: 1,
    hidden: true,
  };
}
