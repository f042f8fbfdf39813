import { schemeBrBG } from 'd3-scale-chromatic';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { runAssociationLinks } from '../../src/indicators/explore/links.ts';
import { INDICATORS, runIndicatorTable } from '../../src/indicators/registry.ts';
import {
  freePointInCommune,
  openReadySiteWithReference,
  waitForView,
  type OpenSite,
} from './support/site.ts';

let site: OpenSite;
let reference: { runner: QueryRunner; manifest: DatasetManifest };
let close: () => Promise<void>;

beforeAll(async () => {
  ({ site, reference, close } = await openReadySiteWithReference());
});
afterAll(async () => {
  await close?.();
});

async function show(page: Page, query: string): Promise<void> {
  await page.goto(`${site.url}?${query}`);
  await waitForView(page, 120_000);
}

/** Features a layer draws, one per `key` (a tiled source may return a feature twice). */
async function drawn(page: Page, layer: string, key: string): Promise<Map<string, Record<string, unknown>>> {
  const features = await page.evaluate((id) => window.symbiose?.rendered([id]) ?? [], layer);
  return new Map(features.map((f) => [String(f.properties[key]), f.properties]));
}

describe('the map’s semiology', () => {
  it('draws a stock as proportional circles: one per commune with exchanges, the largest 26 px', async () => {
    const page = site.page;
    await show(page, 'indicateur=echanges');
    const communes = await runIndicatorTable(
      reference.runner,
      INDICATORS,
      { period: reference.manifest.period },
      'commune',
    );
    const values = communes
      .map((c) => [c.zone, c.values['echanges']?.central ?? 0] as const)
      .filter(([, v]) => v !== 0);
    const [largest] = [...values].sort((a, b) => b[1] - a[1]);
    const circles = await drawn(page, 'commune-circles', 'code_insee');
    expect(circles.size).toBe(values.length);
    expect(circles.get(largest?.[0] ?? '')?.['rayon']).toBe(26);
    // Area ∝ value: a commune with a quarter of the largest value has half its radius.
    for (const [code, value] of values) {
      const expected = 26 * Math.sqrt(value / (largest?.[1] ?? 1));
      expect(Number(circles.get(code)?.['rayon'])).toBeCloseTo(expected, 1);
    }
    await expect(page.getByTestId('legend-circles').isVisible()).resolves.toBe(true);
  }, 180_000);

  it('colours a balance per inhabitant on the zero-centred BrBG palette', async () => {
    const page = site.page;
    await show(page, 'indicateur=bilan-co2&par_hab=1');
    const colors = await page
      .getByTestId('legend-classes')
      .locator('[data-color]')
      .evaluateAll((spans) => spans.map((s) => s.getAttribute('data-color')));
    const brbg = new Set(Object.values(schemeBrBG).flat());
    const classColors = colors.filter((c) => c !== '#c9c9c9' && c !== '#8a8f98');
    expect(classColors.length).toBeGreaterThan(0);
    for (const color of classColors) expect(brbg.has(color ?? '')).toBe(true);
  }, 180_000);

  it('draws the main town’s links by partner commune, at most 12, and says how many are left out', async () => {
    const page = site.page;
    await show(page, 'selection=commune%3A00057');
    const links = await runAssociationLinks(
      reference.runner,
      { period: reference.manifest.period },
      { kind: 'commune', id: '00057' },
    );
    const partners = new Set<string>();
    for (const l of links) {
      if (l.commune_a === '00057' && l.commune_b === '00057') continue;
      partners.add(l.commune_a === '00057' ? l.commune_b : l.commune_a);
    }
    expect(partners.size).toBeGreaterThan(12);
    const legend = page.getByTestId('legend-links');
    await legend.waitFor();
    const others = partners.size - 12;
    await expect(legend.innerText()).resolves.toBe(
      `Liens de la sélection : 12 communes partenaires (épaisseur : nombre d’échanges), et ${others} autres non tracées`,
    );
    const lines = await drawn(page, 'links', 'partenaire');
    expect(lines.size).toBeLessThanOrEqual(12);
    for (const code of lines.keys()) expect(partners.has(code)).toBe(true);
  }, 180_000);

  it('keeps the classes of the whole period while the animation plays', async () => {
    const page = site.page;
    await show(page, '');
    const classes = () => page.getByTestId('legend-classes').locator('li').allInnerTexts();
    const before = await classes();
    const play = page.getByTestId('play');
    await play.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('au') !== null, undefined, {
      timeout: 60_000,
    });
    // Some months in, the map shows a shorter period with the whole period's classes.
    await page.waitForFunction(
      () => (new URL(location.href).searchParams.get('au') ?? '') >= '2022-04',
      undefined,
      { timeout: 300_000, polling: 200 },
    );
    await expect(classes()).resolves.toEqual(before);
    await expect(page.getByTestId('legend').innerText()).resolves.toContain(
      'Animation : classes et tailles fixées sur la période entière',
    );
    await play.click();
    await waitForView(page, 120_000);
    await expect(page.getByTestId('legend').innerText()).resolves.not.toContain('Animation :');
  }, 420_000);

  it('lets the tooltip go with the pointer', async () => {
    const page = site.page;
    await show(page, '');
    const [x, y] = await freePointInCommune(page, '00012');
    const box = await page.getByTestId('map').boundingBox();
    if (!box) throw new Error('map not laid out');
    await page.mouse.move(box.x + x, box.y + y);
    await page.locator('.map-tooltip').waitFor({ state: 'visible' });
    await page.mouse.move(box.x + x, Math.max(1, box.y - 20));
    await page.locator('.map-tooltip').waitFor({ state: 'detached' });
  }, 120_000);
});
