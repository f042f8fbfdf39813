/**
 * `npm run indicators` — every indicator for every zone of a dataset, with the same SQL as the site.
 *
 *   npm run indicators -- --data <dataset folder> [--level commune|epci|territory] [--from YYYY-MM-DD]
 *     [--to YYYY-MM-DD] [--types t1,t2] [--themes 011000,…] [--funder <SIRET or name>]
 *     [--side beneficiaire|fournisseur] [--quality declare|confirme|verifie] [--format csv|json]
 *     [--engine auto|wasm|native]
 *
 * One row per zone. Indicators with a low–high range get three columns (`id`, `id_bas`, `id_haut`);
 * the count of isolated associations (`associations_isolees_nombre`) follows their rate, beside the
 * count of active ones (`associations-actives`); the CSV ends with the method version (`methode`),
 * the JSON names it once (`methode`). `--quality` keeps the exchanges of that quality tier or
 * better (default: every declared exchange). Data goes to stdout, messages to stderr; bad
 * arguments or an unreadable dataset exit with 1, an impossible period (not a date, reversed,
 * sharing no day with the data's) with 2. `--engine auto` (the default) runs DuckDB-WASM, the page's
 * engine, and native DuckDB for a dataset beyond what a browser loads (the national size).
 */
import { parseArgs } from 'node:util';

import { DatasetError } from '../src/data/dataset-reader.ts';
import { loadDataset } from '../src/data/load-dataset.ts';
import { ManifestError } from '../src/data/manifest.ts';
import { COEFFICIENTS } from '../src/data/method/coefficients.ts';
import { folderDatasetReader } from '../src/data/node-dataset-reader.ts';
import { RESOURCE_TYPES, type ResourceType } from '../src/data/schema/index.ts';
import { dataCsv } from '../src/export/csv.ts';
import { toRecords, withMethod } from '../src/export/indicator-records.ts';
import { QUALITY_TIERS, type QualityTier } from '../src/indicators/filters.ts';
import { periodProblem, periodProblemFr } from '../src/indicators/period-check.ts';
import {
  INDICATORS,
  LEVELS,
  runIndicatorTable,
  SIDES,
  type IndicatorFilters,
  type Level,
  type Side,
} from '../src/indicators/registry.ts';
import { ENGINE_CHOICES, openEngineFor, type EngineChoice } from './lib/engine-for-dataset.ts';

/** A problem with the command line: printed as is, exit code 1. */
class UsageError extends Error {}

/** An impossible period (not a date, reversed, outside the data): printed as is, exit code 2. */
export class PeriodError extends Error {}

/** Exit code of an impossible period. */
export const PERIOD_EXIT_CODE = 2;

const PERIOD_KEYS = { from: '--from', to: '--to' } as const;

/** Stops on an impossible period: not a date, reversed, or (given the data's) sharing no day with it. */
export function checkPeriod(
  from: string | undefined,
  to: string | undefined,
  data?: { readonly start: string; readonly end: string },
): void {
  const problem = periodProblem(from, to, 'day', PERIOD_KEYS, data);
  if (problem) throw new PeriodError(`période impossible : ${periodProblemFr(problem)}`);
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} attend ${allowed.join(', ')} ; reçu « ${value} ».`);
  }
  return value as T;
}

function listOf(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
}

/** The command line, checked. */
export function parseCommandLine(argv: readonly string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        data: { type: 'string' },
        level: { type: 'string', default: 'commune' },
        from: { type: 'string' },
        to: { type: 'string' },
        types: { type: 'string' },
        themes: { type: 'string' },
        funder: { type: 'string' },
        side: { type: 'string', default: 'beneficiaire' },
        quality: { type: 'string', default: 'declare' },
        format: { type: 'string', default: 'csv' },
        engine: { type: 'string', default: 'auto' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!values.data) throw new UsageError('--data <dossier du jeu de données> est obligatoire.');
  const types = listOf(values.types);
  for (const type of types ?? []) oneOf('types', type, RESOURCE_TYPES);
  const themes = listOf(values.themes);
  for (const theme of themes ?? []) {
    if (!/^\d{3}000$/.test(theme))
      throw new UsageError(
        `--themes attend des codes WALDEC de premier niveau (ex. 011000), reçu « ${theme} ».`,
      );
  }
  const { from, to } = values;
  checkPeriod(from, to);
  return {
    data: values.data,
    // « territory » (English, as in the issue) and « territoire » both name the whole territory.
    level: oneOf<Level>('level', values.level === 'territory' ? 'territoire' : values.level, LEVELS),
    side: oneOf<Side>('side', values.side, SIDES),
    quality: oneOf<QualityTier>('quality', values.quality, QUALITY_TIERS),
    format: oneOf('format', values.format, ['csv', 'json'] as const),
    engine: oneOf<EngineChoice>('engine', values.engine, ENGINE_CHOICES),
    from,
    to,
    types: types as ResourceType[] | undefined,
    themes,
    funder: values.funder,
  };
}

async function main(): Promise<void> {
  const args = parseCommandLine(process.argv.slice(2));
  const runner = await openEngineFor(args.data, args.engine);
  try {
    const manifest = await loadDataset(runner, folderDatasetReader(args.data));
    checkPeriod(args.from, args.to, manifest.period);
    const filters: IndicatorFilters = {
      period: { start: args.from ?? manifest.period.start, end: args.to ?? manifest.period.end },
      types: args.types,
      themes: args.themes,
      funder: args.funder ?? null,
      side: args.side,
      quality: args.quality,
    };
    const zones = await runIndicatorTable(runner, INDICATORS, filters, args.level);
    const records = toRecords(zones, args.level);
    if (args.format === 'json') {
      const document = {
        jeu_de_donnees: manifest.name,
        periode: filters.period,
        niveau: args.level,
        filtres: {
          types: args.types ?? null,
          themes: args.themes ?? null,
          financeur: args.funder ?? null,
          cote: args.side,
          qualite: args.quality,
        },
        methode: COEFFICIENTS.version,
        coefficients: COEFFICIENTS.version,
        moteur: runner.engine,
        zones: records,
      };
      process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    } else {
      process.stdout.write(dataCsv(withMethod(records)));
    }
    console.error(
      `${records.length} zone(s), ${INDICATORS.length} indicateurs — ${manifest.name}, ${filters.period.start} → ${filters.period.end} — méthode Symbiose v${COEFFICIENTS.version}`,
    );
  } finally {
    await runner.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    const known =
      error instanceof UsageError ||
      error instanceof PeriodError ||
      error instanceof DatasetError ||
      error instanceof ManifestError;
    console.error(`Erreur : ${known || error instanceof Error ? (error as Error).message : String(error)}`);
    if (error instanceof UsageError || error instanceof PeriodError)
      console.error(
        'Usage : npm run indicators -- --data <dossier> [--level commune|epci|territory] [--from AAAA-MM-JJ] [--to AAAA-MM-JJ] [--types t1,t2] [--themes 011000,…] [--funder <SIRET ou nom>] [--side beneficiaire|fournisseur] [--quality declare|confirme|verifie] [--format csv|json] [--engine auto|wasm|native]',
      );
    process.exit(error instanceof PeriodError ? PERIOD_EXIT_CODE : 1);
  });
}
