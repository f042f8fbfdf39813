/**
 * `npm run bench` — measures the generator, the engine and the built site, and prints figures
 * and ratios (medians; this machine is shared, so compare within one run, not across runs).
 *
 *   npm run bench -- [--sizes demo,medium,large] [--runs 7] [--no-browser]
 *
 * Sizes: demo (60 communes, 3k associations, 9k exchanges), medium (×10), large (regional:
 * 1,500 communes, 75k associations, 400k exchanges). Datasets go to tmp/bench/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { openNodeRunner } from '../src/data/duckdb-node.ts';
import { loadDataset } from '../src/data/load-dataset.ts';
import { folderDatasetReader } from '../src/data/node-dataset-reader.ts';
import type { QueryRunner } from '../src/data/query-runner.ts';
import { runExchangesByQuarter } from '../src/indicators/exchanges-by-quarter.ts';
import { runTypeBreakdown } from '../src/indicators/explore/breakdown.ts';
import { runCommuneFlows } from '../src/indicators/explore/flows.ts';
import { runAssociationLinks } from '../src/indicators/explore/links.ts';
import { runAssociationPoints, runSearchEntries } from '../src/indicators/map-layers-data.ts';
import { runSensitivity } from '../src/indicators/method/sensitivity.ts';
import { INDICATORS, runIndicatorTable } from '../src/indicators/registry.ts';
import type { Page } from 'playwright-core';

import { CHROMIUM, launchChromium } from './lib/chromium.ts';
import { startStaticServer } from './lib/static-server.ts';

const SIZES: Readonly<Record<string, readonly string[]>> = {
  demo: [],
  medium: ['--communes', '600', '--associations', '30000', '--exchanges', '90000'],
  large: ['--scale', 'regional'],
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function timeIt(runs: number, action: () => Promise<unknown>): Promise<number> {
  await action(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await action();
    times.push(performance.now() - start);
  }
  return median(times);
}

interface SizeResult {
  size: string;
  associations: number;
  exchanges: number;
  generateS: number;
  generatePeakMb: number;
  loadMs: number;
  duckdbMb: number;
  queries: Record<string, number>;
}

async function benchSize(size: string, runs: number): Promise<SizeResult> {
  const folder = resolve('tmp/bench', size);
  const started = performance.now();
  const generation = spawnSync(
    process.execPath,
    ['scripts/demo.ts', '--out', folder, ...(SIZES[size] ?? [])],
    {
      encoding: 'utf8',
    },
  );
  if (generation.status !== 0) throw new Error(`generation of ${size} failed: ${generation.stderr}`);
  const generateS = (performance.now() - started) / 1000;
  // The generator's last line ends with its own peak resident memory: « mémoire max N Mo ».
  const generatePeakMb = Number(/mémoire max (\d+) Mo/.exec(generation.stderr)?.[1] ?? 0);

  const loads: number[] = [];
  let runner: QueryRunner | null = null;
  for (let i = 0; i < 3; i++) {
    await runner?.close();
    runner = await openNodeRunner();
    const start = performance.now();
    await loadDataset(runner, folderDatasetReader(folder));
    loads.push(performance.now() - start);
  }
  if (!runner) throw new Error('no runner');
  const engine = runner;
  const manifest = await loadDataset(engine, folderDatasetReader(folder));
  const filters = { period: manifest.period };
  const [memory] = await engine.query({
    sql: 'SELECT sum(memory_usage_bytes) AS bytes FROM duckdb_memory()',
    params: [],
  });
  const [biggest] = await engine.query({
    sql: 'SELECT code_insee FROM communes ORDER BY population DESC NULLS LAST LIMIT 1',
    params: [],
  });
  const code = String(biggest?.['code_insee']);
  /** Everything the page recomputes when a filter changes (map, overview, flows). */
  const filterChange = () =>
    Promise.all([
      runIndicatorTable(engine, INDICATORS, filters, 'commune'),
      runIndicatorTable(engine, INDICATORS, filters, 'epci'),
      runIndicatorTable(engine, INDICATORS, filters, 'territoire'),
      runExchangesByQuarter(engine, filters, null),
      runCommuneFlows(engine, filters),
      runAssociationPoints(engine, filters),
      runTypeBreakdown(engine, filters, 'territoire', null),
    ]);
  const [territory] = await runIndicatorTable(engine, INDICATORS, filters, 'territoire');
  const communeTable = await runIndicatorTable(engine, INDICATORS, filters, 'commune');
  const decomposition = INDICATORS.filter((i) =>
    ['cout-evite-net', 'valeur-benevolat', 'valeur-personnel', 'bilan-co2'].includes(i.id),
  );
  /** The tornado and the weightiest exchanges of the four decomposition figures, for one zone. */
  const sensitivity = (level: 'commune' | 'territoire', zone: string) => {
    const base = level === 'territoire' ? territory : communeTable.find((z) => z.zone === zone);
    if (!base) throw new Error(`No zone ${zone}`);
    return runSensitivity(engine, decomposition, filters, level, zone, base.parts);
  };
  const queries = {
    [`communes (${INDICATORS.length} indicateurs)`]: await timeIt(runs, () =>
      runIndicatorTable(engine, INDICATORS, filters, 'commune'),
    ),
    intercommunalités: await timeIt(runs, () => runIndicatorTable(engine, INDICATORS, filters, 'epci')),
    territoire: await timeIt(runs, () => runIndicatorTable(engine, INDICATORS, filters, 'territoire')),
    'points associations': await timeIt(runs, () => runAssociationPoints(engine, filters)),
    trimestres: await timeIt(runs, () => runExchangesByQuarter(engine, filters, null)),
    'flux entre communes': await timeIt(runs, () => runCommuneFlows(engine, filters)),
    'liens (plus grande commune)': await timeIt(runs, () =>
      runAssociationLinks(engine, filters, { kind: 'commune', id: code }),
    ),
    'recherche (index)': await timeIt(runs, () => runSearchEntries(engine, manifest.period.end)),
    'changement de filtre (tout)': await timeIt(runs, filterChange),
    'qualité confirmée (communes)': await timeIt(runs, () =>
      runIndicatorTable(engine, INDICATORS, { ...filters, quality: 'confirme' }, 'commune'),
    ),
    'sensibilité (territoire, 4 chiffres)': await timeIt(runs, () => sensitivity('territoire', 'territoire')),
    'sensibilité (plus grande commune)': await timeIt(runs, () => sensitivity('commune', code)),
  };
  await engine.close();
  return {
    size,
    associations: manifest.tables.associations.rows,
    exchanges: manifest.tables.echanges.rows,
    generateS,
    generatePeakMb,
    loadMs: median(loads),
    duckdbMb: Number(memory?.['bytes'] ?? 0) / 1e6,
    queries,
  };
}

