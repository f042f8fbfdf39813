import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openSite, waitUntilReady, type OpenSite } from './support/site.ts';

const require = createRequire(import.meta.url);
/** axe-core, the accessibility engine, served from node_modules: nothing is fetched from a CDN. */
const AXE = require.resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

let site: OpenSite;

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

/** WCAG 2.1 A and AA rules that fail on the page, with where. */
async function violations(page: Page): Promise<string[]> {
  // Evaluated, not added as an inline <script>: the page's Content-Security-Policy refuses those.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  return found.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it.each([
    ['the overview', ''],
    ['a commune portrait with a comparison', '?selection=commune:00012&comparer=00057'],
    ['the table view', '?affichage=tableau'],
    ['the public view in English', '?vue=public&lang=en'],
  ])('finds no violation on %s', async (_, query) => {
    await site.page.goto(`${site.url}${query}`);
    await waitUntilReady(site.page);
    expect(await violations(site.page)).toEqual([]);
  });
});
