/**
 * `npm run bench:import` — speed and memory of the real import command on synthetic RNA files of
 * growing size (issue 9 §4: the national RNA, about 1.9 million rows, imports with bounded memory).
 *
 *   npm run bench:import -- [--sizes 10000,100000,2000000] [--runs N] [--communes N]
 *     [--split largest|all|none] [--node-option <option of node> …] [--keep]
 *
 * In a temporary folder (removed at the end, also on error or Ctrl-C) it writes, by streaming:
 * the outlines of every metropolitan commune of today (or `--communes N` of them) as tiny
 * squares, and for each size an RNA file in the `rna_waldec` layout with the official quirks —
 * plus, for the largest size (`--split`), the same rows as one file per département. Each file
 * set is imported by `scripts/import.ts` in a child process: wall time (median of `--runs`, by
 * default 3, 1 from a million rows), peak RSS reported by the child, and the import report
 * checked against what the synthetic rows must give. Nothing is asserted on time or memory; a
 * wrong import report makes the command exit with 1. `--node-option` passes an option to the
 * child's Node (e.g. `--node-option=--max-old-space-size=512`), to try a memory setting.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { checkReport, runImport, type ImportInputs, type RunMeasure } from './bench-import/run.ts';
import { writeRna, type Expectation, type RnaFiles } from './bench-import/rna.ts';
import { loadTerritory, writeOutlines } from './bench-import/territory.ts';

/** The Node options `npm run import` runs with, read from package.json: the bench measures what users run. */
const IMPORT_NODE_OPTIONS: readonly string[] = (() => {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> })
    .scripts;
  const command = /node ((?:--\S+ )*)scripts\/import\.ts/.exec(scripts['import'] ?? '');
  return (command?.[1] ?? '').split(' ').filter(Boolean);
})();

/** The peak RSS the national RNA must import within (issue 9 §4), and at which size. */
const GOAL_BYTES = 1e9;
const GOAL_ROWS = 2_000_000;
/** From this size on, one run by default (the largest sizes take minutes). */
const LARGE = 1_000_000;

interface Options {
  readonly sizes: readonly number[];
  readonly runs: number | null;
  readonly communes: number | null;
  readonly split: 'largest' | 'all' | 'none';
  readonly nodeOptions: readonly string[];
  readonly keep: boolean;
}

/** One measured case: an RNA size imported as one national file or as département files. */
interface CaseResult {
  readonly label: string;
  readonly rows: number;
  readonly bytes: number;
  readonly runs: number;
  readonly wallMs: number;
  readonly peakRssBytes: number;
  readonly ok: boolean;
}