/** Waits until the page shows the view in its URL (see tests/e2e/support/site.ts). */
async function viewDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const { state, view } = document.documentElement.dataset;
      return state === 'ready' && view === window.location.search.replace(/^\?/, '');
    },
    undefined,
    { timeout: 120_000, polling: 'raf' },
  );
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

/**
 * The built site in Chromium: start-up marks, then what a person waits for — a new indicator
 * (recolouring only), a resource type ticked (every query again), one month of the animation —
 * and the page's JavaScript heap once ready.
 */
async function benchBrowser(runs: number): Promise<Record<string, number> | null> {
  if (!existsSync('dist/index.html') || !existsSync(CHROMIUM)) return null;
  const server = await startStaticServer(resolve('dist'));
  const figures: Record<string, number[]> = {};
  const add = (name: string, value: number) => (figures[name] ??= []).push(value);
  try {
    for (let i = 0; i < runs; i++) {
      const browser = await launchChromium();
      const { page } = browser;
      await page.goto(server.url);
      await page.waitForSelector('html[data-state="ready"]', { timeout: 120_000 });
      const entries = await page.evaluate(() =>
        performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('symbiose:'))
          .map((m) => [m.name, m.startTime] as const),
      );
      for (const [name, time] of entries) add(`${name} (ms since navigation)`, time);
      add(
        'JS heap once ready (MB)',
        await page.evaluate(
          () =>
            ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ??
              0) / 1e6,
        ),
      );
      add(
        'new indicator, recoloured (ms)',
        await timed(async () => {
          await page.getByTestId('indicator-select').selectOption('cout-evite-net');
          await viewDrawn(page);
        }),
      );
      add(
        'resource type ticked, all recomputed and drawn (ms)',
        await timed(async () => {
          await page.getByTestId('filter-types').locator('summary').click();
          await page.getByRole('checkbox', { name: 'Matériel' }).check();
          await viewDrawn(page);
        }),
      );
      // Six months of the animation: time between two months shown (includes its 400 ms pause).
      await page.getByTestId('play').click();
      const steps: number[] = [];
      let last = performance.now();
      let month = '';
      while (steps.length < 6) {
        await page.waitForFunction((m) => new URL(location.href).searchParams.get('au') !== m, month, {
          polling: 'raf',
        });
        month = new URL(page.url()).searchParams.get('au') ?? '';
        const now = performance.now();
        if (month) steps.push(now - last);
        last = now;
      }
      add('one month of the animation (ms, incl. 400 ms pause)', median(steps.slice(1)));
      await browser.close();
    }
  } finally {
    await server.close();
  }
  return Object.fromEntries(Object.entries(figures).map(([name, values]) => [name, median(values)]));
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'demo,medium,large' },
    runs: { type: 'string', default: '7' },
    'no-browser': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const results: SizeResult[] = [];
for (const size of values.sizes.split(',')) {
  if (!(size in SIZES)) throw new Error(`unknown size ${size}`);
  console.error(`… ${size}`);
  results.push(await benchSize(size, runs));
}
const base = results[0];
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log(
  `\nEngine: DuckDB-WASM (Node build), medians of ${runs} runs after a warm-up; ratios vs ${base?.size}.`,
);
console.log(
  ['size', 'associations', 'exchanges', 'generate s', 'generator peak MB', 'load ms', 'DuckDB MB']
    .concat(Object.keys(base?.queries ?? {}).map((q) => `${q} ms`))
    .join(' | '),
);
for (const r of results) {
  const ratio = (value: number, ref: number) => (r === base || ref === 0 ? '' : ` (×${fmt(value / ref, 1)})`);
  console.log(
    [
      r.size,
      fmt(r.associations),
      fmt(r.exchanges),
      fmt(r.generateS, 1) + ratio(r.generateS, base?.generateS ?? 0),
      fmt(r.generatePeakMb),

      fmt(r.loadMs) + ratio(r.loadMs, base?.loadMs ?? 0),
      fmt(r.duckdbMb, 1),
      ...Object.entries(r.queries).map(([q, ms]) => fmt(ms, 1) + ratio(ms, base?.queries[q] ?? 0)),
    ].join(' | '),
  );
}
if (!values['no-browser']) {
  const browser = await benchBrowser(3);
  if (browser) {
    console.log('\nBuilt site (dist/, demo dataset) in headless Chromium, medians of 3 cold loads:');
    for (const [name, ms] of Object.entries(browser)) console.log(`  ${name}: ${fmt(ms)}`);
  } else {
    console.log('\nBrowser timing skipped: build the site (npm run build) and install /usr/bin/chromium.');
  }
}
