import { z } from 'zod';

import { DATASET_SCHEMA_VERSION, DATASET_TABLES, OPTIONAL_TABLES, type TableName } from './schema/index.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ');
/** A file name inside the dataset folder: no directory part, so a manifest cannot point elsewhere. */
const fileName = z.string().regex(/^[A-Za-z0-9_.-]+$/, 'nom de fichier simple attendu (sans dossier)');

const fileEntry = z.object({
  file: fileName,
  rows: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'empreinte sha256 attendue (64 caractères hexadécimaux)'),
});

type RequiredTable = Exclude<TableName, 'lieux' | 'enquetes'>;
/** Every table's file; the tables added since 1.1.0 may be absent (they load empty). */
const tableEntries = Object.fromEntries(
  DATASET_TABLES.map((table) => [
    table.name,
    OPTIONAL_TABLES.has(table.name) ? fileEntry.optional() : fileEntry,
  ]),
) as Record<RequiredTable, typeof fileEntry> & Record<'lieux' | 'enquetes', z.ZodOptional<typeof fileEntry>>;

const manifestSchema = z.object({
  schema_version: z.string(),
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  fictional: z.boolean(),
  description: z.string(),
  period: z.object({ start: isoDate, end: isoDate }),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  events: z.array(z.object({ date: isoDate, label: z.string() })),
  sources: z.array(z.object({ name: z.string(), licence: z.string(), url: z.string().nullable() })),
  generator: z
    .object({
      script: z.string(),
      seed: z.number().int(),
      options: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
    })
    .nullable(),
  /**
   * Which associations the exchange data covers (surveyed, or reported by an exchange source):
   * `toutes` every association, `echanges` the ends of the exchanges, `aucune` none. Cooperation
   * figures are computed on covered associations only, and read « non renseigné » without any.
   * Absent from datasets written before it: `echanges` when there are exchanges, else `aucune`.
   */
  coverage: z.object({ mode: z.enum(['toutes', 'echanges', 'aucune']), description: z.string() }).optional(),
  tables: z.object(tableEntries),
  geometry: z.object({ communes: fileEntry.extend({ format: z.literal('geojson') }) }),
});

/** The `manifest.json` of a dataset folder: what the dataset is, and a checksum for every file. */
export type DatasetManifest = z.infer<typeof manifestSchema>;
/** One file of a dataset, as listed in its manifest. */
export type DatasetFileEntry = z.infer<typeof fileEntry>;

/** Name of the manifest file in a dataset folder. */
export const MANIFEST_FILE = 'manifest.json';

/** Raised when a manifest is missing, malformed or of an unsupported version. */
export class ManifestError extends Error {
  override name = 'ManifestError';
}

/**
 * Parses and checks a manifest. Throws a `ManifestError` whose French message names the field
 * at fault, e.g. « tables.echanges.sha256 : empreinte sha256 attendue ».
 */
export function parseManifest(text: string, where = MANIFEST_FILE): DatasetManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`${where} n’est pas un JSON valide (${(error as Error).message}).`);
  }
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    const details = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(racine)'} : ${issue.message}`)
      .join(' ; ');
    throw new ManifestError(`${where} est invalide — ${details}.`);
  }
  const manifest = result.data;
  const [major] = manifest.schema_version.split('.');
  const [supportedMajor] = DATASET_SCHEMA_VERSION.split('.');
  if (major !== supportedMajor) {
    throw new ManifestError(
      `${where} : version de format ${manifest.schema_version} non prise en charge (attendue : ${DATASET_SCHEMA_VERSION}).`,
    );
  }
  return manifest;
}

/** The table files a manifest lists (absent tables have none). */
export function tableFiles(manifest: DatasetManifest): string[] {
  return Object.values(manifest.tables).flatMap((entry) => (entry ? [entry.file] : []));
}
