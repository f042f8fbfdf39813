/*
 * Grants, exchanges and offers read against a set of associations: in a full import, after the
 * RNA (import-dataset.ts), or added to a dataset already loaded (`importAdditions`).
 */
import type { AssociationRow, TableName } from '../data/schema/index.ts';
import { AssociationIndexBuilder, type AssociationLookup } from './association-index.ts';
import { DateSpan } from './date-span.ts';
import type { Cog } from './cog.ts';
import { importGrants } from './grants.ts';
import { counting, exchangeList, withUniqueNames, type ExchangeFiles } from './import-bookkeeping.ts';
import type { DatasetSink, ImportOptions, TableRows } from './import-dataset.ts';
import { DetailBudget, importReport, type FileReport, type ImportReport } from './report.ts';
import { importSurveys, surveyFileName, surveySheetMissing, templateSheetsOf } from './surveys.ts';
import { ExchangeDuplicates } from './exchange-duplicates.ts';
import { importExchanges, importOffers } from './schema-csv.ts';
import type { ImportSource } from './source.ts';

/** Files added to a dataset already loaded (a funder's private grants file, say). */
export interface AdditionFiles {
  readonly grants?: readonly ImportSource[] | undefined;
  readonly exchanges?: ExchangeFiles;
  readonly offers?: ImportSource | undefined;
}

/**
 * Reads grants, exchanges or offers against the associations of a dataset already loaded: the
 * same validation as a full import, the rows then appended to the dataset's tables.
 */
export async function importAdditions(
  files: AdditionFiles,
  cog: Cog,
  associations: readonly Pick<AssociationRow, 'id' | 'siret' | 'nom' | 'commune_code'>[],
  sink: DatasetSink,
  options: Pick<ImportOptions, 'today' | 'sheet' | 'hasher'> = {},
): Promise<ImportReport> {
  const { counts, write } = counting(sink);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const linked = await importLinked(
    withUniqueNames(files),
    cog,
    AssociationIndexBuilder.of(associations),
    { ...options, today, budget: new DetailBudget() },
    sink,
    write,
    SILENT,
  );
  return importReport(linked.reports, counts);
}

/** Progress through an import's files: a step per file, and the share read within it. */
interface Progress {
  step(name: string): void;
  within(name: string): (fraction: number) => void;
}

const SILENT: Progress = { step: () => {}, within: () => () => {} };

/** Grants, exchanges and offers read against a set of associations (a full import or additions). */
export async function importLinked(
  files: AdditionFiles,
  cog: Cog,
  index: AssociationLookup,
  options: Pick<ImportOptions, 'allowEmpty' | 'sheet' | 'hasher'> & {
    readonly today: string;
    readonly budget: DetailBudget;
  },
  sink: DatasetSink,
  write: <T extends TableName>(table: T, rows: readonly TableRows[T][]) => Promise<void>,
  progress: Progress,
) {
  const reports: FileReport[] = [];
  const grants = new DateSpan();
  const exchanges = new DateSpan();
  /** What every reader of a file gets: the associations, the options, and that file's sinks. */
  const context = (file: ImportSource) => {
    progress.step(file.name);
    return {
      index,
      cog,
      today: options.today,
      allowEmpty: options.allowEmpty,
      sheet: options.sheet,
      hasher: options.hasher,
      budget: options.budget,
      rejects: sink.rejects?.(file.name),
      onProgress: progress.within(file.name),
    };
  };
  /** A template's associations sheet: its own name in the report and rejected rows, its sheet. */
  const surveyContext = (file: string) => {
    const name = surveyFileName(file);
    return { index, hasher: options.hasher, budget: options.budget, rejects: sink.rejects?.(name) };
  };
  for (const file of files.grants ?? []) {
    const imported = await importGrants(file, {
      ...context(file),
      write: (rows) => write('subventions', rows),
    });
    grants.add(imported.attachedDates.first);
    grants.add(imported.attachedDates.last);
    reports.push(imported.report);
  }
  // One check for every exchange file: a row declared again in a later file is rejected there.
  const declared = new ExchangeDuplicates();
  // A filled collection template also says which associations were asked (its « Associations »
  // sheet, reported after the exchange files): naming some, it may declare no exchange.
  const asked = new Set<string>();
  const surveyReports: FileReport[] = [];
  const templates: string[] = [];
  for (const file of exchangeList(files.exchanges)) {
    const ctx = context(file);
    const { surveys: sheet, template } = await templateSheetsOf(file);
    const survey = sheet
      ? await importSurveys(file, sheet, surveyContext(file.name), asked, (rows) => write('enquetes', rows))
      : null;
    const allowEmpty = ctx.allowEmpty || (survey?.written ?? 0) > 0;
    // A template whose associations sheet is gone or unreadable: who was asked is unknown, said once.
    const notices = template && !sheet ? [surveySheetMissing()] : [];
    const imported = await importExchanges(
      file,
      { ...ctx, allowEmpty, notices },
      (rows) => write('echanges', rows),
      declared,
    );
    exchanges.add(imported.dates.first);
    exchanges.add(imported.dates.last);
    reports.push(imported.report);
    if (survey) {
      surveyReports.push(survey.report);
      templates.push(file.name);
    }
  }
  reports.push(...surveyReports);
  if (files.offers) {
    const imported = await importOffers(files.offers, context(files.offers), (rows) =>
      write('offres_besoins', rows),
    );
    reports.push(imported.report);
  }
  return { reports, surveys: new Set(surveyReports), templates, grants, exchanges };
}
