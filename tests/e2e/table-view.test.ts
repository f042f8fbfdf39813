import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { formatEstimate } from '../../src/i18n/format-indicator.ts';
import { INDICATORS, mapIndicator, runIndicatorTable } from '../../src/indicators/registry.ts';
import { openReadySiteWithReference, type OpenSite } from './support/site.ts';

let site: OpenSite;
let reference: { runner: QueryRunner; manifest: DatasetManifest };
let close: () => Promise<void>;

beforeAll(async () => {
  ({ site, reference, close } = await openReadySiteWithReference('?indicateur=cout-evite-net'));
});
afterAll(async () => {
  await close?.();
});

const rows = () => site.page.getByTestId('commune-table').locator('tbody tr');

describe('the table view', () => {
  it('holds the same number as the map for every commune, with its range', async () => {
    await site.page.getByTestId('display-tableau').click();
    await site.page.getByTestId('commune-table').waitFor();
    const indicator = mapIndicator('cout-evite-net');
    const communes = await runIndicatorTable(
      reference.runner,
      INDICATORS,
      { period: reference.manifest.period },
      'commune',
    );
    const table = await rows().evaluateAll((trs) =>
      trs.map((tr) => {
        const td = tr.querySelector('td[data-indicator="cout-evite-net"]');
        return {
          code: (tr as HTMLElement).dataset['code'] ?? '',
          value: td?.querySelector('.figure-value')?.textContent ?? '',
          range: td?.querySelector('[data-testid$="-range"]')?.textContent ?? null,
          sign: td?.querySelector('[data-sign="uncertain"]') !== null,
        };
      }),
    );
    expect(table).toHaveLength(reference.manifest.tables.communes.rows);
    for (const { code, value, range, sign } of table) {
      const state = await site.page.evaluate((c) => window.symbiose?.communeState(c), code);
      const mapValue = (state?.['value'] as number | null | undefined) ?? null;
      const estimate = communes.find((c) => c.zone === code)?.values['cout-evite-net'];
      // The map and the table show the same estimate, rounded to what its range allows.
      if (mapValue === null) expect(estimate?.central ?? null, code).toBeNull();
      else expect(estimate?.central ?? null, code).toBeCloseTo(mapValue, 6);
      const shown = formatEstimate(indicator, estimate);
      expect(value, code).toBe(shown.value);
      expect(range, code).toBe(shown.range === null ? null : `(${shown.range})`);
      expect(sign, code).toBe(shown.signUncertain);
    }
  });

  it('sorts by a column from the keyboard, and says so', async () => {
    const communes = await runIndicatorTable(
      reference.runner,
      INDICATORS,
      { period: reference.manifest.period },
      'commune',
    );
    const byPopulation = [...communes]
      .sort(
        (a, b) =>
          (b.parts.population.central ?? 0) - (a.parts.population.central ?? 0) ||
          a.zone_nom.localeCompare(b.zone_nom, 'fr'),
      )
      .map((c) => c.zone);
    const header = site.page.getByTestId('sort-population');
    await header.focus();
    await site.page.keyboard.press('Enter');
    await expect(header.locator('xpath=..').getAttribute('aria-sort')).resolves.toBe('descending');
    const order = await rows().evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset['code']));
    expect(order).toEqual(byPopulation);
    await site.page.keyboard.press('Enter');
    await expect(header.locator('xpath=..').getAttribute('aria-sort')).resolves.toBe('ascending');
    const reversed = await rows().evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset['code']));
    expect(reversed[0]).toBe(byPopulation.at(-1));
  });

  it('opens a commune’s portrait from its name, with the keyboard', async () => {
    const first = rows().first().locator('th button');
    const name = await first.innerText();
    await first.focus();
    await site.page.keyboard.press('Enter');
    await site.page
      .locator('[data-testid="commune-panel"][aria-busy="false"]')
      .getByTestId('commune-name')
      .filter({ hasText: name })
      .waitFor();
  });
});
