import type { FeatureCollection } from 'geojson';
import { bbox } from '@turf/turf';

import type { DatasetManifest } from '../data/manifest.ts';
import type { AssociationRow, CommuneRow, ExchangeRow, GrantRow, OfferRow } from '../data/schema/index.ts';
import { DATASET_SCHEMA_VERSION } from '../data/schema/index.ts';
import type { Cog } from './cog.ts';
import { importCommunes } from './communes.ts';
import { ImportError, importReport, type FileReport, type ImportReport } from './report.ts';
import { importRna, spreadAtCommunes } from './rna.ts';
import { associationIndex, importGrants } from './scdl.ts';
import { importExchanges, importOffers } from './schema-csv.ts';
import { decodeText } from './text.ts';
import { importWaldecNomenclature } from './waldec-nomenclature.ts';

/** One input file: its name (for messages), its bytes and their sha256 (computed by the caller). */
export interface ImportFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** The files of an import: commune outlines and the RNA are needed; the rest is optional. */
export interface ImportFiles {
  readonly communes: ImportFile;
  readonly associations: readonly ImportFile[];
  readonly exchanges?: ImportFile | undefined;
  readonly grants?: readonly ImportFile[] | undefined;
  readonly offers?: ImportFile | undefined;
  readonly waldec?: ImportFile | undefined;
}

export interface ImportOptions {
  readonly id: string;
  readonly name?: string | undefined;
  /** The dataset's period; by default, the exchanges' months, else the grants' years, else the RNA's last year. */
  readonly period?: { readonly start: string; readonly end: string } | undefined;
  readonly onProgress?: ((step: string, done: number, total: number) => void) | undefined;
}

export interface ImportedTables {
  readonly communes: CommuneRow[];
  readonly associations: AssociationRow[];
  readonly echanges: ExchangeRow[];
  readonly subventions: GrantRow[];
  readonly offres_besoins: OfferRow[];
}

/** Everything but the files' sizes and checksums, which depend on how they are written. */
export type ManifestDraft = Omit<DatasetManifest, 'tables' | 'geometry'>;

