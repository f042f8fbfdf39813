import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { violations } from './support/axe.ts';
import { openSite, waitUntilReady, type OpenSite } from './support/site.ts';

let site: OpenSite;

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

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
