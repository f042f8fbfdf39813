/**
 * `npm run import` — turns a territory's official files into a dataset folder (same format as
 * the demo), an import report and, for each file with rejected rows, a CSV of them to fix.
 *
 *   npm run import -- --communes <contours.geojson> --associations <rna.csv|.xlsx> [--associations …]
 *     [--exchanges <echanges.csv|modele-rempli.xlsx|.ods> …] [--grants <subventions.csv|.xlsx|.ods|.xls> …]
 *     [--offers <offres.csv>]
 *     [--waldec <nomenclature.csv>] --out <dataset folder> [--id <id>] [--name <nom>]
 *     [--from AAAA-MM-JJ --to AAAA-MM-JJ] [--sheet <feuille>] [--allow-empty] [--quiet]
 *
 * Several exchange files (collection templates sent back by several associations) are read as
 * one table: a row declared again is rejected, naming the file and row kept.
 * Files are streamed: the national RNA imports with bounded memory. The output folder must be
 * new, empty or a dataset this command wrote; anything else is refused before any work. A fatal
 * problem exits with 1 naming the file, line and column, and leaves nothing behind; so does an
 * interruption. An impossible period (--from/--to not a date, or reversed) exits with 2.
 * Same files in, byte-identical dataset out.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { SingleBar } from 'cli-progress';

import { importDataset, type ImportFiles } from '../src/import/import-dataset.ts';
import { issueSentence } from '../src/import/issue-text.ts';
import { ImportError, type ImportReport } from '../src/import/report.ts';
import { isRealDay, periodProblem, periodProblemFr } from '../src/indicators/period-check.ts';
import { loadCog } from './lib/cog-node.ts';
import { DatasetFolderSink } from './lib/dataset-folder-sink.ts';
import { DatasetWriter, removeOnSignal } from './lib/dataset-writer.ts';
import { fileSource, nodeSha256 } from './lib/file-source.ts';
import { checkInputFile, InputFileError } from './lib/input-file.ts';
import { DATASET_EXTRAS, OutputFolderError } from './lib/output-folder.ts';

/** Name of the report written in the dataset folder. */
export const REPORT_FILE = DATASET_EXTRAS.report;

class UsageError extends Error {}

/** An impossible --from/--to period (not a date, reversed): exit code 2, as `npm run indicators`. */
export class PeriodError extends Error {}

export function parseImportArgs(argv: readonly string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        communes: { type: 'string' },
        associations: { type: 'string', multiple: true },
        exchanges: { type: 'string', multiple: true },
        grants: { type: 'string', multiple: true },
        offers: { type: 'string' },
        waldec: { type: 'string' },
        out: { type: 'string' },
        id: { type: 'string' },
        name: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        sheet: { type: 'string' },
        today: { type: 'string' },
        'allow-empty': { type: 'boolean', default: false },
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
  const period = periodProblem(values.from, values.to, 'day', { from: '--from', to: '--to' });
  if (period) throw new PeriodError(`période impossible : ${periodProblemFr(period)}`);
  if (values.today !== undefined && !isRealDay(values.today))
    throw new UsageError(`--today : date AAAA-MM-JJ réelle attendue, reçu « ${values.today} ».`);
  const out = resolve(values.out);
  const id =
    values.id ??
    out
      .split(/[\\/]/)
      .pop()
      ?.toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-|-$/g, '') ??
    '';
  if (!/^[a-z0-9-]+$/.test(id))
    throw new UsageError(`--id attend des minuscules, chiffres et tirets, reçu « ${id} ».`);
  return {
    ...values,
    out,
    given: values.out,
    id,
    associations: values.associations,
    exchanges: values.exchanges ?? [],
    grants: values.grants ?? [],
  };
}

type Args = ReturnType<typeof parseImportArgs>;

/** Every input checked before any work: a missing file, a folder or a FIFO fails at once. */
async function inputs(args: Args): Promise<ImportFiles> {
  const source = async (path: string) => fileSource(path, (await checkInputFile(path)).size);
  const optional = (path: string | undefined) => (path ? source(path) : Promise.resolve(undefined));
  return {
    communes: await source(args.communes as string),
    associations: await Promise.all(args.associations.map(source)),
    exchanges: await Promise.all(args.exchanges.map(source)),
    grants: await Promise.all(args.grants.map(source)),
    offers: await optional(args.offers),
    waldec: await optional(args.waldec),
  };
}

