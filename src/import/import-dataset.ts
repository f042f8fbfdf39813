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
import { AssociationIndexBuilder } from './association-index.ts';
import { DateSpan } from './date-span.ts';
import type { Cog } from './cog.ts';
import { importCommunes } from './communes.ts';
import {
  counting,
  exchangeList,
  progressOf,
  withUniqueNames,
  type ExchangeFiles,
} from './import-bookkeeping.ts';
import { importLinked } from './import-linked.ts';
import { coverageOf, LICENCES, periodOf } from './manifest-fields.ts';
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
import { readTextFile } from './text-file.ts';
import type { Hasher, ImportSource } from './source.ts';
import { importWaldecNomenclature } from './waldec-nomenclature.ts';

export { importAdditions, type AdditionFiles } from './import-linked.ts';

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
