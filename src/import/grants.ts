import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

import type { GrantRow } from '../data/schema/index.ts';
import type { AssociationLookup } from './association-index.ts';
import type { Cog } from './cog.ts';
import { cellsByName, EmptyColumnTally, type ColumnMatch } from './columns.ts';
import { DateSpan } from './date-span.ts';
import { openFormatTable, type ReaderContext } from './format-table.ts';
import { GrantAligner } from './grant-align.ts';
import { AMOUNT_KINDS, GRANT_FIELDS } from './grant-fields.ts';
import { grantsOfRow, type GrantFileContext } from './grant-row.ts';
import { ImportError, issue, type FileReport, type FileReportBuilder } from './report.ts';
import { readHead, type ImportSource } from './source.ts';
import type { OpenedTable, TableRow } from './table-reader.ts';
import { requireRowsKept, ROW_BATCH } from './table-checks.ts';

/** What a grants file import needs from the rest of the import. */
export interface GrantsContext extends ReaderContext {
  readonly index: AssociationLookup;
  readonly cog: Cog;
  /** Dates more than a year after this one are typing errors (YYYY-MM-DD). */
  readonly today: string;
  readonly write: (rows: readonly GrantRow[]) => Promise<void>;
}

/** What a grants file gave: its report, the grants written, and the dates of those attached. */
export interface ImportedGrants {
  readonly report: FileReport;
  readonly written: number;
  readonly attachedDates: DateSpan;
}

/** « Année : 2017 », « Exercice 2018 » or a title that is a year: the year of the whole file. */
function titleYear(table: OpenedTable): string | null {
  for (const { text } of table.titles) {
    const match =
      /(?:ann[ée]e|exercice|millésime)\D{0,6}((?:19|20)\d\d)\b/i.exec(text) ?? /^((?:19|20)\d\d)$/.exec(text);
    if (match?.[1]) return match[1];
  }
  return null;
}

function formatOf(match: ColumnMatch): string {
  if (match.index.has('rnaBeneficiaire')) return 'SCDL 2.1 (avec rnaBeneficiaire)';
  if (match.index.has('nomAttribuant') && match.index.has('idAttribuant'))
    return 'SCDL 1.x/2.0 (sans rnaBeneficiaire)';
  return 'liste de subventions hors SCDL';
}

/** The file-level checks: a beneficiary, an amount and a date must be findable, else the import stops. */
function requireColumns(file: string, table: OpenedTable, match: ColumnMatch, year: string | null): void {
  const has = (name: string) => match.index.has(name);
  const missing = (what: string, names: string) =>
    new ImportError(
      file,
      `${what} : aucune des colonnes ${names} dans l’en-tête (missing-required-header)`,
      table.headerLine,
    );
  if (!has('nomBeneficiaire') && !has('idBeneficiaire') && !has('rnaBeneficiaire'))
    throw missing('bénéficiaire introuvable', 'nomBeneficiaire, idBeneficiaire, rnaBeneficiaire');
  if (!AMOUNT_KINDS.some((k) => has(k.field)))
    throw missing(
      'montant introuvable',
      'montant (ou Mandaté, Fonctionnement, Investissement, Avantages en nature)',
    );
  if (!has('dateConvention') && !has('annee') && !year)
    throw missing(
      'date introuvable',
      'dateConvention ou Année, et aucune année dans un titre au-dessus de l’en-tête',
    );
}

/** Missing columns that other columns stand in for: said once, in `fileWarnings`, not one by one. */
const COVERED = new Set([
  ...AMOUNT_KINDS.map((k) => k.field),
  'annee',
  'nomBeneficiaire2',
  'codePostal',
  'ville',
  'dateConvention',
  'idBeneficiaire',
  'rnaBeneficiaire',
  'nomAttribuant',
  'idAttribuant',
  'dispositifAide',
  'pourcentageSubvention',
  'nomBeneficiaire',
]);

function fileWarnings(
  report: FileReportBuilder,
  match: ColumnMatch,
  year: string | null,
  table: OpenedTable,
) {
  const has = (name: string) => match.index.has(name);
  const line = table.headerLine;
  for (const warning of match.warnings)
    if (warning.code !== 'missing-header-warn' || !COVERED.has(warning.field ?? '')) report.warn(warning);
  if (!has('idBeneficiaire') && !has('rnaBeneficiaire'))
    report.warn(
      issue(
        line,
        'idBeneficiaire',
        'missing-header-warn',
        `ni SIRET ni n° RNA du bénéficiaire : ${has('codePostal') ? 'rattachement aux associations par le nom et la commune seulement' : 'aucune subvention ne peut être rattachée à une association'}`,
      ),
    );
  if (!has('dateConvention'))
    report.warn(
      issue(
        line,
        'dateConvention',
        'missing-header-warn',
        'pas de date de convention : année de la ligne ou du titre, au 1er janvier',
      ),
    );
  if (!has('pourcentageSubvention'))
    report.warn(
      issue(
        line,
        'pourcentageSubvention',
        'missing-header-warn',
        'pas de pourcentage : 1 retenu (tout le montant au bénéficiaire)',
      ),
    );
  if (!match.index.has('nomAttribuant') && !match.index.has('idAttribuant'))
    report.warn(
      issue(
        table.headerLine,
        'nomAttribuant',
        'funder-missing',
        'aucune colonne d’attribuant : subventions gardées avec un attribuant « non renseigné » ; ajoutez les colonnes nomAttribuant et idAttribuant (SIRET) pour les rattacher à leur financeur',
      ),
    );
  if (year && !match.index.has('dateConvention') && !match.index.has('annee'))
    report.warn(
      issue(
        table.titles[0]?.line ?? null,
        'annee',
        'value-normalised',
        `année ${year} prise du titre du fichier pour toutes les lignes`,
      ),
    );
}

