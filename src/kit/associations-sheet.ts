/*
 * The territory's associations, to pick partners from — and where the coordinator records who
 * was asked: « Sollicitée » (oui/non) and « Date de sollicitation ». Those rows tell the
 * observatory which associations the declared exchanges cover, even those that declare none.
 */
import { row, type CellRange, type ColumnModel, type SheetModel } from './sheet-model.ts';
import { ASSOCIATION_COLUMNS, SHEETS } from './template-layout.ts';
import { listRange, YES_NO } from './vocabulary-lists.ts';

/** An association as the template lists it. */
export interface TemplateAssociation {
  /** The dataset's association id: the RNA number (W + 9 digits) when known. */
  readonly id: string;
  readonly name: string;
  readonly communeCode: string;
  readonly communeName: string;
}

const HEADERS = [
  ASSOCIATION_COLUMNS.id,
  ASSOCIATION_COLUMNS.name,
  ASSOCIATION_COLUMNS.communeCode,
  ASSOCIATION_COLUMNS.communeName,
  ASSOCIATION_COLUMNS.surveyed,
  ASSOCIATION_COLUMNS.surveyedOn,
];

/** Associations by commune name, then by name (French collation), then id: a stable order. */
export function sortAssociations(associations: readonly TemplateAssociation[]): TemplateAssociation[] {
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  return [...associations].sort(
    (a, b) =>
      collator.compare(a.communeName, b.communeName) ||
      collator.compare(a.name, b.name) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Where the associations' RNA numbers lie, for the partner drop-downs (null when there are none). */
export function partnerRange(count: number): CellRange | null {
  return count === 0 ? null : { sheet: SHEETS.associations, column: 0, firstRow: 2, lastRow: 1 + count };
}

/** The associations sheet, associations in the given order. */
export function associationsSheet(associations: readonly TemplateAssociation[]): SheetModel {
  const text = (width: number): ColumnModel => ({ width, kind: 'text', required: false, validation: null });
  return {
    name: SHEETS.associations,
    columns: [
      text(14),
      text(48),
      text(14),
      text(28),
      {
        width: 12,
        kind: 'text',
        required: false,
        validation: {
          rule: { kind: 'list', source: listRange(YES_NO) },
          severity: 'stop',
          title: 'oui ou non',
          message: 'Choisissez oui (l’association a été sollicitée) ou non.',
        },
      },
      {
        width: 22,
        kind: 'date',
        required: false,
        validation: {
          rule: { kind: 'date', minimum: '2000-01-01' },
          severity: 'stop',
          title: 'Date attendue',
          message: 'Saisissez la date de sollicitation (AAAA-MM-JJ).',
        },
      },
    ],
    rows: [
      row('header', HEADERS),
      ...associations.map((a) => row('values', [a.id, a.name, a.communeCode, a.communeName, null, null])),
    ],
    input: associations.length === 0 ? null : { first: 2, last: 1 + associations.length },
    frozenRows: 1,
    hidden: false,
  };
}
