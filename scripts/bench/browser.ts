/*
 * The built site in headless Chromium, on one size's dataset (served at /data/demo/ in place of
 * the site's own): start-up marks over cold loads, bytes sent, the renderer's peak memory, then
 * what a person waits for, repeated back and forth in one page. Every wait is on the page's own
 * signals (`data-state`, `data-view`: scripts/lib/page-signals.ts), never a sleep; a step that
 * exceeds its timeout is reported as « timeout ».
 */
import { readdirSync, readFileSync } from 'node:fs';

import type { Page, Request } from 'playwright-core';

import { launchChromium, type HeadlessBrowser } from '../lib/chromium.ts';
import { startStaticServer } from '../lib/static-server.ts';
import { errorFigure, type Figure, type Measure } from './figures.ts';

export interface BrowserBenchOptions {
  /** The built site. */
  readonly dist: string;
  /** The dataset folder served at /data/demo/, or null for the site's own. */
  readonly dataset: string | null;
  /** The folder served at /apercu/ (that dataset's first view), or null for the site's own. */
  readonly firstView?: string | null;
  /** Cold loads (fewer when the time budget runs out). */
  readonly loads: number;
  /** Repetitions of each interaction in one page. */
  readonly repetitions: number;
  readonly budgetMs: number;
  /** Longest wait for one step (a load, an interaction). */
  readonly timeoutMs: number;
}

const SECTION = 'Built site in headless Chromium';
/** The pause of the animation between two months (src/hooks/use-playback.ts). */
const ANIMATION_PAUSE_MS = 400;

interface Drawn {
  readonly view: string;
  readonly at: number;
}
interface BenchWindow {
  __bench: { armed: boolean; t0: number; drawn: Drawn[] };
}

/**
 * Installed before the page's own scripts: stamps the first user event after `armed` (t0), and
 * each view the page says it has drawn (`data-state="ready"` with a new `data-view`), in page time.
 */