/**
 * Reads a grants file: SCDL of any version in use (field names or titles as headers, `;` or
 * `,`, amounts « 25 000,00 », SIRETs with spaces, years alone) or a département's own list
 * (year, name, postcode, town, one amount column per kind of support), CSV or spreadsheet.
 * Grants are attached to associations by RNA number, SIRET, SIREN, then name in the commune;
 * unattached ones are kept and reported.
 */
export async function importGrants(source: ImportSource, ctx: GrantsContext): Promise<ImportedGrants> {
  const idPrefix = bytesToHex(sha256(await readHead(source, 65536))).slice(0, 8);
  const { report, table, match, usedCells } = await openFormatTable(source, 'grants', GRANT_FIELDS, ctx);
  const year = titleYear(table);
  requireColumns(source.name, table, match, year);
  const aligner = new GrantAligner(table, match);
  aligner.requireHeaderWidth(source.name, table);
  report.update({ format: `${formatOf(match)}, ${table.format}` });
  fileWarnings(report, match, year, table);
  const file = fileContext(ctx, match, idPrefix, year);
  const empty = new EmptyColumnTally(GRANT_FIELDS, match);
  const batch: GrantRow[] = [];
  const attached = new DateSpan();
  let written = 0;
  for await (const rows of table.rows()) {
    for (const row of rows) {
      const grants = readRow(row, aligner, match, file, report, empty, usedCells);
      for (const grant of grants) if (grant.association_id) attached.add(grant.dateConvention);
      batch.push(...grants);
      written += grants.length;
      if (batch.length >= ROW_BATCH) await ctx.write(batch.splice(0));
    }
  }
  if (batch.length > 0) await ctx.write(batch);
  table.finish();
  empty.report(report);
  report.note('subventions écrites', written);
  const finished = report.finish();
  requireRowsKept(finished, ctx.allowEmpty);
  return { report: finished, written, attachedDates: attached };
}

/** What every row of the file shares: the associations, the year of the title, the amount columns. */
function fileContext(
  ctx: GrantsContext,
  match: ColumnMatch,
  idPrefix: string,
  year: string | null,
): GrantFileContext {
  const fields = GRANT_FIELDS.map((f) => f.name);
  const byColumn = new Map([...match.index].map(([name, column]) => [column, name]));
  const textFields = new Set(GRANT_FIELDS.filter((f) => f.shape === 'text').map((f) => f.name));
  const before = (field: string) => {
    const previous = byColumn.get((match.index.get(field) ?? 0) - 1);
    return previous && textFields.has(previous) ? previous : undefined;
  };
  return {
    index: ctx.index,
    cog: ctx.cog,
    today: ctx.today,
    idPrefix,
    titleYear: year,
    amounts: AMOUNT_KINDS.filter((k) => match.index.has(k.field)),
    before: Object.fromEntries(fields.map((f) => [f, before(f)])),
  };
}

/** One row read: its grants (none when rejected, the reasons then in the report). */
function readRow(
  row: TableRow,
  aligner: GrantAligner,
  match: ColumnMatch,
  file: GrantFileContext,
  report: FileReportBuilder,
  empty: EmptyColumnTally,
  usedCells: (row: TableRow, blank?: readonly string[]) => string[],
): GrantRow[] {
  report.read();
  const aligned = aligner.align(row);
  if ('reason' in aligned) {
    report.reject(row.line, null, [aligned.reason], usedCells(row));
    return [];
  }
  if (aligned.repaired) report.warn(aligned.repaired);
  const cells = cellsByName(aligned.cells, match);
  empty.count(cells, row.line);
  const outcome = grantsOfRow(cells, row.line, file);
  if (!outcome.kept) {
    // A social security number is not copied anywhere, not even into the rows to fix.
    const written = usedCells(
      row,
      outcome.personal ? ['idBeneficiaire', 'nomBeneficiaire', 'nomBeneficiaire2'] : [],
    );
    report.reject(row.line, cells['referenceDecision'] || null, outcome.reasons, written);
    return [];
  }
  report.keep();
  for (const warning of outcome.warnings) report.warn(warning);
  for (const note of outcome.notes) report.note(note);
  return outcome.grants;
}
