/*
 * The exchange collection template as a format-free workbook (sheet-model.ts), built from the
 * published exchange Table Schema and a territory's associations. Both writers take it.
 */
import {
  associationsSheet,
  partnerRange,
  sortAssociations,
  type TemplateAssociation,
} from './associations-sheet.ts';
import { exchangesSheet } from './exchanges-sheet.ts';
import { guideSheet } from './guide-sheet.ts';
import type { WorkbookModel } from './sheet-model.ts';
import { listsSheet } from './vocabulary-lists.ts';

export type { TemplateAssociation } from './associations-sheet.ts';

/** What a template is made for. */
export interface TemplateInput {
  /** The territory's name, in the guide's title. */
  readonly territory: string;
  /** Its associations (any order: the sheet sorts them by commune, then name). */
  readonly associations: readonly TemplateAssociation[];
  /** Rows of the exchanges sheet prepared for input (formatted, validated); default 500. */
  readonly rows?: number;
}

/** Rows prepared for input by default: past them, rows can still be filled, without drop-downs. */
export const DEFAULT_INPUT_ROWS = 500;

/**
 * The template: « Mode d'emploi » (shown on opening), « Échanges » to fill, « Associations » to
 * pick partners from and record who was asked, and the hidden « Listes » of vocabularies.
 */
export function buildTemplateModel(input: TemplateInput): WorkbookModel {
  const associations = sortAssociations(input.associations);
  const rows = input.rows ?? DEFAULT_INPUT_ROWS;
  if (!Number.isInteger(rows) || rows < 1 || rows > 100_000)
    throw new RangeError(`lignes à préparer : entier de 1 à 100 000 attendu, reçu ${rows}`);
  return {
    title: `Échanges entre associations — ${input.territory}`,
    sheets: [
      guideSheet(input.territory),
      exchangesSheet(rows, partnerRange(associations.length)),
      associationsSheet(associations),
      listsSheet(),
    ],
  };
}