function instrument(): void {
  const w = window as unknown as BenchWindow;
  w.__bench = { armed: false, t0: 0, drawn: [] };
  for (const type of ['pointerdown', 'keydown', 'input', 'change'])
    addEventListener(
      type,
      () => {
        if (!w.__bench.armed) return;
        w.__bench.armed = false;
        w.__bench.t0 = performance.now();
      },
      true,
    );
  let last = '';
  const install = () =>
    new MutationObserver(() => {
      const { state, view } = document.documentElement.dataset;
      const key = `${state ?? ''}|${view ?? ''}`;
      if (state === 'ready' && view !== undefined && key !== last)
        w.__bench.drawn.push({ view, at: performance.now() });
      last = key;
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-state', 'data-view'] });
  if (document.documentElement) install();
  else document.addEventListener('readystatechange', install, { once: true });
}

/** The view in the URL, as `data-view` names it (without `d`, the dataset). */
function currentQuery(page: Page): string {
  const query = new URL(page.url()).searchParams;
  query.delete('d');
  return query.toString();
}

/** Waits until the page is ready or failed; throws the page's error message if it failed. */
async function waitSettled(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction(
    () => ['ready', 'error'].includes(document.documentElement.dataset['state'] ?? ''),
    undefined,
    {
      timeout,
      polling: 250,
    },
  );
  if ((await page.evaluate(() => document.documentElement.dataset['state'])) === 'error') {
    const message = await page
      .getByRole('alert')
      .first()
      .innerText({ timeout: 1000 })
      .catch(() => 'error');
    throw new Error(message.replace(/\s+/g, ' ').trim());
  }
}

/** One interaction's times in the page, ms; the phases are null when no query ran. */
interface InteractionTimes {
  /** From the first user event to the page showing the new view. */
  readonly total: number;
  /** From the user event to the first query sent (input, URL, React, the filters settling). */
  readonly beforeQueries: number | null;
  /** From the first query sent to the answers shown together (SQL in the worker, rows decoded). */
  readonly queries: number | null;
  /** From the answers shown to the map drawn (React, classes, the map's frames). */
  readonly drawing: number | null;
}

/** The page's marks of a filter change (src/hooks/use-query-result.ts, src/state/engine.ts). */
const PHASE_MARKS = {
  sent: 'symbiose:queries-sent',
  shown: 'symbiose:answers-shown',
  drawn: 'symbiose:map-drawn',
} as const;

/**
 * Runs `action` and returns the time, in the page, from its first user event to the page showing
 * the new view (map and figures drawn): the view in the URL changes, then `data-view` follows;
 * and the phases of that time, from the page's marks.
 */
async function interaction(
  page: Page,
  timeout: number,
  action: () => Promise<void>,
): Promise<InteractionTimes> {
  const before = currentQuery(page);
  await page.evaluate(() => {
    (window as unknown as BenchWindow).__bench.armed = true;
  });
  await action();
  await page.waitForFunction(
    (previous) => {
      const query = new URLSearchParams(location.search);
      query.delete('d');
      const { state, view } = document.documentElement.dataset;
      return (
        state === 'error' || (query.toString() !== previous && state === 'ready' && view === query.toString())
      );
    },
    before,
    { timeout, polling: 'raf' },
  );
  return page.evaluate(
    ({ view, marks }) => {
      const bench = (window as unknown as BenchWindow).__bench;
      if (document.documentElement.dataset['state'] === 'error') throw new Error('the page shows an error');
      const drawn = bench.drawn.findLast((d) => d.view === view && d.at >= bench.t0);
      if (!drawn) throw new Error(`view ${view} drawn before the action`);
      const within = (name: string) =>
        performance
          .getEntriesByName(name)
          .map((e) => e.startTime)
          .filter((t) => t >= bench.t0 && t <= drawn.at);
      const sent = within(marks.sent)[0];
      const shown = within(marks.shown).at(-1);
      const mapDrawn = within(marks.drawn).at(-1);
      const phases =
        sent !== undefined &&
        shown !== undefined &&
        mapDrawn !== undefined &&
        shown >= sent &&
        mapDrawn >= shown;
      return {
        total: drawn.at - bench.t0,
        beforeQueries: phases ? sent - bench.t0 : null,
        queries: phases ? shown - sent : null,
        drawing: phases ? mapDrawn - shown : null,
      };
    },
    { view: currentQuery(page), marks: PHASE_MARKS },
  );
}

/** Pids of this process's descendants (Chromium and its helpers), from /proc. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which may hold spaces and brackets.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

/** The largest peak resident memory (VmHWM) of the renderer processes this process started, MB. */
function rendererPeakMb(): number {
  let peak = 0;
  for (const pid of descendants(process.pid)) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      // The process ended meanwhile.
    }
  }
  return peak;
}

/** The main thread's JS heap in use (CDP Performance.getMetrics), MB. */
async function jsHeapMb(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  await session.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1e6;
}

/** Bytes of every response, as received (compressed), split into the dataset and the rest. */
function byteCounter(page: Page): () => Promise<{ total: number; dataset: number }> {
  const pending: Promise<{ url: string; bytes: number }>[] = [];
  page.on('requestfinished', (request: Request) => {
    pending.push(
      request
        .sizes()
        .then((s) => ({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize }))
        // A renderer that crashed answers no more: its requests count for nothing.
        .catch(() => ({ url: request.url(), bytes: 0 })),
    );
  });
  return async () => {
    const sizes = await Promise.all(pending);
    const sum = (list: readonly { bytes: number }[]) => list.reduce((total, s) => total + s.bytes, 0);
    return { total: sum(sizes), dataset: sum(sizes.filter((s) => s.url.includes('/data/demo/'))) };
  };
}

const MARKS: Readonly<Record<string, string>> = {
  'symbiose:first-map': 'start-up: first map drawn (build-time figures)',
  'symbiose:engine-ready': 'start-up: DuckDB engine ready',
  'symbiose:data-loaded': 'start-up: dataset loaded',
  'symbiose:ready': 'start-up: map and first figures drawn (ready)',
};