export interface ImportedDataset {
  readonly tables: ImportedTables;
  readonly outlines: FeatureCollection;
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

function monthEnd(date: string): string {
  const [year = 0, month = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The period: exchanges' months, else grants' years, else the calendar year of the RNA's latest date. */
function periodOf(tables: ImportedTables): { start: string; end: string } {
  const span = (dates: (string | null)[]) => {
    const known = dates.filter((d): d is string => d !== null).sort();
    return known.length > 0 ? { first: known[0] as string, last: known[known.length - 1] as string } : null;
  };
  const exchanges = span(tables.echanges.map((e) => e.date_debut));
  if (exchanges) return { start: `${exchanges.first.slice(0, 7)}-01`, end: monthEnd(exchanges.last) };
  // Only grants to the territory's associations matter to the indicators.
  const grants = span(
    tables.subventions.filter((g) => g.association_id !== null).map((g) => g.dateConvention),
  );
  if (grants) return { start: `${grants.first.slice(0, 4)}-01-01`, end: `${grants.last.slice(0, 4)}-12-31` };
  const rna = span(
    tables.associations.flatMap((a) => [a.date_creation, a.date_derniere_declaration, a.date_dissolution]),
  );
  const year = rna ? rna.last.slice(0, 4) : '2025';
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/**
 * Turns a territory's files into a dataset: communes first (the territory), then associations
 * placed in it, then what links to them (grants, exchanges, offers). Pure: the caller reads and
 * writes the files (Node script or browser), so the same code runs in both.
 */
export function importDataset(files: ImportFiles, cog: Cog, options: ImportOptions): ImportedDataset {
  const steps =
    3 +
    (files.grants?.length ?? 0) +
    (files.exchanges ? 1 : 0) +
    (files.offers ? 1 : 0) +
    (files.waldec ? 1 : 0);
  let done = 0;
  const progress = (step: string) => options.onProgress?.(step, done++, steps);
  /** Progress within the step under way (`done` already counts it). */
  const within = (step: string) => (rows: number, total: number) =>
    options.onProgress?.(step, done - 1 + (total > 0 ? rows / total : 0), steps);
  const reports: FileReport[] = [];

  progress(files.communes.name);
  const communeText = decodeText(files.communes.bytes).text;
  const communes = importCommunes(files.communes.name, communeText, files.communes.sha256, cog);
  reports.push(communes.report);
  if (communes.rows.length === 0) {
    const first = communes.report.rejected[0]?.reasons[0];
    throw new ImportError(
      files.communes.name,
      `aucune commune lisible sur ${communes.report.rowsRead} entités${first ? ` (entité ${first.row ?? '?'} : ${first.message_fr})` : ''} — un fichier de contours de communes est attendu`,
    );
  }

  let labels: ReadonlyMap<string, string> = new Map();
  if (files.waldec) {
    progress(files.waldec.name);
    const nomenclature = importWaldecNomenclature(
      files.waldec.name,
      decodeText(files.waldec.bytes),
      files.waldec.sha256,
    );
    labels = nomenclature.labels;
    reports.push(nomenclature.report);
  }

  // Rows are gathered with concat, not push(...rows): a national RNA file has more rows than a
  // call can take arguments.
  let read: AssociationRow[] = [];
  for (const file of files.associations) {
    progress(file.name);
    const seen = new Set(read.map((a) => a.id));
    const imported = importRna(
      file.name,
      decodeText(file.bytes),
      file.sha256,
      cog,
      communes.rows,
      labels,
      seen,
      within(file.name),
    );
    read = read.concat(imported.rows);
    reports.push(imported.report);
  }
  const associations = spreadAtCommunes(read);
  const linked = importLinkedFiles(files, cog, associations, progress);
  reports.push(...linked.reports);
  const { subventions, echanges, offres_besoins: offres } = linked.tables;
  progress('jeu de données');

  const tables: ImportedTables = {
    communes: communes.rows,
    associations,
    echanges,
    subventions,
    offres_besoins: offres,
  };
  const departements = [...new Set(communes.rows.map((c) => c.departement_code))].sort();
  const places = departements.map((d) => cog.departementName(d) ?? d).join(', ');
  const [west = 0, south = 0, east = 0, north = 0] = bbox(communes.outlines);
  const manifest: ManifestDraft = {
    schema_version: DATASET_SCHEMA_VERSION,
    id: options.id,
    name: options.name ?? `${places} (${communes.rows.length} communes)`,
    fictional: false,
    description: `Jeu de données importé de fichiers publics : ${reports.map((r) => r.file).join(', ')}.`,
    period: options.period ?? periodOf(tables),
    bbox: [west, south, east, north].map((v) => Math.round(v * 1e5) / 1e5) as [
      number,
      number,
      number,
      number,
    ],
    events: [],
    sources: [
      ...reports.map((r) => ({
        name: `${r.file} (sha256 ${r.sha256.slice(0, 16)}…)`,
        licence: LICENCES[r.kind] ?? '',
        url: null,
      })),
      { name: cog.source, licence: 'Licence Ouverte (INSEE, DGCL, La Poste)', url: null },
    ],
    generator: null,
  };
  progress('terminé');
  return {
    tables,
    outlines: communes.outlines,
    manifest,
    report: importReport(reports, tables),
  };
}

/** Files added to a dataset already loaded (a funder's private grants file, say). */
export interface AdditionFiles {
  readonly grants?: readonly ImportFile[] | undefined;
  readonly exchanges?: ImportFile | undefined;
  readonly offers?: ImportFile | undefined;
}

/** Rows to append to the loaded dataset's tables, and the report of the files read. */
export interface ImportedAdditions {
  readonly tables: Pick<ImportedTables, 'subventions' | 'echanges' | 'offres_besoins'>;
  readonly report: ImportReport;
}

/**
 * Reads grants, exchanges or offers against the associations of a dataset already loaded: the
 * same validation as a full import, the rows then appended to the dataset's tables.
 */
export function importAdditions(
  files: AdditionFiles,
  cog: Cog,
  associations: readonly Pick<AssociationRow, 'id' | 'siret' | 'commune_code'>[],
): ImportedAdditions {
  const { tables, reports } = importLinkedFiles(files, cog, associations);
  return {
    tables,
    report: importReport(reports, tables),
  };
}

/** Grants, exchanges and offers read against a set of associations (a full import or additions). */
function importLinkedFiles(
  files: AdditionFiles,
  cog: Cog,
  associations: readonly Pick<AssociationRow, 'id' | 'siret' | 'commune_code'>[],
  onFile: (name: string) => void = () => {},
): { tables: ImportedAdditions['tables']; reports: FileReport[] } {
  const index = associationIndex(associations);
  const reports: FileReport[] = [];
  let subventions: GrantRow[] = [];
  for (const file of files.grants ?? []) {
    onFile(file.name);
    const imported = importGrants(file.name, decodeText(file.bytes), file.sha256, index);
    subventions = subventions.concat(imported.rows);
    reports.push(imported.report);
  }
  let echanges: ExchangeRow[] = [];
  if (files.exchanges) {
    onFile(files.exchanges.name);
    const communeOf = new Map(associations.map((a) => [a.id, a.commune_code]));
    const imported = importExchanges(
      files.exchanges.name,
      decodeText(files.exchanges.bytes),
      files.exchanges.sha256,
      { ...index, communeOf },
      cog,
    );
    echanges = imported.rows;
    reports.push(imported.report);
  }
  let offres: OfferRow[] = [];
  if (files.offers) {
    onFile(files.offers.name);
    const imported = importOffers(
      files.offers.name,
      decodeText(files.offers.bytes),
      files.offers.sha256,
      index,
    );
    offres = imported.rows;
    reports.push(imported.report);
  }
  return { tables: { subventions, echanges, offres_besoins: offres }, reports };
}
