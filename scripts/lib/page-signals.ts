/*
 * The built page's own signals, waited on by the browser tests and the real-data check: never a
 * sleep. `data-state="ready"` once the map and the first figures are drawn; `data-view` names the
 * view drawn (its query string, without `d`, which says which dataset and is not part of the view).
 */
import type { Page } from 'playwright-core';

/** Waits for the page's signal that the map and the first figures are drawn. */
export async function waitUntilReady(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForSelector('html[data-state="ready"]', { timeout });
}

/**
 * Waits until the page shows the view in its URL: after a filter, indicator or audience change,
 * the map and figures are those of the new view.
 */
export async function waitForView(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const { state, view } = document.documentElement.dataset;
      const query = new URLSearchParams(window.location.search);
      query.delete('d');
      return state === 'ready' && view === query.toString();
    },
    undefined,
    { timeout },
  );
}
