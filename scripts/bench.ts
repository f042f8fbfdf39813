/**
 * `npm run bench` — the figures of issue 13, per dataset size, in one table: each step's median
 * and p95 over n runs, bytes, peak memory, and side by side the raw scan of the exchanges, the
 * pre-aggregated exchange values and native DuckDB, with their ratios. The machine is shared:
 * compare within one run, not across runs.
 *
 *   npm run bench -- [--sizes demo,regional] [--runs 7] [--budget 90] [--regenerate]
 *                    [--no-native] [--native-threads 1] [--no-browser] [--dist dist]
 *                    [--browser-timeout 300] [--engine-timeout 60] [--markdown file.md]
 *
 * Sizes: demo (60 communes, 3,000 associations, 9,000 exchanges), medium (600 communes, ×10),
 * regional (`large` is the same: 1,500 communes, 75,000 associations, 400,000 exchanges), national
 * (35,000 communes, 2,000,000 associations, 10,000,000 exchanges). Each goes to tmp/bench/<size>,
 * reused when its manifest says it was generated with the same options (`--regenerate` forces).
 *
 * Node figures come from a child process per size (scripts/bench/engine-run.ts): its peak memory
 * is its own, and an engine out of memory is a figure in the table, not the end of the bench.
 * The browser figures use the built site (`--dist`, built with `npm run build`), the size's
 * dataset served at /data/demo/ in place of the site's own.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

import { CHROMIUM } from './lib/chromium.ts';
import { benchBrowser } from './bench/browser.ts';
import { benchDataset, servedCopy, servedFirstView, sizeName } from './bench/datasets.ts';
import { errorFigure, formatFigure, type Measure } from './bench/figures.ts';
import { goalMeasures } from './bench/goals.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'demo,regional' },
    runs: { type: 'string', default: '7' },
    budget: { type: 'string', default: '90' },
    regenerate: { type: 'boolean', default: false },
    'no-native': { type: 'boolean', default: false },
    'native-threads': { type: 'string', default: '1' },
    'no-browser': { type: 'boolean', default: false },
    'no-engines': { type: 'boolean', default: false },
    dist: { type: 'string', default: 'dist' },
    'browser-timeout': { type: 'string', default: '300' },
    'engine-timeout': { type: 'string', default: '60' },
    markdown: { type: 'string' },
  },
  strict: true,
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs expects a positive integer, got ${values.runs}`);
const budgetMs = Number(values.budget) * 1000;
const sizes = [...new Set(values.sizes.split(',').map((s) => sizeName(s.trim())))];

/**
 * Runs scripts/bench/engine-run.ts on a dataset folder and collects the measures it prints; a
 * crash or a timeout becomes a figure after those received.
 */
function benchEngines(folder: string): Promise<Measure[]> {
  const args = ['--expose-gc', 'scripts/bench/engine-run.ts', '--folder', folder, '--runs', String(runs)];
  args.push('--budget', values.budget, '--native-threads', values['native-threads']);
  if (values['no-native']) args.push('--no-native');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const measures: Measure[] = [];
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    stderr = (stderr + text).slice(-4000);
    process.stderr.write(text);
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith('{')) measures.push(JSON.parse(line) as Measure);
  });
  const timeoutMin = Number(values['engine-timeout']);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMin * 60_000);
  return new Promise((done) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const failure = timedOut
        ? { kind: 'error' as const, message: `timeout (${timeoutMin} min)` }
        : code !== 0
          ? errorFigure(new Error(`${signal ?? `exit ${code}`}: ${stderr.trim().split('\n').pop() ?? ''}`))
          : null;
      if (failure)
        measures.push({ section: 'Start-up in Node', label: 'Node bench (child process)', figure: failure });
      done(measures);
    });
  });
}

const results = new Map<string, Measure[]>();
const dist = resolve(values.dist);
const canBrowse = existsSync(join(dist, 'index.html')) && existsSync(CHROMIUM);
for (const size of sizes) {
  console.error(`… ${size}`);
  const measures: Measure[] = [];
  results.set(size, measures);
  let dataset;
  try {
    dataset = await benchDataset(size, values.regenerate);
  } catch (error) {
    measures.push({ section: 'Dataset', label: 'generation', figure: errorFigure(error) });
    continue;
  }
  measures.push(...dataset.measures);
  if (!values['no-engines']) measures.push(...(await benchEngines(dataset.folder)));
  if (!values['no-browser'] && canBrowse) {
    console.error(`  browser (${values.dist})`);
    measures.push(
      ...(await benchBrowser({
        dist,
        dataset: await servedCopy(dataset),
        firstView: await servedFirstView(dataset),
        loads: runs,
        repetitions: Math.max(5, runs),
        budgetMs,
        timeoutMs: Number(values['browser-timeout']) * 1000,
      })),
    );
  }
  measures.push(...goalMeasures(size, measures));
}

/** One markdown table per section: a row per step, a column per size. */
function markdown(): string {
  const sections: { name: string; labels: string[] }[] = [];
  for (const measures of results.values())
    for (const { section, label } of measures) {
      let entry = sections.find((s) => s.name === section);
      if (!entry) sections.push((entry = { name: section, labels: [] }));
      if (!entry.labels.includes(label)) entry.labels.push(label);
    }
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const lines: string[] = [];
  for (const { name, labels } of sections) {
    lines.push(
      `**${name}**`,
      '',
      `| | ${sizes.join(' | ')} |`,
      `| --- |${sizes.map(() => ' --- |').join('')}`,
    );
    for (const label of labels) {
      const cells = sizes.map((size) =>
        cell(formatFigure(results.get(size)?.find((m) => m.section === name && m.label === label)?.figure)),
      );
      lines.push(`| ${cell(label)} | ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

const cpu = cpus();
const header = [
  `Symbiose bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — Node ${process.version},`,
  `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}; DuckDB-WASM's Node build (one thread) and native DuckDB`,
  `(@duckdb/node-api, ${values['native-threads']} thread(s)). Times: median / p95 over n runs (ms),`,
  `after a warm-up except cold start-ups; « raw » scans the exchanges for each level, « pre-aggregated »`,
  `reads the exchange values computed at load and rolls EPCIs and the territory up from the communes.`,
].join('\n');
const table = `${header}\n\n${markdown()}`;
console.log(`\n${table}`);
if (!values['no-browser'] && !canBrowse)
  console.log(`Browser figures skipped: no ${values.dist}/index.html (npm run build) or no ${CHROMIUM}.`);
if (values.markdown) {
  await writeFile(values.markdown, `${table}\n`);
  console.error(`Table written to ${values.markdown}`);
}
