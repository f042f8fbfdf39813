/**
 * Cooperation signals of open data on the built demo: the shared places layer (switched on from
 * the legend, the demo declaring exchanges), its tooltip, and the places of a commune in its
 * portrait. Expected places are counted here from the served Arrow files (apache-arrow in Node),
 * independently of the SQL: a place of `lieux` with at least three associations active at the end
 * of the period (active, not dissolved, created by then, last declaration within ten years).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import { clickCommune, openReadySite, SERVED_DATASET, type OpenSite } from './support/site.ts';

interface ExpectedPlace {
  readonly cle: string;
  readonly commune: string;
  readonly libelle: string;
  readonly associations: number;
}

/** Rows of a served Arrow file as plain objects. */
function rowsOf(file: string): Record<string, unknown>[] {
  return tableFromIPC(readFileSync(join(SERVED_DATASET, file)))
    .toArray()
    .map((row: { toJSON(): Record<string, unknown> }) => row.toJSON());
}

/** Places to show, and addresses shared by exactly two active associations per commune. */
function expectedSignals(end: string): { places: ExpectedPlace[]; pairs: Map<string, number> } {
  const [year, month, day] = end.split('-').map(Number) as [number, number, number];
  const endMs = Date.UTC(year, month - 1, day);
  const tenYearsBefore = Date.UTC(year - 10, month - 1, day);
  const bySeat = new Map<string, { commune: string; n: number }>();
  for (const a of rowsOf('associations.arrow')) {
    const created = a['date_creation'] as number | null;
    const declared = a['date_derniere_declaration'] as number | null;
    const active =
      a['statut'] === 'active' &&
      a['date_dissolution'] === null &&
      (created === null || created <= endMs) &&
      (declared === null || declared > tenYearsBefore);
    const seat = a['siege_cle'] as string | null;
    if (!active || seat === null) continue;
    const found = bySeat.get(seat) ?? { commune: String(a['commune_code']), n: 0 };
    found.n++;
    bySeat.set(seat, found);
  }
  const places = rowsOf('lieux.arrow')
    .map((l) => ({
      cle: String(l['cle']),
      commune: String(l['commune_code']),
      libelle: String(l['libelle']),
      associations: bySeat.get(String(l['cle']))?.n ?? 0,
    }))
    .filter((p) => p.associations >= 3);
  const pairs = new Map<string, number>();
  for (const seat of bySeat.values())
    if (seat.n === 2) pairs.set(seat.commune, (pairs.get(seat.commune) ?? 0) + 1);
  return { places, pairs };
}

let site: OpenSite;
let manifest: DatasetManifest;
let expected: ReturnType<typeof expectedSignals>;

beforeAll(async () => {
  manifest = JSON.parse(readFileSync(join(SERVED_DATASET, 'manifest.json'), 'utf8')) as DatasetManifest;
  expected = expectedSignals(manifest.period.end);
  site = await openReadySite();
});
afterAll(async () => {
  await site?.close();
});

/** Keys of the places the map draws, once it draws as many as expected (or after 20 s, to compare). */
async function drawnPlaces(count: number): Promise<string[]> {
  const keys = () => [
    ...new Set((window.symbiose?.rendered(['shared-places']) ?? []).map((f) => String(f.properties['cle']))),
  ];
  await site.page
    .waitForFunction(
      (n) =>
        new Set((window.symbiose?.rendered(['shared-places']) ?? []).map((f) => f.properties['cle'])).size >=
        n,
      count,
      { timeout: 20_000 },
    )
    .catch(() => undefined);
  return site.page.evaluate(keys);
}

