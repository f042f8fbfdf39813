/*
 * The conventions of the exchange collection template that both its writers (src/kit) and the
 * importer reading it back (src/import) rely on: file names, sheet names, the columns of the
 * associations sheet, and the hint row under the header. Plain constants: no dependency, safe in a worker.
 */

/** The two formats of the template. */
export type TemplateFormat = 'xlsx' | 'ods';

/** File name of the template in each format (`scripts/build-kit.ts` writes them under kit/). */
export const TEMPLATE_FILES: Readonly<Record<TemplateFormat, string>> = {
  xlsx: 'modele-echanges.xlsx',
  ods: 'modele-echanges.ods',
};

/** Names of the template's sheets, in workbook order. */
export const SHEETS = {
  guide: 'Mode d’emploi',
  exchanges: 'Échanges',
  associations: 'Associations',
  lists: 'Listes',
} as const;

/** Header of each column of the associations sheet (French, as the coordinator reads them). */
export const ASSOCIATION_COLUMNS = {
  id: 'N° RNA',
  name: 'Nom',
  communeCode: 'Code commune',
  communeName: 'Commune',
  surveyed: 'Sollicitée',
  surveyedOn: 'Date de sollicitation',
} as const;

/** First words of every cell of the hint row: whether the field must be filled. */
export const HINT_REQUIRED = 'Obligatoire';
export const HINT_OPTIONAL = 'Facultatif';

/**
 * Whether a row is the template's hint row: at least two non-empty cells, every one of them
 * starting with « Obligatoire » or « Facultatif ». No exchange row can look like that (an
 * exchange id has no space, a date or a quantity no letter).
 */
export function isHintRow(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return (
    filled.length >= 2 && filled.every((c) => c.startsWith(HINT_REQUIRED) || c.startsWith(HINT_OPTIONAL))
  );
}
