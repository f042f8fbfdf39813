/*
 * The page's instrumentation for the browser bench (scripts/bench/browser.ts) and the waits on the
 * page's own signals: the init script that stamps user events and drawn views, the wait for a
 * settled page, and the timing of one interaction with its phases.
 */
import type { Page } from 'playwright-core';

interface Drawn {
  readonly view: string;
  readonly at: number;
}
export interface BenchWindow {
  __bench: { armed: boolean; t0: number; drawn: Drawn[] };
}

/**
 * Installed before the page's own scripts: stamps the first user event after `armed` (t0), and
 * each view the page says it has drawn (`data-state` ready, or overview for a dataset beyond the
 * browser, with a new `data-view`), in page time.
 */
export function instrument(): void {
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
      if ((state === 'ready' || state === 'overview') && view !== undefined && key !== last)
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

/**
 * Waits until the page is ready (or shows its build's overview: a dataset beyond the browser) or
 * failed; throws the page's error message if it failed.
 */
export async function waitSettled(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction(
    () => ['ready', 'overview', 'error'].includes(document.documentElement.dataset['state'] ?? ''),
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
export async function interaction(
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
        state === 'error' ||
        (query.toString() !== previous &&
          (state === 'ready' || state === 'overview') &&
          view === query.toString())
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
