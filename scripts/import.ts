/**
 * `npm run import` — turns a territory's official files into a dataset folder (same format as
 * the demo) and an import report.
 *
 *   npm run import -- --communes <contours.geojson> --associations <rna.csv> [--associations …]
 *     [--exchanges <echanges.csv>] [--grants <subventions.csv> …] [--offers <offres_besoins.csv>]
 *     [--waldec <nomenclature.csv>] --out <dataset folder> [--id <id>] [--name <nom>]
 *     [--from AAAA-MM-JJ --to AAAA-MM-JJ] [--quiet]
 *
 * The report (every file: rows read = kept + rejected, each rejected row with its reasons) is
 * written to <out>/rapport-import.json and summarised on the terminal. A fatal problem (unreadable
 * file, missing required column) exits with 1 naming the file, line and column, and leaves no
 * dataset folder behind. Same files in, byte-identical dataset out.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { SingleBar } from 'cli-progress';

import {
  ASSOCIATIONS_TABLE,
  COMMUNES_TABLE,
  EXCHANGES_TABLE,
  GRANTS_TABLE,
  OFFERS_TABLE,
  type RowOf,
  type TableDefinition,
  type TableName,
} from '../src/data/schema/index.ts';
import { importDataset, type ImportFile, type ImportedDataset } from '../src/import/import-dataset.ts';
import { countByCode, ImportError, type ImportReport, type Issue } from '../src/import/report.ts';
import { loadCog } from './lib/cog-node.ts';
import { DatasetWriter } from './lib/dataset-writer.ts';

/** Name of the report written in the dataset folder. */
export const REPORT_FILE = 'rapport-import.json';

class UsageError extends Error {}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseImportArgs(argv: readonly string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        communes: { type: 'string' },
        associations: { type: 'string', multiple: true },
        exchanges: { type: 'string' },
        grants: { type: 'string', multiple: true },
        offers: { type: 'string' },
        waldec: { type: 'string' },
        out: { type: 'string' },
        id: { type: 'string' },
        name: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        quiet: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!values.communes) throw new UsageError('--communes <contours.geojson> est obligatoire.');
  if (!values.associations?.length) throw new UsageError('--associations <rna.csv> est obligatoire.');
  if (!values.out) throw new UsageError('--out <dossier du jeu de données> est obligatoire.');
  if ((values.from === undefined) !== (values.to === undefined))
    throw new UsageError('--from et --to vont ensemble.');
  for (const date of [values.from, values.to])
    if (date !== undefined && !ISO_DATE.test(date))
      throw new UsageError(`date AAAA-MM-JJ attendue, reçu « ${date} ».`);
  const out = resolve(values.out);
  const id =
    values.id ??
    basename(out)
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-|-$/g, '');
  if (!/^[a-z0-9-]+$/.test(id))
    throw new UsageError(`--id attend des minuscules, chiffres et tirets, reçu « ${id} ».`);
  return { ...values, out, id, associations: values.associations, grants: values.grants ?? [] };
}

async function inputFile(path: string): Promise<ImportFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ImportError(
      basename(path),
      `fichier illisible (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  return {
    name: basename(path),
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

function* batches<T>(rows: readonly T[], size = 50_000): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** Writes the imported dataset atomically: nothing is left behind if anything fails. */
export async function writeDataset(out: string, dataset: ImportedDataset): Promise<void> {
  const writer = await DatasetWriter.create(out);
  try {
    const write = <T extends TableDefinition & { name: TableName }>(table: T, rows: readonly RowOf<T>[]) =>
      writer.writeTable(table, batches(rows));
    await write(COMMUNES_TABLE, dataset.tables.communes);
    await write(ASSOCIATIONS_TABLE, dataset.tables.associations);
    await write(EXCHANGES_TABLE, dataset.tables.echanges);
    await write(GRANTS_TABLE, dataset.tables.subventions);
    await write(OFFERS_TABLE, dataset.tables.offres_besoins);
    const geometry = await writer.writeGeometry('communes.geojson', dataset.outlines);
    await writer.writeText(REPORT_FILE, `${JSON.stringify(dataset.report, null, 2)}\n`);
    const tables = Object.fromEntries(writer.tables()) as Record<TableName, typeof geometry>;
    await writer.commit({ ...dataset.manifest, tables, geometry: { communes: geometry } });
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** « 3 799 lues, 3 611 gardées, 188 rejetées » and the reasons, for the terminal. */
export function summarise(report: ImportReport): string {
  const number = (n: number) => n.toLocaleString('fr-FR');
  const lines: string[] = [];
  const counts = (issues: readonly { code: Issue['code'] }[]) => countByCode(issues, number);
  for (const file of report.files) {
    lines.push(`${file.file} — ${file.format}, ${file.encoding}`);
    lines.push(
      `  ${number(file.rowsRead)} lues = ${number(file.rowsKept)} gardées + ${number(file.rowsRejected)} rejetées`,
    );
    if (file.rowsRejected > 0) lines.push(`  rejets : ${counts(file.rejected.flatMap((r) => r.reasons))}`);
    if (file.warnings.length > 0) lines.push(`  avertissements : ${counts([...file.warnings])}`);
    for (const [note, n] of Object.entries(file.notes)) lines.push(`  ${note} : ${number(n)}`);
  }
  lines.push(
    `Jeu de données : ${Object.entries(report.tables)
      .map(([t, n]) => `${t} ${number(n)}`)
      .join(', ')}`,
    `Conservation des lignes (lues = gardées + rejetées) : ${report.conserved ? 'vérifiée pour chaque fichier' : 'ÉCHEC'}`,
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = parseImportArgs(process.argv.slice(2));
  const files = {
    communes: await inputFile(args.communes as string),
    associations: await Promise.all(args.associations.map(inputFile)),
    exchanges: args.exchanges ? await inputFile(args.exchanges) : undefined,
    grants: await Promise.all(args.grants.map(inputFile)),
    offers: args.offers ? await inputFile(args.offers) : undefined,
    waldec: args.waldec ? await inputFile(args.waldec) : undefined,
  };
  const cog = await loadCog();
  const bar = new SingleBar({
    format: 'import [{bar}] {percentage}% {step}',
    stream: process.stderr,
    noTTYOutput: false,
    hideCursor: true,
  });
  if (!args.quiet && process.stderr.isTTY) bar.start(1, 0, { step: '' });
  const dataset = importDataset(files, cog, {
    id: args.id,
    name: args.name,
    period: args.from && args.to ? { start: args.from, end: args.to } : undefined,
    onProgress: (step, done, total) => {
      if (!args.quiet && process.stderr.isTTY) {
        bar.setTotal(total);
        bar.update(done, { step });
      }
    },
  });
  if (!args.quiet && process.stderr.isTTY) bar.stop();
  await writeDataset(args.out, dataset);
  if (!args.quiet) console.error(summarise(dataset.report));
  console.error(`Écrit : ${args.out} (rapport : ${REPORT_FILE})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    const known = error instanceof UsageError || error instanceof ImportError;
    console.error(`Erreur : ${known || error instanceof Error ? (error as Error).message : String(error)}`);
    if (error instanceof UsageError)
      console.error(
        'Usage : npm run import -- --communes <contours.geojson> --associations <rna.csv> [--grants <subventions.csv>] [--exchanges <echanges.csv>] [--offers <offres.csv>] --out <dossier>',
      );
    process.exit(1);
  });
}
