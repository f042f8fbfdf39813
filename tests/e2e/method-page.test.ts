import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { COEFFICIENTS } from '../../src/data/method/coefficients.ts';
import { INDICATORS } from '../../src/indicators/registry.ts';
import { openSite, type OpenSite } from './support/site.ts';

let site: OpenSite;
beforeAll(async () => {
  site = await openSite();
  await site.page.goto(`${site.url}methode/`);
  await site.page.waitForSelector('html[data-state="ready"]');
});
afterAll(async () => {
  await site?.close();
});

describe('the method page', () => {
  it('defines every indicator, with its formula, under the anchor the figures link to', async () => {
    for (const indicator of INDICATORS) {
      const entry = site.page.locator(`article[id="${indicator.id}"]`);
      await expect(entry.locator('h3').innerText(), indicator.id).resolves.toContain(indicator.label.fr);
      await expect(entry.innerText(), indicator.id).resolves.toContain(indicator.formula.fr);
    }
  });

  it('lists every coefficient with its value, range, unit and source', async () => {
    const rows = site.page.locator('table.method-coefficients tbody tr');
    await expect(rows.count()).resolves.toBe(COEFFICIENTS.coefficients.length);
    const car = await site.page.locator('tr[id="coef-ef_transport.voiture"]').innerText();
    expect(car).toContain('0,218');
    expect(car).toContain('0,15 – 0,26');
    expect(car).toContain('kgCO₂e/véh·km');
    expect(car).toContain('Impact CO₂ (ADEME)');
  });

  it('states the conventions: additionality, attribution, declared vs verified, outputs are not impacts', async () => {
    const conventions = await site.page.locator('#conventions').innerText();
    for (const heading of [
      'Des réalisations, pas des impacts',
      'Attribution aux communes',
      'Additionnalité',
      'Déclaré ou vérifié',
    ]) {
      expect(conventions).toContain(heading);
    }
  });

  it('makes no request to another origin', () => {
    const origin = new URL(site.url).origin;
    expect(site.requests.filter((url) => !url.startsWith(origin))).toEqual([]);
  });
});
