/**
 * « Près de chez moi », the public view on a phone (390 × 844): a person types a commune or opts
 * in to geolocation, then reads what is near as cards, nearest first, as the reference engine
 * computes it on the served dataset.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { publicWebsite } from '../../src/data/website.ts';
import type { DatasetManifest } from '../../src/data/manifest.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { roundDistance } from '../../src/dashboard/near-me.ts';
import { formatNumber } from '../../src/i18n/format.ts';
import { nearMeMessages } from '../../src/i18n/sections/near-me.ts';
import { displayName } from '../../src/i18n/typography.ts';
import {
  runNearCommunes,
  runNearMe,
  type NearCommuneEntry,
  type NearMe,
  type NearPoint,
} from '../../src/indicators/explore/near-me.ts';
import { openReadySite, referenceEngine, servedOutlines, type OpenSite } from './support/site.ts';

const PHONE = { width: 390, height: 844 };
const t = nearMeMessages.fr;

let site: OpenSite;
let reference: { runner: QueryRunner; manifest: DatasetManifest };
let communes: NearCommuneEntry[];

beforeAll(async () => {
  reference = await referenceEngine();
  communes = await runNearCommunes(reference.runner);
  site = await openReadySite('?vue=public', PHONE);
});
afterAll(async () => {
  await site?.close();
  await reference?.runner.close();
});

/** What the page must list near `point`, in the default view's filters (the whole period). */
const expectedNear = (point: NearPoint): Promise<NearMe> =>
  runNearMe(reference.runner, { period: reference.manifest.period }, point);

const distanceText = (km: number) => {
  const d = roundDistance(km);
  return d.kind === 'under1' ? t.distanceUnder1 : t.distance(formatNumber(d.value, d.decimals));
};

/** The cards once the results for the chosen point are drawn. */
async function shownCards(page: Page, around: string) {
  const results = page.locator('[data-testid="near-results"][aria-busy="false"]');
  await results.getByTestId('near-around').filter({ hasText: around }).waitFor();
  return {
    names: await results.getByTestId('near-association-name').allInnerTexts(),
    distances: await results.getByTestId('near-association').getByTestId('near-distance').allInnerTexts(),
    more: await results.getByTestId('near-associations-more').allInnerTexts(),
    places: await results.getByTestId('near-place').count(),
    offers: await results.getByTestId('near-offer').locator('h4').allInnerTexts(),
  };
}

describe('« Près de chez moi » on a phone', () => {
  it('shows the panel in place of the dashboard overview, and asks nothing before the button', async () => {
    const panel = site.page.getByTestId('near-me');
    await expect(panel.locator('h2').innerText()).resolves.toBe(t.title);
    await expect(site.page.getByTestId('territory-panel').count()).resolves.toBe(0);
    await expect(site.page.getByTestId('near-results').count()).resolves.toBe(0);
    const permission = await site.page.evaluate(
      async () => (await navigator.permissions.query({ name: 'geolocation' })).state,
    );
    expect(permission).toBe('prompt');
  });

  it('says plainly when the position is refused, and the commune field stays usable', async () => {
    // No permission granted: headless Chromium refuses the request as a person would.
    await site.page.getByTestId('near-locate').click();
    await expect(site.page.getByTestId('near-locate-problem').innerText()).resolves.toBe(t.denied);
    await expect(site.page.getByTestId('near-commune-input').isEditable()).resolves.toBe(true);
  });

  it('lists the associations nearest a typed commune first, with distances, website and « et N autres »', async () => {
    // A commune whose nearest associations include one with a public website (the demo's hubs).
    let chosen: { commune: NearCommuneEntry; near: NearMe } | null = null;
    for (const commune of communes) {
      const near = await expectedNear(commune);
      if (near.associations.items.some((a) => a.site_web)) {
        chosen = { commune, near };
        break;
      }
    }
    if (!chosen) throw new Error('no commune near a website');
    const { commune, near } = chosen;
    const input = site.page.getByTestId('near-commune-input');
    await input.fill(commune.nom);
    await site.page
      .getByTestId('near-commune-results')
      .locator('li.search-result')
      .filter({
        has: site.page.locator('.search-name', {
          hasText: new RegExp(`^${commune.nom.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
        }),
      })
      .click();

    const cards = await shownCards(site.page, t.aroundCommune(displayName(commune.nom)));
    expect(cards.names[0]).toBe(displayName(near.associations.items[0]?.nom ?? ''));
    expect(cards.names).toEqual(near.associations.items.map((a) => displayName(a.nom)));
    expect(cards.distances).toEqual(near.associations.items.map((a) => distanceText(a.distance_km)));
    const others = near.associations.total - near.associations.items.length;
    expect(cards.more).toEqual(others > 0 ? [t.more(others, formatNumber(others))] : []);
    expect(cards.places).toBe(near.places.items.length);
    expect(cards.offers).toEqual(near.offers.items.map((o) => o.description));

    const withSite = near.associations.items.find((a) => a.site_web);
    const website = publicWebsite(withSite?.site_web ?? null);
    if (!withSite || !website) throw new Error('no website to show');
    const link = site.page
      .locator(`[data-testid="near-association"][data-id="${withSite.id}"]`)
      .getByTestId('near-website');
    await expect(link.innerText()).resolves.toBe(website.host);
    await expect(link.getAttribute('href')).resolves.toBe(website.href);
    await expect(link.getAttribute('rel')).resolves.toBe('noopener nofollow');
    // Mobile first: nothing overflows the phone's width.
    await expect(site.page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(
      PHONE.width,
    );
  });

  it('once geolocation is allowed, looks from the position and names the commune containing it', async () => {
    const outlines = servedOutlines();
    // A commune whose reference point lies inside its own outline, other than the first one.
    const commune = communes
      .slice(1)
      .find((c) =>
        outlines.features.some(
          (f) =>
            f.properties?.['code_insee'] === c.code_insee &&
            booleanPointInPolygon([c.longitude, c.latitude], f),
        ),
      );
    if (!commune) throw new Error('no commune holding its point');
    // Slightly off the commune's point, still inside it, so distances are from the person's position.
    const position = { longitude: commune.longitude + 0.0005, latitude: commune.latitude };
    const outline = outlines.features.find((f) => f.properties?.['code_insee'] === commune.code_insee);
    if (!outline || !booleanPointInPolygon([position.longitude, position.latitude], outline))
      throw new Error('position outside the commune');
    const context = site.page.context();
    await context.grantPermissions(['geolocation'], { origin: new URL(site.url).origin });
    await context.setGeolocation(position);
    await site.page.getByTestId('near-locate').click();

    const near = await expectedNear(position);
    const cards = await shownCards(site.page, t.aroundPosition(displayName(commune.nom)));
    expect(cards.names[0]).toBe(displayName(near.associations.items[0]?.nom ?? ''));
    expect(cards.names).toEqual(near.associations.items.map((a) => displayName(a.nom)));
    await expect(site.page.getByTestId('near-locate-problem').count()).resolves.toBe(0);
    // The position is not written to the page's address.
    expect(site.page.url()).not.toContain(String(position.latitude).slice(0, 6));
  });
});
