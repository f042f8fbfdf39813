/*
 * The associations a territory asked for their exchanges (issue 10 §4), read from the
 * « Associations » sheet of filled collection templates given as exchange files: one `enquetes`
 * row per association asked — the first file that says so — with its date and that file's name.
 * Cooperation figures then cover them, those that declared no exchange included
 * (src/data/coverage.ts). The sheet is found by its header, as the exchange sheet is, so that a
 * template edited by hand keeps who was asked; a template that has lost it says so in its report.
 */
import { EXCHANGES_TABLE, type SurveyRow } from '../data/schema/index.ts';
import { ASSOCIATION_COLUMNS, SHEETS } from '../kit/template-layout.ts';
import type { AssociationLookup } from './association-index.ts';
import { headerScore, normaliseHeader, type FieldSpec } from './columns.ts';
import { readSurveyedAssociations, SURVEY_FIELDS } from './exchange-template.ts';
import { surveyFileName } from './survey-file-name.ts';
import type { ReaderContext } from './format-table.ts';
import { issue, type FileReport, type Issue } from './report.ts';
import { readAll, readHead, type ImportSource } from './source.ts';
import { isSpreadsheet, readSheetHeads, SpreadsheetError } from './spreadsheet.ts';

/** Report note: an association asked in an earlier file too (its first file is kept). */
const ASKED_BEFORE = 'associations déjà sollicitées dans un fichier précédent (non comptées deux fois)';

/** Rows of each sheet searched for a header: a header sits in the first rows, under its titles. */
const HEADER_SEARCH = 25;

/** What a workbook given as an exchange file holds of the collection template. */
export interface TemplateSheets {
  /** The sheet that lists the associations asked, or null. */
  readonly surveys: string | null;
  /** Whether its exchange sheet has the template's French titles. */
  readonly template: boolean;
}

const NOTHING: TemplateSheets = { surveys: null, template: false };

/** The names a field goes by, normalised. */
const namesOf = (field: FieldSpec) => new Set([field.name, ...(field.aliases ?? [])].map(normaliseHeader));
const SURVEY_NEEDED = SURVEY_FIELDS.filter((f) => f.needed).map(namesOf);
const surveyScore = headerScore(SURVEY_FIELDS);

/**
 * The French titles of the exchange template's columns that no field name reads as (« Date de
 * début », « RNA du fournisseur »; not « Quantité », which is `quantite` too), normalised: a
 * file with the format's own names (the declaration form's) is not taken for a template.
 */
const TEMPLATE_TITLES: ReadonlySet<string> = (() => {
  const columns = EXCHANGES_TABLE.columns.filter((c) => !('derived' in c && c.derived));
  const names = new Set(columns.map((c) => normaliseHeader(c.name)));
  return new Set(columns.map((c) => normaliseHeader(c.title)).filter((title) => !names.has(title)));
})();

/** How well a row reads as the associations sheet's header: 0 without an RNA and a « Sollicitée » column. */
function surveyHeaderScore(cells: readonly string[]): number {
  const normalised = new Set(cells.map(normaliseHeader));
  const complete = SURVEY_NEEDED.every((names) => [...names].some((name) => normalised.has(name)));
  return complete ? surveyScore(cells) : 0;
}

/** Whether a row holds at least half of the template's French titles: the template's exchange header. */
function isTemplateHeader(cells: readonly string[]): boolean {
  const found = new Set(cells.map(normaliseHeader).filter((cell) => TEMPLATE_TITLES.has(cell)));
  return found.size * 2 >= TEMPLATE_TITLES.size;
}

/**
 * What a workbook holds of the collection template (see `TemplateSheets`): the sheet whose first
 * rows hold the best header of the associations sheet — an RNA number and a « Sollicitée »
 * column, named without regard to case, accents or punctuation (« sollicitée ? »), under title
 * rows or not, whatever the sheet's name and place (the first one on ties) — and whether a sheet
 * has the template's exchange header. Nothing for a file that is not a workbook, or is
 * unreadable (the exchange reader says why).
 */
export async function templateSheetsOf(source: ImportSource): Promise<TemplateSheets> {
  if (!isSpreadsheet(await readHead(source, 1 << 16))) return NOTHING;
  let heads: ReturnType<typeof readSheetHeads>;
  try {
    heads = readSheetHeads(await readAll(source), HEADER_SEARCH);
  } catch (error) {
    if (error instanceof SpreadsheetError) return NOTHING;
    throw error;
  }
  let surveys: string | null = null;
  let best = 0;
  let template = false;
  for (const { sheet, rows } of heads)
    for (const { cells } of rows) {
      const trimmed = cells.map((cell) => cell.trim());
      const score = surveyHeaderScore(trimmed);
      if (score > best) [surveys, best] = [sheet, score];
      template ||= isTemplateHeader(trimmed);
    }
  return { surveys, template };
}

/**
 * The warning of an exchange template whose associations sheet cannot be found: who was asked
 * is unknown, and how to say it again.
 */
export function surveySheetMissing(): Issue {
  return issue(
    null,
    null,
    'survey-sheet-missing',
    `modèle d’échanges sans feuille « ${SHEETS.associations} » lisible (colonnes « ${ASSOCIATION_COLUMNS.id} » et « ${ASSOCIATION_COLUMNS.surveyed} ») : on ne sait pas quelles associations ont été sollicitées, seules celles qui figurent dans les échanges sont couvertes. Remettez dans le classeur la feuille « ${SHEETS.associations} » du modèle, avec « ${ASSOCIATION_COLUMNS.surveyed} » = oui (et la date) pour chaque association sollicitée, puis importez de nouveau le fichier.`,
  );
}

/** What reading a template's associations sheet needs: the dataset's associations among others. */
export interface SurveyContext extends Omit<ReaderContext, 'sheet'> {
  readonly index: AssociationLookup;
}

/**
 * Reads the associations asked in `sheet` of the template `source`: rows of associations not in
 * the dataset are rejected in the sheet's report; each association asked is written once per
 * import (`asked`: the associations written by earlier files). Returns the report and how many
 * associations this file adds.
 */
export async function importSurveys(
  source: ImportSource,
  sheet: string,
  ctx: SurveyContext,
  asked: Set<string>,
  write: (rows: readonly SurveyRow[]) => Promise<void>,
): Promise<{ report: FileReport; written: number }> {
  const { surveyed, report } = await readSurveyedAssociations(
    { ...source, name: surveyFileName(source.name) },
    { ...ctx, sheet },
  );
  const rows: SurveyRow[] = [];
  let again = 0;
  for (const { id, date } of surveyed) {
    const association = ctx.index.byId(id) ?? id;
    if (asked.has(association)) {
      again++;
      continue;
    }
    asked.add(association);
    rows.push({ association_id: association, date_sollicitation: date, source: source.name });
  }
  await write(rows);
  const notes = again > 0 ? { ...report.notes, [ASKED_BEFORE]: again } : report.notes;
  return { report: { ...report, notes }, written: rows.length };
}

export { surveyFileName };
