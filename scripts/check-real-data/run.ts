/*
 * The real commands, run as a person would run them (`npm run import`, `npm run indicators`),
 * with the same Node binary as this script, and what came out of them: a dataset and its
 * report, a refusal naming a file, or a crash.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { ImportReport } from '../../src/import/report.ts';
import { DATASET_EXTRAS } from '../lib/output-folder.ts';

/** The repository's root: the commands run from there. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUTPUT_LIMIT = 256 * 1024 * 1024;

/** What `npm run import` did. */
export type ImportOutcome =
  | { readonly kind: 'imported'; readonly report: ImportReport; readonly seconds: number }
  | {
      readonly kind: 'refused';
      readonly file: string;
      /** The first line of the error output, and what it says after « Erreur : <file> : ». */
      readonly message: string;
      readonly reason: string;
      readonly seconds: number;
    }
  | { readonly kind: 'crashed'; readonly output: string; readonly seconds: number };

/** What `npm run indicators` gave: its zones, or why it failed. */
export type IndicatorsOutcome = { readonly zones: number } | { readonly error: string };

function run(script: string, args: readonly string[]) {
  const start = performance.now();
  const result = spawnSync(process.execPath, [join('scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: OUTPUT_LIMIT,
  });
  return { ...result, seconds: (performance.now() - start) / 1000 };
}

/** The input file a refusal names (« Erreur : <file> : … » or « Erreur : <file>, ligne 3 … »), if any. */
export function refusedFile(stderr: string, names: readonly string[]): string | null {
  const first = stderr.trim().split('\n')[0] ?? '';
  return (
    names.find((name) => first.startsWith(`Erreur : ${name} :`) || first.startsWith(`Erreur : ${name},`)) ??
    null
  );
}

function readReport(out: string): ImportReport | null {
  try {
    return JSON.parse(readFileSync(join(out, DATASET_EXTRAS.report), 'utf8')) as ImportReport;
  } catch {
    return null;
  }
}

/** Runs `npm run import -- <options> --out <out>`; `names` are the input files' names, to recognise a refusal. */
export function runImport(options: readonly string[], out: string, names: readonly string[]): ImportOutcome {
  const result = run('import.ts', [...options, '--out', out]);
  const output = [result.error?.message, result.stderr, result.stdout].filter(Boolean).join('\n').trim();
  if (result.status === 0) {
    const report = readReport(out);
    if (report) return { kind: 'imported', report, seconds: result.seconds };
    return {
      kind: 'crashed',
      output: `code 0 mais ${DATASET_EXTRAS.report} illisible\n${output}`,
      seconds: result.seconds,
    };
  }
  const file = result.status === 1 ? refusedFile(result.stderr, names) : null;
  if (file !== null) {
    const message = result.stderr.trim().split('\n')[0] ?? '';
    const reason = message.replace(`Erreur : ${file} : `, '').replace(`Erreur : ${file}, `, '');
    return { kind: 'refused', file, message, reason, seconds: result.seconds };
  }
  const status = result.status === null ? `signal ${result.signal ?? '?'}` : `code ${result.status}`;
  return { kind: 'crashed', output: `${status}\n${output}`, seconds: result.seconds };
}

/** Runs `npm run indicators -- --data <out> --level commune --format json` and counts its zones. */
export function runIndicators(out: string): IndicatorsOutcome {
  const result = run('indicators.ts', ['--data', out, '--level', 'commune', '--format', 'json']);
  if (result.status !== 0) return { error: (result.stderr || result.error?.message || '').trim() };
  try {
    const document = JSON.parse(result.stdout) as { zones?: unknown };
    if (Array.isArray(document.zones)) return { zones: document.zones.length };
    return { error: 'sortie JSON sans tableau « zones »' };
  } catch (error) {
    return { error: `sortie JSON illisible : ${(error as Error).message}` };
  }
}
