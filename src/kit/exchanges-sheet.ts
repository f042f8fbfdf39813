/*
 * The sheet the associations fill: one column per field of the published exchange format (the
 * fields the importer reads), its French title in row 1, a hint in row 2 (required or not, the
 * format, the description), then empty rows whose cells are formatted and validated from the
 * schema — drop-down lists for every vocabulary and yes/no field, partners picked among the
 * associations sheet's RNA numbers, dates, numbers within the schema's bounds.
 */
import type { ColumnDefinition } from '../data/schema/index.ts';
import { row, type CellRange, type ColumnModel, type SheetModel, type Validation } from './sheet-model.ts';
import { HINT_OPTIONAL, HINT_REQUIRED, SHEETS } from './template-layout.ts';
import { listRange, TEMPLATE_FIELDS, vocabularyOf } from './vocabulary-lists.ts';

/** Earliest date the importer accepts for an exchange (schema-csv.ts: an earlier one is a typing error). */
export const OLDEST_EXCHANGE_DATE = '2000-01-01';
/** The partner fields, picked among the associations of the territory. */
const PARTNER_FIELDS: ReadonlySet<string> = new Set(['fournisseur_rna', 'beneficiaire_rna']);
const number = (n: number) => n.toLocaleString('fr-FR');

/** The unit a title names in parentheses: « Surface (m²) » → « m² ». */
function unitOf(column: ColumnDefinition): string | null {
  return /\(([^)]+)\)\s*$/.exec(column.title)?.[1] ?? null;
}

/** What to type in a column, in a few words. */
function formatOf(column: ColumnDefinition): string {
  const vocabulary = vocabularyOf(column);
  if (PARTNER_FIELDS.has(column.name))
    return 'n° RNA à choisir dans la liste (feuille Associations), sinon remplir le SIRET';
  if (vocabulary?.name === 'oui_non') return 'oui ou non';
  if (vocabulary) return vocabulary.closed ? 'valeur de la liste' : 'valeur de la liste de préférence';
  switch (column.type) {
    case 'date':
      return 'date AAAA-MM-JJ';
    case 'integer':
    case 'number': {
      const what = column.type === 'integer' ? 'nombre entier' : 'nombre';
      const unit = unitOf(column);
      return `${what} ≥ ${number(column.minimum ?? 0)}${unit ? `, en ${unit}` : ''}`;
    }
    default:
      return column.maxLength ? `texte, ${column.maxLength} caractères au plus` : 'texte';
  }
}

/** The hint under a column's title: « Obligatoire — date AAAA-MM-JJ — Premier jour… (ex. 2024-05-18) ». */
export function hintOf(column: ColumnDefinition): string {
  const example = column.example ? ` (ex. ${column.example})` : '';
  return `${column.required ? HINT_REQUIRED : HINT_OPTIONAL} — ${formatOf(column)} — ${column.description}${example}`;
}

function listValidation(source: CellRange, closed: boolean, open: string): Validation {
  return {
    rule: { kind: 'list', source },
    severity: closed ? 'stop' : 'warning',
    title: 'Valeur hors liste',
    message: closed ? 'Choisissez une valeur dans la liste déroulante.' : open,
  };
}

/** The validation of a column's cells to fill, or null. */
function validationOf(column: ColumnDefinition, partners: CellRange | null): Validation | null {
  if (PARTNER_FIELDS.has(column.name))
    return partners
      ? listValidation(
          partners,
          false,
          'N° RNA absent de la feuille Associations : l’échange ne sera gardé que si l’association est dans le jeu de données.',
        )
      : null;
  const vocabulary = vocabularyOf(column);
  if (vocabulary)
    return listValidation(
      listRange(vocabulary.name),
      vocabulary.closed,
      'Valeur hors liste : acceptée, mais la méthode ne la chiffre pas. Gardez-la seulement si aucune valeur ne convient.',
    );
  if (column.type === 'date')
    return {
      rule: { kind: 'date', minimum: OLDEST_EXCHANGE_DATE },
      severity: 'stop',
      title: 'Date attendue',
      message: `Saisissez une date (AAAA-MM-JJ), à partir du ${OLDEST_EXCHANGE_DATE}.`,
    };
  if ((column.type === 'number' || column.type === 'integer') && column.minimum !== undefined) {
    const maximum = column.maximum ?? Number.MAX_SAFE_INTEGER;
    return {
      rule: { kind: 'number', integer: column.type === 'integer', minimum: column.minimum, maximum },
      severity: 'stop',
      title: 'Nombre attendu',
      message: `Saisissez un ${column.type === 'integer' ? 'nombre entier' : 'nombre'} entre ${number(column.minimum)} et ${number(maximum)}.`,
    };
  }
  if (column.maxLength !== undefined)
    return {
      rule: { kind: 'text-length', maximum: column.maxLength },
      severity: 'stop',
      title: 'Texte trop long',
      message: `${column.maxLength} caractères au plus.`,
    };
  return null;
}

/** A column's width in characters: its title, and its hint on about six lines, within bounds. */
const widthOf = (column: ColumnDefinition) =>
  Math.min(32, Math.max(14, column.title.length + 3, Math.ceil(hintOf(column).length / 6.5)));

/** Points a hint needs when wrapped in a column `width` characters wide (about 12.5 pt a line). */
function hintHeight(columns: readonly ColumnDefinition[]): number {
  const lines = Math.max(...columns.map((c) => Math.ceil(hintOf(c).length / (widthOf(c) * 1.1))));
  return Math.min(12, lines) * 12.5 + 4;
}

/**
 * The exchanges sheet with `rows` rows to fill; `partners` is where the associations' RNA
 * numbers lie (null when the territory has none listed: the partner columns are then free).
 */
export function exchangesSheet(rows: number, partners: CellRange | null): SheetModel {
  const columns: ColumnModel[] = TEMPLATE_FIELDS.map((column) => ({
    width: widthOf(column),
    kind:
      column.type === 'date' || column.type === 'number' || column.type === 'integer' ? column.type : 'text',
    required: column.required,
    validation: validationOf(column, partners),
  }));
  return {
    name: SHEETS.exchanges,
    columns,
    rows: [
      row(
        'header',
        TEMPLATE_FIELDS.map((c) => c.title),
      ),
      row('hint', TEMPLATE_FIELDS.map(hintOf), { height: hintHeight(TEMPLATE_FIELDS) }),
    ],
    input: { first: 3, last: 2 + rows },
    frozenRows: 2,
    hidden: false,
  };
}
