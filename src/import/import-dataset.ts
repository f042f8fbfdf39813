import type { FeatureCollection } from 'geojson';
import { bbox } from '@turf/turf';

import type { DatasetManifest } from '../data/manifest.ts';
import type {
  AssociationRow,
  CommuneRow,
  ExchangeRow,
  GrantRow,
  OfferRow,
  PlaceRow,
  SurveyRow,
  TableName,
} from '../data/schema/index.ts';
import { DATASET_SCHEMA_VERSION } from '../data/schema/index.ts';
import { AssociationIndexBuilder, type AssociationLookup } from './association-index.ts';
import { DateSpan } from './date-span.ts';
import type { Cog } from './cog.ts';
import { importCommunes } from './communes.ts';
import { importGrants } from './grants.ts';
import {
  DetailBudget,
  importReport,
  ImportError,
  type FileReport,
  type ImportReport,
  type RejectedRowsSink,
} from './report.ts';
import { importRna } from './rna.ts';
import { PLACE_FROM, RnaSharedSeats } from './rna-shared-seats.ts';
import { seatSalt } from './seat-salt.ts';
import { importSurveys, surveyFileName, surveySheetMissing, templateSheetsOf } from './surveys.ts';
import { ExchangeDuplicates } from './exchange-duplicates.ts';
import { importExchanges, importOffers } from './schema-csv.ts';
import { readTextFile } from './text-file.ts';
import type { Hasher, ImportSource } from './source.ts';
import { importWaldecNomenclature } from './waldec-nomenclature.ts';

/** The files of an import: commune outlines and the RNA are needed; the rest is optional. */
export interface ImportFiles {
  readonly communes: ImportSource;
  readonly associations: readonly ImportSource[];
  /** One exchange file or several (templates filled by several associations), read as one table. */
  readonly exchanges?: ExchangeFiles;
  readonly grants?: readonly ImportSource[] | undefined;
  readonly offers?: ImportSource | undefined;
  readonly waldec?: ImportSource | undefined;
}

/** Rows of each table, by table name. */
export interface TableRows {
  communes: CommuneRow;
  associations: AssociationRow;
  echanges: ExchangeRow;
  subventions: GrantRow;
  offres_besoins: OfferRow;
  lieux: PlaceRow;
  enquetes: SurveyRow;
}

/**
 * Where an import's rows go, batch by batch: Arrow files on disk (`npm run import`) or in
 * memory (the page). Rejected rows go, file by file, to a CSV the user can fix and re-import.
 */
export interface DatasetSink {
  write<T extends TableName>(table: T, rows: readonly TableRows[T][]): Promise<void>;
  /** The communes' outlines, as soon as they are read (written then, not held to the end). */
  outlines(collection: FeatureCollection): Promise<void>;
  /**
   * Replaces, in the associations already written, each `siege_cle` found in `remap` by its
   * value: keys of one place written several ways, known to be one only once every row is read.
   * Then counts, for each key of `count.keys`, the associations active on `count.end`
   * (`isActiveOn`, the indicators' rule): a place is named only when they are 3 or more.
   */
  remapSeats(
    remap: ReadonlyMap<string, string>,
    count: { readonly keys: ReadonlySet<string>; readonly end: string },
  ): Promise<ReadonlyMap<string, number>>;
  rejects?(file: string): RejectedRowsSink | undefined;
}

export interface ImportOptions {
  readonly id: string;
  readonly name?: string | undefined;
  /** The dataset's period; by default, the exchanges' months, else the grants' years, else the RNA's last year. */
  readonly period?: { readonly start: string; readonly end: string } | undefined;
  readonly onProgress?: ((step: string, done: number, total: number) => void) | undefined;
  /** « Today » for plausibility checks (dates in the future); default: the current date. */
  readonly today?: string | undefined;
  /** Keep going when a file keeps no row (else the import stops, naming the reasons). */
  readonly allowEmpty?: boolean | undefined;
  /** The sheet to read in workbooks (default: each workbook's first). */
  readonly sheet?: string | undefined;
  /** An incremental sha256 (Node's native one in the command; the portable one by default). */
  readonly hasher?: (() => Hasher) | undefined;
}

/** Everything but the files' sizes and checksums, which depend on how they are written. */
export type ManifestDraft = Omit<DatasetManifest, 'tables' | 'geometry'>;

export interface ImportedDataset {
  readonly manifest: ManifestDraft;
  readonly report: ImportReport;
}

const LICENCES: Readonly<Record<string, string>> = {
  communes: 'Licence Ouverte (contours fournis ; IGN ADMIN EXPRESS pour les fichiers publics)',
  associations: 'Licence Ouverte 2.0 (RNA, Ministère de l’Intérieur)',
  grants: 'Licence Ouverte (données essentielles des conventions de subvention, SCDL)',
  exchanges: 'Fichier fourni par le territoire',
  offers: 'Fichier fourni par le territoire',
  waldec: 'Nomenclature WALDEC (data.gouv.fr)',
};

