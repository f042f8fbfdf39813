/*
 * The associations a territory asked for their exchanges (issue 10 §4), read from the
 * « Associations » sheet of filled collection templates given as exchange files: one `enquetes`
 * row per association asked — the first file that says so — with its date and that file's name.
 * Cooperation figures then cover them, those that declared no exchange included
 * (src/data/coverage.ts).
 */
import type { SurveyRow } from '../data/schema/index.ts';
import { ASSOCIATION_COLUMNS, SHEETS } from '../kit/template-layout.ts';
import type { AssociationLookup } from './association-index.ts';
import { readSurveyedAssociations } from './exchange-template.ts';
import { surveyFileName } from './survey-file-name.ts';
import type { ReaderContext } from './format-table.ts';
import type { FileReport } from './report.ts';
import { readAll, readHead, type ImportSource } from './source.ts';
import { isSpreadsheet, readSheetHeads, SpreadsheetError } from './spreadsheet.ts';

/** Report note: an association asked in an earlier file too (its first file is kept). */
const ASKED_BEFORE = 'associations déjà sollicitées dans un fichier précédent (non comptées deux fois)';

/**
 * The sheet of a workbook that lists the associations asked (the template's « Associations »,
 * with its « Sollicitée » column), or null: not a workbook, not a template, or unreadable (the
 * exchange reader has said why).
 */
export async function surveySheetOf(source: ImportSource): Promise<string | null> {
  if (!isSpreadsheet(await readHead(source, 1 << 16))) return null;
  try {
    const heads = readSheetHeads(await readAll(source), 1);
    const found = heads.find(
      (head) =>
        head.sheet === SHEETS.associations &&
        (head.rows[0]?.cells ?? []).some((cell) => cell.trim() === ASSOCIATION_COLUMNS.surveyed),
    );
    return found?.sheet ?? null;
  } catch (error) {
    if (error instanceof SpreadsheetError) return null;
    throw error;
  }
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