const positive = (text: string, option: string): number => {
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${option} : entier positif attendu, reçu « ${text} »`);
  return n;
};

function parseOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: 'string', default: '10000,100000,2000000' },
      runs: { type: 'string' },
      communes: { type: 'string' },
      split: { type: 'string', default: 'largest' },
      'node-option': { type: 'string', multiple: true, default: [] },
      keep: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const split = values.split;
  if (split !== 'largest' && split !== 'all' && split !== 'none')
    throw new Error(`--split : largest, all ou none attendu, reçu « ${split} »`);
  return {
    sizes: values.sizes
      .split(',')
      .map((s) => positive(s.trim(), '--sizes'))
      .sort((a, b) => a - b),
    runs: values.runs === undefined ? null : positive(values.runs, '--runs'),
    communes: values.communes === undefined ? null : positive(values.communes, '--communes'),
    split,
    // The options `npm run import` gives Node (package.json), unless the bench is told others.
    nodeOptions: values['node-option'].length > 0 ? values['node-option'] : IMPORT_NODE_OPTIONS,
    keep: values.keep,
  };
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const mb = (bytes: number) => bytes / 1e6;
const int = (n: number) => Math.round(n).toLocaleString('fr-FR');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Imports one set of files `runs` times, checking every report; prints each run. */
async function measure(
  label: string,
  inputs: ImportInputs,
  bytes: number,
  expected: Expectation,
  runs: number,
): Promise<CaseResult> {
  const measures: RunMeasure[] = [];
  let ok = true;
  for (let run = 1; run <= runs; run++) {
    const m = await runImport(inputs);
    const problems = checkReport(m.report, expected);
    ok &&= problems.length === 0;
    measures.push(m);
    const kept = m.report.files.filter((f) => f.kind === 'associations').reduce((n, f) => n + f.rowsKept, 0);
    console.log(
      `  ${label}, essai ${run}/${runs} : ${seconds(m.wallMs)}, ${int((expected.rows / m.wallMs) * 1000)} lignes/s, RSS de pointe ${int(mb(m.peakRssBytes))} Mo — ` +
        (problems.length === 0
          ? `✓ ${int(expected.rows)} lues = ${int(kept)} gardées + ${int(expected.rows - kept)} rejetées, motifs et lignes conformes`
          : `✗ ${problems.join(' ; ')}`),
    );
  }
  return {
    label,
    rows: expected.rows,
    bytes,
    runs,
    wallMs: median(measures.map((m) => m.wallMs)),
    peakRssBytes: median(measures.map((m) => m.peakRssBytes)),
    ok,
  };
}

/** The results as a table, with ratios against the first (smallest) national case. */
function printTable(results: readonly CaseResult[]): void {
  const base = results[0];
  const header = [
    'cas',
    'lignes RNA',
    'fichiers Mo',
    'essais',
    'import (médiane)',
    'lignes/s',
    'RSS de pointe Mo',
    '× temps',
    '× RSS',
    'rapport',
  ];
  const rows = results.map((r) => [
    r.label,
    int(r.rows),
    mb(r.bytes).toFixed(1),
    String(r.runs),
    seconds(r.wallMs),
    int((r.rows / r.wallMs) * 1000),
    int(mb(r.peakRssBytes)),
    base ? `×${(r.wallMs / base.wallMs).toFixed(1)}` : '',
    base ? `×${(r.peakRssBytes / base.peakRssBytes).toFixed(2)}` : '',
    r.ok ? '✓' : '✗',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padStart(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n${line(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const row of rows) console.log(line(row));
  console.log(
    `\nMachine partagée (${availableParallelism()} cœurs) : les durées absolues varient d’une exécution à l’autre ; ` +
      'seuls les ratios au sein d’une même exécution se comparent. Durées : médianes, processus complet (démarrage, COG, communes, RNA, écriture).',
  );
  const goal = results.filter((r) => r.rows >= GOAL_ROWS);
  const worst = Math.max(...goal.map((r) => r.peakRssBytes));
  console.log(
    goal.length === 0
      ? `objectif : RSS de pointe ≤ 1 Go pour ${int(GOAL_ROWS)} lignes — non mesuré (ajoutez ${GOAL_ROWS} à --sizes)`
      : `objectif : RSS de pointe ≤ 1 Go pour ${int(GOAL_ROWS)} lignes — ${worst <= GOAL_BYTES ? '✓' : '✗'} (${int(mb(worst))} Mo au plus)`,
  );
}

/** What was generated for one size, and what the import must make of it. */
function printGenerated(files: RnaFiles, split: boolean): void {
  const e = files.expected;
  const reasons = Object.entries(e.rejections).map(([k, n]) => `${k} ×${int(n)}`);
  console.log(
    `\n${int(e.rows)} lignes RNA écrites en ${seconds(files.ms)} (${int((e.rows / files.ms) * 1000)} lignes/s) : ` +
      `${mb(files.nationalBytes).toFixed(1)} Mo` +
      (split
        ? ` + ${files.departements.length} fichiers départementaux (${mb(files.departementBytes).toFixed(1)} Mo)`
        : '') +
      ` ; attendu : ${int(e.kept)} gardées, ${int(e.rows - e.kept)} rejetées (${reasons.join(', ')}), ` +
      `${int(e.breaks)} retours à la ligne entre guillemets.`,
  );
}

async function bench(options: Options, dir: string): Promise<CaseResult[]> {
  const territory = await loadTerritory(options.communes);
  const communes = join(dir, 'communes.geojson');
  await writeOutlines(communes, territory);
  console.log(
    `Contours : ${int(territory.communes.length)} communes de ${territory.departements.length} départements (${mb((await stat(communes)).size).toFixed(1)} Mo) ; ` +
      `${int(territory.outside.length)} communes du COG hors du territoire.`,
  );
  console.log(`Options de Node de l’import : ${options.nodeOptions.join(' ')}`);
  const largest = Math.max(...options.sizes);
  const results: CaseResult[] = [];
  for (const rows of options.sizes) {
    const split = options.split === 'all' || (options.split === 'largest' && rows === largest);
    const files = await writeRna(dir, rows, territory, split);
    printGenerated(files, split);
    const runs = options.runs ?? (rows >= LARGE ? 1 : 3);
    const out = join(dir, `out-${rows}`);
    results.push(
      await measure(
        '1 fichier national',
        { communes, associations: [files.national], out, nodeOptions: options.nodeOptions },
        files.nationalBytes,
        files.expected,
        runs,
      ),
    );
    if (split)
      results.push(
        await measure(
          `${files.departements.length} fichiers départementaux`,
          { communes, associations: files.departements, out, nodeOptions: options.nodeOptions },
          files.departementBytes,
          files.expected,
          runs,
        ),
      );
    if (!options.keep)
      await Promise.all([files.national, ...files.departements].map((f) => rm(f, { force: true })));
  }
  return results;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const dir = await mkdtemp(join(tmpdir(), 'symbiose-bench-import-'));
  const cleanUp = () => {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = () => {
    cleanUp();
    process.exit(130);
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    const results = await bench(options, dir);
    printTable(results);
    if (results.some((r) => !r.ok)) process.exitCode = 1;
  } finally {
    cleanUp();
    if (options.keep) console.log(`Fichiers gardés dans ${dir}`);
  }
}

main().catch((error: unknown) => {
  console.error(`Erreur : ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