interface Toggle {
  /** The `<details>` list to open first (and close after), by its test id. */
  readonly list?: string;
  /** Makes ready (e.g. focuses the slider): not timed. */
  readonly prepare?: () => Promise<void>;
  /** The change, one way when `i` is even, back when odd. */
  readonly toggle: (i: number) => Promise<unknown>;
}

/** Sub-rows of an interaction that ran queries. */
const PHASE_LABELS = [
  ['beforeQueries', 'of which input → first query sent'],
  ['queries', 'of which queries (first sent → answers shown)'],
  ['drawing', 'of which drawing (answers shown → map drawn)'],
] as const;

/** Times each interaction `repetitions` times, back and forth, in one ready page. */
async function interactions(page: Page, options: BrowserBenchOptions): Promise<Measure[]> {
  const toggles: Record<string, Toggle> = {
    'another indicator (recolouring)': {
      toggle: (i) =>
        page
          .getByTestId('indicator-select')
          .selectOption(i % 2 === 0 ? 'cout-evite-net' : 'echanges-pour-1000-hab'),
    },
    'a resource type ticked / unticked': {
      list: 'filter-types',
      toggle: (i) => page.getByRole('checkbox', { name: 'Matériel' }).setChecked(i % 2 === 0),
    },
    'a theme family ticked / unticked': {
      list: 'filter-themes',
      toggle: (i) => page.getByRole('checkbox', { name: 'Sport, plein air' }).setChecked(i % 2 === 0),
    },
    'the period moved by a month': {
      prepare: () => page.getByRole('slider').first().focus(),
      toggle: (i) => page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft'),
    },
  };
  const measures: Measure[] = [];
  const add = (label: string, figure: Figure) => measures.push({ section: SECTION, label, figure });
  const toggleList = (list: string | undefined) =>
    list
      ? page.getByTestId(list).locator('summary').click({ timeout: options.timeoutMs })
      : Promise.resolve();
  for (const [label, { list, prepare, toggle }] of Object.entries(toggles)) {
    console.error(`    ${label}`);
    const ms: number[] = [];
    const phases = { beforeQueries: [] as number[], queries: [] as number[], drawing: [] as number[] };
    const started = performance.now();
    // Each timed change records its total and its phases together; the change that only brings the
    // page back where it started records neither.
    const change = async (i: number, record = true) => {
      const times = await interaction(page, options.timeoutMs, async () => void (await toggle(i)));
      if (!record) return;
      ms.push(times.total);
      for (const phase of ['beforeQueries', 'queries', 'drawing'] as const) {
        const value = times[phase];
        if (value !== null) phases[phase].push(value);
      }
    };
    try {
      await toggleList(list);
      await prepare?.();
      // An even number of changes, so that the page ends where it started.
      const count = options.repetitions + (options.repetitions % 2);
      for (let i = 0; i < count && (i < 2 || performance.now() - started < options.budgetMs); i++)
        await change(i);
      if (ms.length % 2 === 1) await change(ms.length, false);
      await toggleList(list);
      add(label, { kind: 'time', ms });
      for (const [phase, name] of PHASE_LABELS)
        if (phases[phase].length > 0) add(`${label}: ${name}`, { kind: 'time', ms: phases[phase] });
    } catch (error) {
      // The page is in an unknown state: the next interactions would not mean much.
      add(label, ms.length > 0 ? { kind: 'time', ms } : errorFigure(error));
      return measures;
    }
  }
  console.error('    the animation');
  add(
    `one month of the animation (the ${ANIMATION_PAUSE_MS} ms pause excluded)`,
    await animation(page, options),
  );
  return measures;
}

