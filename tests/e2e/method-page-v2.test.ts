import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { COEFFICIENTS } from '../../src/data/method/coefficients.ts';
import { COUNTERFACTUALS } from '../../src/indicators/method/counterfactuals.ts';
import { runSensitivity, type FigureSensitivity } from '../../src/indicators/method/sensitivity.ts';
import { INDICATORS, runIndicatorTable } from '../../src/indicators/registry.ts';
import { openSite, referenceEngine, type OpenSite } from './support/site.ts';

/*
 * Method v2 on the method page (issue 12): what Symbiose publishes, the counterfactual rules,
 * data quality, uncertainty with the demo territory's tornado, time and the method's version, in
 * French and in English, readable on a phone.
 */

const PAGES = {
  fr: {
    path: 'methode/',
    first: [
      'Ce que publie Symbiose',
      'Ce qui se serait passé sans l’échange',
      'Qualité des données',
      'Incertitude',
      'Temps',
      'Conventions',
    ],
    version: 'méthode 2.0.0',
  },
  en: {
    path: 'en/method/',
    first: [
      'What Symbiose publishes',
      'What would have happened without the exchange',
      'Data quality',
      'Uncertainty',
      'Time',
      'Conventions',
    ],
    version: 'method 2.0.0',
  },
} as const;

const TORNADO_FIGURES = ['cout-evite-net', 'bilan-co2'];