/** The report in sentences: per file, rows read = kept + rejected, how its lines divide, and why. */
export function summarise(report: ImportReport): string {
  const number = (n: number) => n.toLocaleString('fr-FR');
  const lines: string[] = [];
  for (const file of report.files) {
    lines.push(`${file.file} — ${file.format}, ${file.encoding}`);
    lines.push(
      `  ${number(file.rowsRead)} lues = ${number(file.rowsKept)} gardées + ${number(file.rowsRejected)} rejetées`,
    );
    if (file.lines) {
      const l = file.lines;
      const breaks = l.recordLines - l.records;
      lines.push(
        `  ${number(l.physical)} ${l.unit} = ${number(l.header)} d’en-tête + ${number(l.title)} de titre + ${number(l.blank)} vides + ${number(l.recordLines)} d’enregistrements${breaks > 0 ? ` (${number(l.records)} enregistrements, ${number(breaks)} retours à la ligne dans des champs entre guillemets)` : ''}`,
      );
    }
    for (const s of file.summary)
      lines.push(`  ${s.severity === 'rejet' ? 'rejet : ' : ''}${issueSentence(s, 'fr', number)}`);
    for (const [note, n] of Object.entries(file.notes)) lines.push(`  ${note} : ${number(n)}`);
  }
  lines.push(
    `Jeu de données : ${Object.entries(report.tables)
      .map(([t, n]) => `${t} ${number(n)}`)
      .join(', ')}`,
    `Conservation des lignes (lues = gardées + rejetées, lignes du fichier toutes comptées) : ${report.conserved ? 'vérifiée pour chaque fichier' : 'ÉCHEC'}`,
  );
  return lines.join('\n');
}

/** What to type next to see the dataset. */
function nextStep(args: Args): string {
  const data = resolve('public/data');
  const inside = relative(data, args.out);
  if (!inside.startsWith('..') && !inside.includes('/') && inside !== '')
    return `Pour le voir : PUBLIC_SYMBIOSE_DATASET=${inside} npm start   (ou : npm run indicators -- --data ${args.given})`;
  return `Pour le voir : copiez le dossier dans public/data/${args.id}, puis PUBLIC_SYMBIOSE_DATASET=${args.id} npm start   (ou : npm run indicators -- --data ${args.given})`;
}

function progressBar(quiet: boolean) {
  const bar = new SingleBar({
    format: 'import [{bar}] {percentage}% {step}',
    stream: process.stderr,
    hideCursor: true,
  });
  const shown = !quiet && process.stderr.isTTY;
  if (shown) bar.start(1, 0, { step: '' });
  return {
    update: (step: string, done: number, total: number) => {
      if (!shown) return;
      bar.setTotal(total);
      bar.update(done, { step });
    },
    stop: () => shown && bar.stop(),
  };
}

async function main(): Promise<void> {
  const args = parseImportArgs(process.argv.slice(2));
  const files = await inputs(args);
  const writer = await DatasetWriter.create(args.given);
  removeOnSignal(writer);
  const bar = progressBar(args.quiet);
  try {
    const sink = new DatasetFolderSink(writer);
    const dataset = await importDataset(
      files,
      await loadCog(),
      {
        id: args.id,
        name: args.name,
        period: args.from && args.to ? { start: args.from, end: args.to } : undefined,
        today: args.today,
        allowEmpty: args['allow-empty'],
        sheet: args.sheet,
        hasher: nodeSha256,
        onProgress: bar.update,
      },
      sink,
    );
    bar.stop();
    await sink.finish();
    const geometry = sink.geometry;
    if (!geometry) throw new Error('contours des communes non écrits');
    await writer.writeText(REPORT_FILE, `${JSON.stringify(dataset.report, null, 2)}\n`);
    const tables = Object.fromEntries(writer.tables()) as Parameters<typeof writer.commit>[0]['tables'];
    await writer.commit({ ...dataset.manifest, tables, geometry: { communes: geometry } });
    if (!args.quiet) console.error(summarise(dataset.report));
    console.error(
      `Écrit : ${args.given} (rapport : ${REPORT_FILE}${dataset.report.files.some((f) => f.rowsRejected > 0) ? `, lignes rejetées : ${DATASET_EXTRAS.rejects}/` : ''})`,
    );
    console.error(nextStep(args));
  } catch (error) {
    bar.stop();
    await writer.abort();
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    const known = [UsageError, PeriodError, ImportError, OutputFolderError, InputFileError].some(
      (k) => error instanceof k,
    );
    console.error(`Erreur : ${known || error instanceof Error ? (error as Error).message : String(error)}`);
    if (error instanceof UsageError || error instanceof PeriodError)
      console.error(
        'Usage : npm run import -- --communes <contours.geojson> --associations <rna.csv> [--grants <subventions.csv|.xlsx>] [--exchanges <echanges.csv|.xlsx|.ods> …] [--offers <offres.csv>] [--allow-empty] --out <dossier>',
      );
    process.exit(error instanceof PeriodError ? 2 : 1);
  });
}