describe('shared places on the map', () => {
  it('are listed in the legend as a signal, off beside declared exchanges, and drawn once switched on', async () => {
    expect(expected.places.length).toBeGreaterThan(0);
    const entry = site.page.getByTestId('legend-signal-places');
    await entry.waitFor({ state: 'visible' });
    expect(await entry.innerText()).toBe(
      'Lieux partagés (≥ 3 associations) — signal, pas un échange déclaré',
    );
    expect(await site.page.getByTestId('legend-signal-hubs').innerText()).toBe('Structures faîtières');
    // The demo declares exchanges: the signals open switched off.
    expect(await entry.locator('input').isChecked()).toBe(false);
    await entry.locator('input').check();
    // Every place of three active associations or more, and no other, is drawn.
    expect((await drawnPlaces(expected.places.length)).sort()).toEqual(
      expected.places.map((p) => p.cle).sort(),
    );
  });

  it('says in its tooltip what a place is, and that its position is approximate', async () => {
    // The largest place of a commune is drawn at the commune's point: one alone in its commune.
    const alone = expected.places.filter(
      (p) => expected.places.filter((q) => q.commune === p.commune).length === 1,
    );
    const place = [...(alone.length > 0 ? alone : expected.places)].sort(
      (a, b) => b.associations - a.associations,
    )[0];
    if (!place) throw new Error('no place');
    const communes = rowsOf('communes.arrow');
    const commune = communes.find((c) => c['code_insee'] === place.commune);
    const [x, y] = await site.page.evaluate(
      ([lon, lat]) => window.symbiose?.project(lon ?? 0, lat ?? 0) ?? [0, 0],
      [Number(commune?.['longitude']), Number(commune?.['latitude'])],
    );
    const box = await site.page.getByTestId('map').boundingBox();
    if (!box) throw new Error('map not laid out');
    await site.page.mouse.move(box.x + x, box.y + y);
    const tooltip = site.page.locator('.map-tooltip').filter({ hasText: 'position approchée' });
    await tooltip.waitFor();
    // Its label, count and themes (or those of a neighbour drawn over it at this zoom).
    const said = /^(.+) — (\d+) associations \((.+)\) · position approchée$/.exec(await tooltip.innerText());
    expect(said).not.toBeNull();
    expect(expected.places.map((p) => `${p.libelle}|${p.associations}`)).toContain(
      `${said?.[1]}|${said?.[2]}`,
    );
    expect(said?.[3]).toMatch(/^[^;]+ : \d+( ; [^;]+ : \d+)*$/);
  });
});

describe('a commune’s portrait', () => {
  it('lists its shared places with the count of active associations, and the pairs it does not show', async () => {
    // The commune with the most places (then the most associations in them).
    const byCommune = new Map<string, ExpectedPlace[]>();
    for (const p of expected.places) byCommune.set(p.commune, [...(byCommune.get(p.commune) ?? []), p]);
    const total = (ps: ExpectedPlace[]) => ps.reduce((sum, p) => sum + p.associations, 0);
    const [code, places] = [...byCommune].sort(
      ([, a], [, b]) => b.length - a.length || total(b) - total(a),
    )[0] ?? ['', []];
    await clickCommune(site.page, code);
    const section = site.page
      .locator('[data-testid="commune-panel"][aria-busy="false"]')
      .getByTestId('cooperation-signals');
    await section.waitFor();
    expect(await section.locator('h3').innerText()).toBe('Signaux de coopération');
    const listed = await section.getByTestId('signal-places').locator('li').allInnerTexts();
    expect(listed.map((text) => text.split('\n')[0])).toEqual(
      [...places]
        .sort((a, b) => b.associations - a.associations || a.cle.localeCompare(b.cle))
        .map((p) => `${p.libelle} — ${p.associations} associations`),
    );
    const pairs = expected.pairs.get(code) ?? 0;
    expect(await section.getByTestId('signal-pairs').innerText()).toBe(
      pairs === 0
        ? 'Aucune adresse partagée par 2 associations seulement.'
        : pairs === 1
          ? '1 adresse partagée par 2 associations, non montrée'
          : `${pairs} adresses partagées par 2 associations, non montrées`,
    );
  });

  it('fits a 390 px wide phone: the section and the legend entries inside the screen, readable', async () => {
    await site.page.setViewportSize({ width: 390, height: 844 });
    // On a phone the legend is folded to one button: unfolded, as a person reading it would.
    await site.page.getByTestId('legend-toggle').click();
    const section = site.page.getByTestId('cooperation-signals');
    await section.locator('h3').scrollIntoViewIfNeeded();
    const layout = await section.evaluate((el) => {
      const heading = el.querySelector('h3')?.getBoundingClientRect();
      const legend = document.querySelector('[data-testid="legend-signals"]');
      const box = legend?.getBoundingClientRect();
      return {
        sectionOverflow: el.scrollWidth - el.clientWidth,
        sectionRight: el.getBoundingClientRect().right,
        // What a person sees where the heading is: the heading itself, not a 1 px scroll box.
        headingSeen: heading
          ? el.contains(document.elementFromPoint(heading.x + 10, heading.y + heading.height / 2))
          : false,
        legendOverflow: legend ? legend.scrollWidth - legend.clientWidth : -1,
        legendLeft: box?.left ?? -1,
        legendRight: box?.right ?? Infinity,
      };
    });
    expect(layout.sectionOverflow).toBeLessThanOrEqual(0);
    expect(layout.sectionRight).toBeLessThanOrEqual(390);
    expect(layout.headingSeen).toBe(true);
    expect(layout.legendOverflow).toBeLessThanOrEqual(0);
    expect(layout.legendLeft).toBeGreaterThanOrEqual(0);
    expect(layout.legendRight).toBeLessThanOrEqual(390);
    await site.page.getByTestId('legend-signal-places').scrollIntoViewIfNeeded();
    await expect(site.page.getByTestId('legend-signal-places').isVisible()).resolves.toBe(true);
  });
});
