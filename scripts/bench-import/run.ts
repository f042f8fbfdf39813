/*
 * One run of the real command (`scripts/import.ts`) in a child process, timed from the outside,
 * its peak memory reported by the child itself (see peak-rss.ts), and its import report checked
 * against what the synthetic files must give.
 */
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { ImportReport } from '../../src/import/report.ts';
import { DATASET_EXTRAS } from '../lib/output-folder.ts';
import type { Expectation } from './rna.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PRELOAD = pathToFileURL(fileURLToPath(new URL('./peak-rss.ts', import.meta.url))).href;
/** « Today » for the import's date checks: runs do not depend on the day they are made. */
const TODAY = '2026-11-26';

/** The inputs of one import. */
export interface ImportInputs {
  readonly communes: string;
  readonly associations: readonly string[];
  /** The dataset folder to write (removed before and after the run). */
  readonly out: string;
  /** Options given to Node itself (`--max-old-space-size=512`), to try a setting. */
  readonly nodeOptions: readonly string[];
}

/** What one run measured. */
export interface RunMeasure {
  readonly wallMs: number;
  readonly peakRssBytes: number;
  readonly report: ImportReport;
}

/** Runs `process.execPath scripts/import.ts …` to its end; throws with its last words if it fails. */
export async function runImport(inputs: ImportInputs): Promise<RunMeasure> {
  await rm(inputs.out, { recursive: true, force: true });
  const rssFile = `${inputs.out}.rss`;
  const args = [
    ...inputs.nodeOptions,
    '--import',
    PRELOAD,
    'scripts/import.ts',
    '--communes',
    inputs.communes,
    ...inputs.associations.flatMap((file) => ['--associations', file]),
    '--out',
    inputs.out,
    '--quiet',
    '--today',
    TODAY,
  ];
  const start = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, SYMBIOSE_BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr = (stderr + text).slice(-4000);
  });
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
  const wallMs = performance.now() - start;
  if (code !== 0) throw new Error(`l’import a échoué (code ${code}) :\n${stderr}`);
  const peakRssBytes = Number(await readFile(rssFile, 'utf8'));
  const report = JSON.parse(await readFile(join(inputs.out, DATASET_EXTRAS.report), 'utf8')) as ImportReport;
  await rm(rssFile, { force: true });
  await rm(inputs.out, { recursive: true, force: true });
  return { wallMs, peakRssBytes, report };
}

/**
 * The differences between an import's report and what the synthetic RNA must give: rows read,
 * kept and rejected (with every reason counted), records and line breaks inside quoted fields,
 * and the associations table. Empty when everything matches.
 */
export function checkReport(report: ImportReport, expected: Expectation): string[] {
  const files = report.files.filter((f) => f.kind === 'associations');
  const sum = (count: (f: (typeof files)[number]) => number) => files.reduce((n, f) => n + count(f), 0);
  const problems: string[] = [];
  const compare = (what: string, actual: number, wanted: number) => {
    if (actual !== wanted) problems.push(`${what} : ${actual} au lieu de ${wanted}`);
  };
  compare(
    'lignes lues',
    sum((f) => f.rowsRead),
    expected.rows,
  );
  compare(
    'lignes gardées',
    sum((f) => f.rowsKept),
    expected.kept,
  );
  compare(
    'lignes rejetées',
    sum((f) => f.rowsRejected),
    expected.rows - expected.kept,
  );
  compare('table associations', report.tables['associations'] ?? 0, expected.kept);
  compare(
    'enregistrements',
    sum((f) => f.lines?.records ?? 0),
    expected.rows,
  );
  compare(
    'retours à la ligne entre guillemets',
    sum((f) => (f.lines ? f.lines.recordLines - f.lines.records : 0)),
    expected.breaks,
  );
  for (const f of files)
    if (f.rowsRead !== f.rowsKept + f.rowsRejected) problems.push(`${f.file} : lues ≠ gardées + rejetées`);
  if (!report.conserved) problems.push('rapport : conservation des lignes non vérifiée');
  const reasons: Record<string, number> = {};
  for (const s of files.flatMap((f) => f.summary))
    if (s.severity === 'rejet')
      reasons[`${s.code}|${s.field ?? ''}`] = (reasons[`${s.code}|${s.field ?? ''}`] ?? 0) + s.count;
  for (const key of new Set([...Object.keys(reasons), ...Object.keys(expected.rejections)]))
    compare(`motif ${key}`, reasons[key] ?? 0, expected.rejections[key] ?? 0);
  return problems;
}