/** Plays the animation for `repetitions` months: the time between two months drawn, less the pause. */
async function animation(page: Page, options: BrowserBenchOptions): Promise<Figure> {
  try {
    const from = await page.evaluate(() => (window as unknown as BenchWindow).__bench.drawn.length);
    await page.getByTestId('play').click();
    await page.waitForFunction(
      ({ from, months }) => (window as unknown as BenchWindow).__bench.drawn.length - from >= months,
      { from, months: options.repetitions + 2 },
      { timeout: options.timeoutMs * (options.repetitions + 2), polling: 'raf' },
    );
    await page.getByTestId('play').click();
    const drawn = await page.evaluate(
      (from) => (window as unknown as BenchWindow).__bench.drawn.slice(from),
      from,
    );
    // The first month drawn follows the click, not a pause.
    const ms = drawn.slice(1).flatMap((d, i) => {
      const previous = drawn[i];
      return previous ? [d.at - previous.at - ANIMATION_PAUSE_MS] : [];
    });
    return { kind: 'time', ms: ms.slice(0, options.repetitions + 1) };
  } catch (error) {
    return errorFigure(error);
  }
}

/** The browser figures of one size. */
export async function benchBrowser(options: BrowserBenchOptions): Promise<Measure[]> {
  const server = await startStaticServer(options.dist, 0, '127.0.0.1', {
    ...(options.dataset ? { '/data/demo/': options.dataset } : {}),
    ...(options.firstView ? { '/apercu/': options.firstView } : {}),
  });
  const measures: Measure[] = [];
  const add = (label: string, figure: Figure) => measures.push({ section: SECTION, label, figure });
  const marks = new Map<string, number[]>(Object.keys(MARKS).map((m) => [m, []]));
  let browser: HeadlessBrowser | null = null;
  let ready: Page | null = null;
  let failure: Figure | null = null;
  let bytes: { total: number; dataset: number } | null = null;
  let peakMb = 0;
  let heapMb = 0;
  try {
    const started = performance.now();
    for (let i = 0; i < options.loads && (i === 0 || performance.now() - started < options.budgetMs); i++) {
      await browser?.close();
      console.error(`    cold load ${i + 1}`);
      browser = await launchChromium();
      const { page } = browser;
      await page.addInitScript(instrument);
      const counted = byteCounter(page);
      try {
        await page.goto(server.url, { timeout: options.timeoutMs });
        await waitSettled(page, options.timeoutMs);
      } catch (error) {
        failure = errorFigure(error);
        peakMb = Math.max(peakMb, rendererPeakMb());
        bytes ??= await counted();
        break;
      }
      bytes ??= await counted();
      const entries = await page.evaluate(() =>
        performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const),
      );
      for (const [name, time] of entries) marks.get(name)?.push(time);
      peakMb = Math.max(peakMb, rendererPeakMb());
      heapMb = Math.max(heapMb, await jsHeapMb(page));
      ready = page;
    }
    for (const [mark, label] of Object.entries(MARKS)) {
      const ms = marks.get(mark) ?? [];
      add(
        `${label}, ms since navigation`,
        ms.length > 0 ? { kind: 'time', ms } : (failure ?? { kind: 'text', text: '—' }),
      );
    }
    if (bytes) {
      add('bytes received until ready, everything', { kind: 'value', value: bytes.total / 1e6, unit: 'MB' });
      add('bytes received until ready, the dataset', {
        kind: 'value',
        value: bytes.dataset / 1e6,
        unit: 'MB',
      });
    }
    if (ready) {
      measures.push(...(await interactions(ready, options)));
      peakMb = Math.max(peakMb, rendererPeakMb());
      heapMb = Math.max(heapMb, await jsHeapMb(ready).catch(() => 0));
    }
    add('renderer peak RSS (VmHWM in /proc, largest renderer)', { kind: 'value', value: peakMb, unit: 'MB' });
    if (heapMb > 0)
      add('JS heap of the page’s main thread (CDP, max)', { kind: 'value', value: heapMb, unit: 'MB' });
  } catch (error) {
    add('browser bench', errorFigure(error));
  } finally {
    await browser?.close().catch(() => undefined);
    await server.close();
  }
  return measures;
}