/** One exchange file, several, or none. */
type ExchangeFiles = ImportSource | readonly ImportSource[] | undefined;

/** The exchange files as a list. */
function exchangeList(files: ExchangeFiles): readonly ImportSource[] {
  if (files === undefined) return [];
  return 'chunks' in files ? [files] : files;
}

function monthEnd(date: string): string {
  const [year = 0, month = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The period: exchanges' months, else grants' years, else the calendar year of the RNA's latest date. */
function periodOf(exchanges: DateSpan, grants: DateSpan, rna: DateSpan): { start: string; end: string } {
  if (exchanges.first && exchanges.last)
    return { start: `${exchanges.first.slice(0, 7)}-01`, end: monthEnd(exchanges.last) };
  if (grants.first && grants.last)
    return { start: `${grants.first.slice(0, 4)}-01-01`, end: `${grants.last.slice(0, 4)}-12-31` };
  const year = rna.last ? rna.last.slice(0, 4) : '2025';
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/**
 * The files with names unique within the import (« rna.csv » from two folders becomes « rna.csv »
 * and « rna (2).csv »): the report and the rejected-rows files are named after them.
 */
function withUniqueNames<F extends Partial<ImportFiles>>(files: F): F {
  const seen = new Map<string, number>();
  const rename = (source: ImportSource): ImportSource => {
    const count = (seen.get(source.name) ?? 0) + 1;
    seen.set(source.name, count);
    if (count === 1) return source;
    const name = source.name.replace(/(\.[^.]*)?$/, (extension) => ` (${count})${extension}`);
    return { ...source, name };
  };
  const one = (source: ImportSource | undefined) => (source ? rename(source) : undefined);
  return {
    ...files,
    communes: one(files.communes),
    waldec: one(files.waldec),
    associations: files.associations?.map(rename),
    grants: files.grants?.map(rename),
    exchanges: exchangeList(files.exchanges).map(rename),
    offers: one(files.offers),
  };
}

/** Progress through an import's files, and within the file under way. */
function progressOf(files: ImportFiles, options: ImportOptions) {
  const total =
    3 +
    (files.grants?.length ?? 0) +
    files.associations.length +
    exchangeList(files.exchanges).length +
    (files.offers ? 1 : 0) +
    (files.waldec ? 1 : 0);
  let done = 0;
  return {
    step: (name: string) => options.onProgress?.(name, done++, total),
    within: (name: string) => (fraction: number) => options.onProgress?.(name, done - 1 + fraction, total),
  };
}

/** Counts rows written per table, on the way to the sink. */
function counting(sink: DatasetSink) {
  const counts: Record<string, number> = {
    communes: 0,
    associations: 0,
    echanges: 0,
    subventions: 0,
    offres_besoins: 0,
    lieux: 0,
    enquetes: 0,
  };
  const write = async <T extends TableName>(table: T, rows: readonly TableRows[T][]) => {
    counts[table] = (counts[table] ?? 0) + rows.length;
    await sink.write(table, rows);
  };
  return { counts, write };
}

/**
 * Turns a territory's files into a dataset: communes first (the territory), then associations
 * placed in it, then what links to them (grants, exchanges, offers). Every file is streamed and
 * its rows handed to `sink` in batches, so memory stays bounded whatever the files' size; the
 * same code runs in Node (`npm run import`) and in the page's Web Worker.
 */
export async function importDataset(
  files: ImportFiles,
  cog: Cog,
  options: ImportOptions,
  sink: DatasetSink,
): Promise<ImportedDataset> {
  files = withUniqueNames(files);
  const progress = progressOf(files, options);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const { counts, write } = counting(sink);
  const budget = new DetailBudget();
  const reports: FileReport[] = [];
  progress.step(files.communes.name);
  const text = await readTextFile(files.communes, options.hasher?.());
  const communes = importCommunes(files.communes.name, text.text, text.sha256, cog);
  reports.push(communes.report);
  if (communes.rows.length === 0) {
    const first = communes.report.rejected[0]?.reasons[0];
    throw new ImportError(
      files.communes.name,
      `aucune commune lisible sur ${communes.report.rowsRead} entités${first ? ` (entité ${first.row ?? '?'} : ${first.message_fr})` : ''} — un fichier de contours de communes est attendu`,
    );
  }
  await write('communes', communes.rows);
  const [west = 0, south = 0, east = 0, north = 0] = bbox(communes.outlines);
  await sink.outlines(communes.outlines);
  let labels: ReadonlyMap<string, string> = new Map();
  if (files.waldec) {
    progress.step(files.waldec.name);
    const nomenclature = await importWaldecNomenclature(files.waldec, {
      sheet: options.sheet,
      hasher: options.hasher,
      budget,
      rejects: sink.rejects?.(files.waldec.name),
    });
    labels = nomenclature.labels;
    reports.push(nomenclature.report);
  }
  const grants = (files.grants?.length ?? 0) > 0;
  const index = new AssociationIndexBuilder({
    sirets: grants || exchangeList(files.exchanges).length > 0 || Boolean(files.offers),
    names: grants,
  });
  const territory = { cog, communes: new Map(communes.rows.map((c) => [c.code_insee, c])) };
  const placed = new Map<string, number>();
  const rnaDates = new DateSpan();
  const seats = new RnaSharedSeats(await seatSalt(files.associations, options.hasher));
  for (const file of files.associations) {
    progress.step(file.name);
    const imported = await importRna(file, {
      territory,
      labels,
      index,
      placed,
      today,
      allowEmpty: options.allowEmpty,
      sheet: options.sheet,
      hasher: options.hasher,
      budget,
      rejects: sink.rejects?.(file.name),
      onProgress: progress.within(file.name),
      seats,
      write: async (rows) => {
        for (const row of rows) {
          rnaDates.add(row.date_creation);
          rnaDates.add(row.date_derniere_declaration);
          rnaDates.add(row.date_dissolution);
        }
        await write('associations', rows);
      },
    });
    reports.push(imported.report);
  }
  const shared = seats.finish();
  const linked = await importLinked(files, cog, index, { ...options, today, budget }, sink, write, progress);
  reports.push(...linked.reports);
  // Places are named once the period is known: by associations active at its end, as the map
  // counts them (a place of dormant associations is not named).
  const period = options.period ?? periodOf(linked.exchanges, linked.grants, rnaDates);
  const active = await sink.remapSeats(shared.remap, {
    keys: new Set(shared.places.map((p) => p.cle)),
    end: period.end,
  });
  await write(
    'lieux',
    shared.places.filter((p) => (active.get(p.cle) ?? 0) >= PLACE_FROM),
  );
  progress.step('jeu de données');
  // A template's associations sheet is part of its exchange file, already a source.
  const sources = reports.filter((r) => !linked.surveys.has(r));
  const departements = [...new Set(communes.rows.map((c) => c.departement_code))].sort();
  const places = departements.map((d) => cog.departementName(d) ?? d).join(', ');
  const manifest: ManifestDraft = {
    schema_version: DATASET_SCHEMA_VERSION,
    id: options.id,
    name: options.name ?? `${places} (${communes.rows.length} communes)`,
    fictional: false,
    description: `Jeu de données importé de fichiers publics : ${sources.map((r) => r.file).join(', ')}.`,
    period,
    bbox: [west, south, east, north].map((v) => Math.round(v * 1e5) / 1e5) as [
      number,
      number,
      number,
      number,
    ],
    events: [],
    sources: [
      ...sources.map((r) => ({
        name: `${r.file} (sha256 ${r.sha256.slice(0, 16)}…)`,
        licence: LICENCES[r.kind] ?? '',
        url: null,
      })),
      { name: cog.source, licence: 'Licence Ouverte (INSEE, DGCL, La Poste)', url: null },
    ],
    generator: null,
    coverage: coverageOf(exchangeList(files.exchanges), linked.templates, counts),
  };
  progress.step('terminé');
  return { manifest, report: importReport(reports, counts) };
}

/**
 * What the exchange data covers: the ends of the exchanges and the associations asked (named by
 * the `templates`' associations sheets), or none.
 */
function coverageOf(
  exchangeFiles: readonly ImportSource[],
  templates: readonly string[],
  counts: Readonly<Record<string, number>>,
): ManifestDraft['coverage'] {
  const exchanges = counts['echanges'] ?? 0;
  const surveyed = counts['enquetes'] ?? 0;
  if (exchanges === 0 && surveyed === 0)
    return {
      mode: 'aucune',
      description:
        'Aucun fichier d’échanges : les indicateurs de coopération sont non renseignés. Ajoutez un fichier d’échanges au format publié (« Ouvrir vos fichiers » ou npm run import -- --exchanges).',
    };
  const plural = surveyed > 1 ? 's' : '';
  const said = [
    ...(exchanges > 0 ? [`Échanges déclarés dans ${exchangeFiles.map((f) => f.name).join(', ')}`] : []),
    ...(surveyed > 0
      ? [
          `${surveyed.toLocaleString('fr-FR')} association${plural} enquêtée${plural} (sollicitée${plural} pour déclarer ${surveyed > 1 ? 'leurs' : 'ses'} échanges, feuille « Associations » de ${templates.join(', ')})`,
        ]
      : []),
  ];
  return {
    mode: 'echanges',
    description: `${said.join(' ; ')} : seules les associations ${surveyed > 0 ? 'enquêtées ou ' : ''}qui figurent dans les échanges sont couvertes.`,
  };
}

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
async function importLinked(
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