/** axe-core, served from node_modules (as in accessibility.test.ts). */
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** WCAG 2.1 A and AA rules that fail on the page, with where. */
async function violations(page: Page): Promise<string[]> {
  // Evaluated, not added as an inline <script>: the page's Content-Security-Policy refuses those.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

let site: OpenSite;
/** The sensitivity of the tornado's figures, computed here on the dataset the site was built with. */
let expected: FigureSensitivity[];

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${site.url}${path}`);
  await page.waitForSelector('html[data-state="ready"]');
}

beforeAll(async () => {
  const { runner, manifest } = await referenceEngine();
  try {
    const indicators = INDICATORS.filter((i) => TORNADO_FIGURES.includes(i.id));
    const filters = { period: manifest.period };
    const [territory] = await runIndicatorTable(runner, indicators, filters, 'territoire');
    if (!territory) throw new Error('no territory in the served dataset');
    expected = await runSensitivity(
      runner,
      indicators,
      filters,
      'territoire',
      territory.zone,
      territory.parts,
    );
  } finally {
    await runner.close();
  }
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe.each(Object.entries(PAGES))('the method page (%s)', (lang, spec) => {
  it('opens on the v2 sections, in order, with the method version in its header', async () => {
    await open(site.page, spec.path);
    const headings = await site.page.locator('.method-body > section > h2').allInnerTexts();
    expect(headings.slice(0, 6)).toEqual(spec.first);
    const version = site.page.getByTestId('method-version');
    await expect(version.innerText()).resolves.toBe(spec.version);
    expect(COEFFICIENTS.version).toBe('2.0.0');
    await expect(version.getAttribute('href')).resolves.toBe('#methode-versions');
    await expect(site.page.locator('#methode-versions h2').count()).resolves.toBe(1);
  });

  it('publishes four separate figures, never one euro sum', async () => {
    await open(site.page, spec.path);
    const rows = site.page.getByTestId('method-published-figures').locator('tbody tr');
    await expect(rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-figure')))).resolves.toEqual(
      ['cout-evite-net', 'valeur-benevolat', 'valeur-personnel', 'valeur-marche-declaree'],
    );
    const text = await site.page.getByTestId('method-published').innerText();
    if (lang === 'fr') {
      expect(text).toContain('Une valorisation conventionnelle, pas une économie');
      expect(text).toContain('comptes 86 et 87');
      expect(text).toContain('Aucune « valeur totale » n’est publiée');
      expect(text).toContain('Réalisations');
      expect(text).toContain('Effets estimés');
    } else {
      expect(text).toContain('A conventional valuation, not a saving');
      expect(text).toContain('accounts 86 and 87');
      expect(text).toContain('No « total value » is published');
      expect(text).toContain('Outputs');
      expect(text).toContain('Estimated effects');
    }
  });

  it('has one row per counterfactual rule, in the order they apply, with its alternative', async () => {
    await open(site.page, spec.path);
    const table = site.page.getByTestId('method-counterfactual-table');
    const rules = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-rule')));
    expect(rules).toEqual([
      'don-bien',
      'pret-materiel',
      'pret-vehicule',
      'locaux',
      'autre',
      'temps',
      'personnel',
    ]);
    expect(rules).toEqual(COUNTERFACTUALS.map((r) => r.id));
    for (const rule of COUNTERFACTUALS) {
      const row = await table.locator(`tr[data-rule="${rule.id}"]`).innerText();
      expect(row, rule.id).toContain(rule.alternative[lang === 'fr' ? 'fr' : 'en']);
    }
    // The gift rule: equipment and vehicles given; the SQL of its cost is there to check.
    const gift = table.locator('tr[data-rule="don-bien"]');
    await expect(gift.innerText()).resolves.toContain(
      lang === 'fr' ? 'Véhicules (vehicule)' : 'Vehicles (vehicule)',
    );
    await expect(gift.locator('details code').first().textContent()).resolves.toBe(
      'q.unites * b.prix_neuf * q.part_vie_restante_don',
    );
  });

  it('gives the substituted share s and the data factors with their ranges', async () => {
    await open(site.page, spec.path);
    const fr = lang === 'fr';
    const answer = (cle: string) =>
      site.page.locator(`[data-testid="method-substitution"] tr[data-answer="${cle}"]`);
    await expect(answer('oui').innerText()).resolves.toMatch(fr ? /oui\s+1\s+0,7 – 1/ : /yes\s+1\s+0.7 – 1/);
    await expect(answer('non').innerText()).resolves.toMatch(fr ? /non\s+0\s+0 – 0,2/ : /no\s+0\s+0 – 0.2/);
    await expect(answer('inconnu').innerText()).resolves.toMatch(
      fr ? /sans réponse\s+0,5\s+0 – 1/ : /no answer\s+0.5\s+0 – 1/,
    );
    const tier = (t: string) =>
      site.page.locator(`[data-testid="method-quality-tiers"] tr[data-tier="${t}"]`);
    await expect(tier('declare').innerText()).resolves.toContain(fr ? '0,7 – 1,3' : '0.7 – 1.3');
    await expect(tier('confirme').innerText()).resolves.toContain(fr ? '0,85 – 1,15' : '0.85 – 1.15');
    await expect(tier('verifie').innerText()).resolves.toContain(fr ? '0,95 – 1,05' : '0.95 – 1.05');
    await expect(site.page.locator('[data-testid="method-quality"] li[data-filter]').count()).resolves.toBe(
      3,
    );
  });

  it('explains the interval propagation, the 85 % flag, and time with the values’ year', async () => {
    await open(site.page, spec.path);
    const uncertainty = await site.page.getByTestId('method-uncertainty').innerText();
    // French typography: a narrow no-break space before %.
    expect(uncertainty).toContain(lang === 'fr' ? 'dépasse 85\u202f%' : 'more than 85%');
    expect(uncertainty).toContain(lang === 'fr' ? 'Une enveloppe prudente' : 'A conservative envelope');
    const time = await site.page.getByTestId('method-time').innerText();
    expect(time).toContain(lang === 'fr' ? 'Comptes entiers' : 'Whole counts');
    expect(time).toContain("date_diff('day', greatest(e.date_debut, CAST($1 AS DATE))");
    await expect(site.page.getByTestId('method-time-values').innerText()).resolves.toContain(
      lang === 'fr' ? '1er janvier 2026' : '1 January 2026',
    );
  });

  it('draws the demo territory’s tornado: one bar per parameter that moves each figure', async () => {
    await open(site.page, spec.path);
    await expect(site.page.getByTestId('method-tornado-missing').count()).resolves.toBe(0);
    for (const figure of expected) {
      const tornado = site.page.locator(
        `[data-testid="method-tornado"][data-indicator="${figure.indicator}"]`,
      );
      const rows = await tornado.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          parametre: tr.getAttribute('data-parametre'),
          low: Number(tr.getAttribute('data-low')),
          high: Number(tr.getAttribute('data-high')),
          bars: [...tr.querySelectorAll('svg rect')].map((r) => Number(r.getAttribute('width'))),
          text: tr.textContent ?? '',
        })),
      );
      expect(figure.swings.length, figure.indicator).toBeGreaterThan(3);
      expect(rows.map((r) => r.parametre)).toEqual(figure.swings.map((s) => s.parametre));
      for (const [i, swing] of figure.swings.entries()) {
        const row = rows[i];
        expect(row?.low).toBeCloseTo(swing.low, 6);
        expect(row?.high).toBeCloseTo(swing.high, 6);
        // Two segments around the central value, together wider than nothing.
        expect(row?.bars).toHaveLength(2);
        expect((row?.bars ?? []).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
        // The values are written with their unit.
        expect(row?.text).toMatch(figure.indicator === 'bilan-co2' ? /tCO₂e/ : /€/);
      }
      // The widest swing comes first, named by its label and its code.
      const first = await tornado.locator('tbody tr').first().locator('th').innerText();
      expect(first).toContain(figure.swings[0]?.parametre ?? '–');
      await expect(
        tornado.getByTestId('method-tornado-dominance').getAttribute('data-dominated'),
      ).resolves.toBe(String(figure.dominated));
    }
  });

  it('sets each indicator’s « how to read » apart under its name', async () => {
    await open(site.page, spec.path);
    for (const indicator of INDICATORS) {
      const reading = site.page.locator(`article[id="${indicator.id}"] [data-testid="method-reading"]`);
      await expect(reading.innerText(), indicator.id).resolves.toContain(
        indicator.reading[lang === 'fr' ? 'fr' : 'en'],
      );
    }
  });

  it('has no accessibility violation (axe-core, WCAG 2.1 AA)', async () => {
    await open(site.page, spec.path);
    expect(await violations(site.page)).toEqual([]);
  });

  it('shows the coefficients’ version log', async () => {
    await open(site.page, spec.path);
    const log = site.page.locator('[data-testid="method-versions"] details');
    await log.locator('summary').click();
    await expect(log.innerText()).resolves.toContain('2.0.0 — 26 novembre 2026');
    await expect(log.locator('table').count()).resolves.toBeGreaterThan(0);
  });
});

describe('the method page on a phone (390 × 844)', () => {
  let phone: OpenSite;
  beforeAll(async () => {
    phone = await openSite({ width: 390, height: 844 });
  });
  afterAll(async () => {
    await phone?.close();
  });

  it.each(Object.values(PAGES).map((p) => p.path))(
    '%s does not scroll sideways; axe finds nothing',
    async (path) => {
      await phone.page.goto(`${phone.url}${path}`);
      await phone.page.waitForSelector('html[data-state="ready"]');
      // Open every folded block (rule SQL, version log) so that nothing wide hides behind them.
      await phone.page.evaluate(() => {
        for (const details of document.querySelectorAll('details')) details.open = true;
      });
      const overflow = await phone.page.evaluate(() => {
        const width = window.innerWidth;
        const found: string[] = [];
        const main = document.querySelector('main');
        if (document.documentElement.scrollWidth > width)
          found.push(`page ${document.documentElement.scrollWidth}`);
        if (main && main.scrollWidth > main.clientWidth + 1) found.push(`main ${main.scrollWidth}`);
        for (const el of document.querySelectorAll('main *')) {
          const rect = el.getBoundingClientRect();
          if (rect.width === 0 || rect.height === 0) continue;
          let right = rect.right;
          for (let parent = el.parentElement; parent && parent !== main; parent = parent.parentElement) {
            if (getComputedStyle(parent).overflowX !== 'visible')
              right = Math.min(right, parent.getBoundingClientRect().right);
          }
          if (right > width + 1)
            found.push(`<${el.tagName.toLowerCase()}> ${(el.textContent ?? '').slice(0, 40)}`);
        }
        return found;
      });
      expect(overflow).toEqual([]);
      expect(await violations(phone.page)).toEqual([]);
      // The tornado's bars are drawn on a phone too.
      const bars = phone.page.locator('[data-testid="method-tornado"] svg rect');
      await expect(bars.count()).resolves.toBe(2 * expected.reduce((n, f) => n + f.swings.length, 0));
    },
  );
});
