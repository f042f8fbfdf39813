/*
 * The built site in headless Chromium, on one size's dataset (served at /data/demo/ in place of
 * the site's own): start-up marks over cold loads, bytes sent, the renderer's peak memory, then
 * what a person waits for, repeated back and forth in one page. Every wait is on the page's own
 * signals (`data-state`, `data-view`: scripts/lib/page-signals.ts), never a sleep; a step that
 * exceeds its timeout is reported as « timeout ».
 */
import type { Page } from 'playwright-core';

import { launchChromium, type HeadlessBrowser } from '../lib/chromium.ts';
import { startStaticServer } from '../lib/static-server.ts';
import { byteCounter, jsHeapMb, rendererPeakMb } from './browser-resources.ts';
import { errorFigure, type Figure, type Measure } from './figures.ts';
import { instrument, interaction, waitSettled, type BenchWindow } from './interaction.ts';

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
  /** Possible on the build's overview (no engine: a dataset beyond the browser). */
  readonly withoutEngine?: boolean;
}

/** What an interaction reads on the build's overview, where it is not on the page. */
const NO_ENGINE: Figure = {
  kind: 'text',
  text: 'not on the page: dataset beyond the browser, build-time overview only (no engine)',
};

/**
 * Sub-rows of a filter change by direction: away from the default view, and back to it, whose
 * levels come from the build's first view (the engine does not compute them again).
 */
const WAY_LABELS = [
  ['away', 'of which away from the default view'],
  ['back', 'of which back to the default view (its levels from the build)'],
] as const;

/** Sub-rows of an interaction that ran queries. */
const PHASE_LABELS = [
  ['beforeQueries', 'of which input → first query sent'],
  ['queries', 'of which queries (first sent → answers shown)'],
  ['drawing', 'of which drawing (answers shown → map drawn)'],
] as const;

/**
 * Times each interaction `repetitions` times, back and forth, in one ready page. `overview`: the
 * page shows its build's figures without an engine (a dataset beyond the browser); only the
 * indicator can change (a recolouring), the rest is not on the page.
 */
async function interactions(page: Page, options: BrowserBenchOptions, overview: boolean): Promise<Measure[]> {
  const toggles: Record<string, Toggle> = {
    'another indicator (recolouring)': {
      withoutEngine: true,
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
  for (const [label, { list, prepare, toggle, withoutEngine }] of Object.entries(toggles)) {
    if (overview && !withoutEngine) {
      add(label, NO_ENGINE);
      continue;
    }
    console.error(`    ${label}`);
    const ms: number[] = [];
    // Even changes leave the default view, odd ones come back to it, whose levels the build computed.
    const ways = { away: [] as number[], back: [] as number[] };
    const phases = { beforeQueries: [] as number[], queries: [] as number[], drawing: [] as number[] };
    const started = performance.now();
    // Each timed change records its total and its phases together; the change that only brings the
    // page back where it started records neither.
    const change = async (i: number, record = true) => {
      const times = await interaction(page, options.timeoutMs, async () => void (await toggle(i)));
      if (!record) return;
      ms.push(times.total);
      ways[i % 2 === 0 ? 'away' : 'back'].push(times.total);
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
      if (!withoutEngine)
        for (const [way, name] of WAY_LABELS) add(`${label}: ${name}`, { kind: 'time', ms: ways[way] });
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
    overview ? NO_ENGINE : await animation(page, options),
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
    // The build's overview (a dataset beyond the browser) never starts its engine.
    const overview = (await ready?.evaluate(() => document.documentElement.dataset['state'])) === 'overview';
    for (const [mark, label] of Object.entries(MARKS)) {
      const ms = marks.get(mark) ?? [];
      add(
        `${label}, ms since navigation`,
        ms.length > 0
          ? { kind: 'time', ms }
          : (failure ?? (overview ? NO_ENGINE : { kind: 'text', text: '—' })),
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
      measures.push(...(await interactions(ready, options, overview)));
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
