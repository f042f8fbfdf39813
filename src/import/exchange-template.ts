/*
 * Reading back the exchange collection template (src/kit): its « Échanges » sheet is read by
 * `importExchanges` like any exchange file (the sheet is found by its header, the hint row is part
 * of the header); its « Associations » sheet says which associations the coordinator asked for
 * their exchanges — « Sollicitée » oui, with the date — which tells the observatory which
 * associations the declared exchanges cover, those that declared none included.
 */
import { ASSOCIATION_COLUMNS } from '../kit/template-layout.ts';
import type { AssociationLookup } from './association-index.ts';
import { cellsByName, type FieldSpec } from './columns.ts';
import { openFormatTable, type ReaderContext } from './format-table.ts';
import { issue, type FileReport, type Issue } from './report.ts';
import type { ImportSource } from './source.ts';
import { readBoolean, readDate } from './values.ts';

/** An association the coordinator asked for its exchanges, and when (null when not said). */
export interface SurveyedAssociation {
  readonly id: string;
  readonly date: string | null;
}

/** The columns of the associations sheet, by the names the coordinator may give them. */
export const SURVEY_FIELDS: readonly FieldSpec[] = [
  {
    name: 'id',
    aliases: [ASSOCIATION_COLUMNS.id, 'Numéro RNA', 'RNA', 'Identifiant'],
    standard: true,
    used: true,
    needed: true,
  },
  { name: 'nom', aliases: [ASSOCIATION_COLUMNS.name], standard: false, used: false },
  {
    name: 'sollicitee',
    aliases: [ASSOCIATION_COLUMNS.surveyed, 'Sollicité', 'Sollicitee'],
    standard: true,
    used: true,
    needed: true,
  },
  {
    name: 'date_sollicitation',
    aliases: [ASSOCIATION_COLUMNS.surveyedOn],
    standard: true,
    used: true,
  },
];

/** Why a row of the associations sheet cannot be read (empty when it can), and what it says. */
function readRow(
  cells: Readonly<Record<string, string>>,
  line: number,
  seen: ReadonlyMap<string, number>,
  index: AssociationLookup | undefined,
) {
  const reasons: Issue[] = [];
  const id = (cells['id'] ?? '').trim();
  const asked = readBoolean(cells['sollicitee'] ?? '');
  const date = readDate(cells['date_sollicitation'] ?? '');
  if (asked.error) reasons.push(issue(line, 'sollicitee', 'type-error', asked.error));
  if (date.error) reasons.push(issue(line, 'date_sollicitation', 'type-error', date.error));
  if (asked.value === true && id === '')
    reasons.push(issue(line, 'id', 'constraint-error', 'association sollicitée sans n° RNA'));
  if (asked.value === true && id !== '' && index && index.byId(id) === null)
    reasons.push(
      issue(line, 'id', 'association-unknown', `association ${id} absente des associations importées`),
    );
  const first = seen.get(id);
  if (asked.value === true && first !== undefined)
    reasons.push(issue(line, 'id', 'duplicate-key', `${id} déjà sollicitée ligne ${first}`));
  if (asked.value !== true && date.value)
    reasons.push(
      issue(
        line,
        'sollicitee',
        'compare-columns-value',
        `date de sollicitation ${date.value} sans « oui » dans « ${ASSOCIATION_COLUMNS.surveyed} » : écrivez oui, ou effacez la date`,
      ),
    );
  return { id, asked: asked.value === true, date, reasons };
}

/**
 * The associations marked « Sollicitée » = oui in a filled template's associations sheet (found
 * by its header, whatever its place in the workbook), with their date of solicitation. A row that
 * cannot be read — « Sollicitée » neither oui nor non, a bad date, a date without oui, no RNA
 * number, an association listed twice, or (given `index`) not among the dataset's — is rejected
 * in the report (rows read = kept + rejected); rows marked non or left empty are kept and not
 * surveyed.
 */
export async function readSurveyedAssociations(
  source: ImportSource,
  ctx: ReaderContext & { readonly index?: AssociationLookup | undefined } = {},
): Promise<{ surveyed: SurveyedAssociation[]; report: FileReport }> {
  const { report, table, match, usedCells } = await openFormatTable(
    source,
    'associations',
    SURVEY_FIELDS,
    ctx,
  );
  report.update({ format: `Associations sollicitées (modèle d’échanges), ${table.format}` });
  for (const warning of match.warnings) report.warn(warning);
  const surveyed: SurveyedAssociation[] = [];
  const seen = new Map<string, number>();
  for await (const rows of table.rows())
    for (const row of rows) {
      report.read();
      const { id, asked, date, reasons } = readRow(cellsByName(row.cells, match), row.line, seen, ctx.index);
      if (reasons.length > 0) {
        report.reject(row.line, id || null, reasons, usedCells(row));
        continue;
      }
      if (date.normalised)
        report.warn(issue(row.line, 'date_sollicitation', 'value-normalised', date.normalised));
      report.keep();
      if (!asked) continue;
      seen.set(id, row.line);
      surveyed.push({ id, date: date.value });
    }
  table.finish();
  report.note('associations sollicitées', surveyed.length);
  return { surveyed, report: report.finish() };
}
