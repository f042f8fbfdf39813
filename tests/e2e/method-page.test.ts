import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { COEFFICIENTS } from '../../src/data/method/coefficients.ts';
import { VAGUE_REASONS } from '../../src/import/seat-address.ts';
import { isDeclaredIndicator } from '../../src/indicators/indicator-table.ts';
import { UMBRELLA_NAME_PATTERNS } from '../../src/indicators/method/parts.ts';
import { SHARED_SEAT_RULES } from '../../src/indicators/method/shared-seat-rules.ts';
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
    expect(car).toContain('0,228');
    expect(car).toContain('0,195 – 0,303');
    expect(car).toContain('kgCO₂e/véh·km');
    expect(car).toContain('Impact CO₂ (ADEME)');
    // What an auditor opens: reference, year, access date or version, and why (method 2.0.0).
    const hour = await site.page.locator('tr[id="coef-valeur_heure_benevole"]').innerText();
    for (const detail of [
      'Référence\u00a0:',
      'Année\u00a0: 2026',
      'Consultation\u00a0: 2026-11-26',
      'Justification\u00a0:',
      '12,02',
    ]) {
      expect(hour).toContain(detail);
    }
    const section = await site.page.locator('#coefficients').innerText();
    expect(section).toContain('Valeurs appliquées (1 janvier 2026)');
  });

  it('states the conventions: attribution, additionality, one resource one account, declared', async () => {
    const conventions = await site.page.locator('#conventions').innerText();
    for (const heading of [
      'Attribution aux communes',
      'Additionnalité',
      'Une ressource, un compte',
      'Déclaratif',
    ]) {
      expect(conventions).toContain(heading);
    }
  });

  it('lists the register and signal families with their indicators (R1–R11, O1–O4)', async () => {
    const family = (id: string) => site.page.locator(`#famille-${id}`);
    await expect(family('registre').locator('h2').innerText()).resolves.toBe(
      'Ce que disent les fichiers publics',
    );
    await expect(family('signaux').locator('h2').innerText()).resolves.toBe(
      'Signaux de coopération — pas des échanges déclarés',
    );
    const refs = (id: string) => family(id).locator('article .method-ref').allInnerTexts();
    await expect(refs('registre')).resolves.toEqual([
      'R1',
      'R2',
      'R3',
      'R4',
      'R5',
      'R6',
      'R7',
      'R8',
      'R9',
      'R10',
      'R11',
    ]);
    await expect(refs('signaux')).resolves.toEqual(['O1', 'O2', 'O3', 'O4']);
  });

  it('states the coverage rule: which indicators need surveyed associations, no rank or class without data', async () => {
    const section = site.page.getByTestId('method-coverage');
    await expect(section.locator('h2').innerText()).resolves.toBe('Couverture et “non renseigné”');
    const declared = INDICATORS.filter(isDeclaredIndicator);
    const links = await site.page
      .getByTestId('method-coverage-declared')
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(declared.map((i) => `#${i.id}`));
    // Cooperation (S1) needs surveyed associations; the register (R1) and the signals (O1) do not.
    expect(links).toContain('#taux-cooperation');
    expect(links).not.toContain('#associations-pour-1000-hab');
    expect(links).not.toContain('#sieges-partages');
    const text = await section.innerText();
    expect(text).toContain(`Indicateurs sur les associations couvertes (${declared.length})`);
    expect(text).toContain('n’a pas de rang');
    expect(text).toContain('feuille « Associations »');
  });

  it('links the exchange template built with the site', async () => {
    for (const format of ['xlsx', 'ods']) {
      const href = await site.page.getByTestId(`method-kit-${format}`).getAttribute('href');
      expect(href).toBe(`/kit/modele-echanges.${format}`);
      const response = await site.page.request.get(new URL(href ?? '', site.url).toString());
      expect(response.status(), format).toBe(200);
    }
  });

  it('renders the shared-seat rules from the code: 9 rules, 6 too-vague reasons, privacy and limit', async () => {
    const section = site.page.getByTestId('method-shared-seats');
    // SHARED_SEAT_RULES: source, fold, street-type, number, key, two-ways (normalisation), vague, evidence, privacy.
    const rules = await section
      .locator('li[data-rule]')
      .evaluateAll((lis) => lis.map((li) => li.dataset['rule']));
    expect(rules).toEqual([
      'source',
      'fold',
      'street-type',
      'number',
      'key',
      'two-ways',
      'vague',
      'privacy',
      'evidence',
    ]);
    expect(new Set(rules)).toEqual(new Set(SHARED_SEAT_RULES.map((r) => r.id)));
    const reasons = await section
      .locator('li[data-vague]')
      .evaluateAll((lis) => lis.map((li) => li.dataset['vague']));
    expect(reasons).toEqual([
      'no-street',
      'placeholder',
      'postal-box',
      'commune-name',
      'lieu-dit',
      'no-number',
    ]);
    expect(reasons).toEqual(Object.keys(VAGUE_REASONS));
    const text = await section.innerText();
    expect(text).toContain('les 9 règles qui suivent');
    expect(text).toContain('Normalisation des adresses (6 règles)');
    expect(text).toContain('Trop vague pour compter (6 motifs)');
    for (const rule of SHARED_SEAT_RULES) expect(text, rule.id).toContain(rule.fr);
    for (const reason of Object.values(VAGUE_REASONS)) expect(text).toContain(reason.fr);
    expect(text).toContain('partagé par au moins 3 associations');
    expect(text).toContain('non la preuve d’une coopération');
  });

  it('lists the umbrella name patterns and the in-kind support rules', async () => {
    const umbrellas = site.page.getByTestId('method-umbrellas');
    const rows = umbrellas.locator('tr[data-pattern]');
    await expect(rows.count()).resolves.toBe(3);
    await expect(umbrellas.innerText()).resolves.toContain('l’un des 3 motifs suivants');
    for (const [i, pattern] of UMBRELLA_NAME_PATTERNS.entries()) {
      await expect(rows.nth(i).innerText()).resolves.toContain(pattern.pattern);
    }
    const inKind = await site.page.getByTestId('method-in-kind').innerText();
    expect(inKind).toContain('« Avantages en nature » ou « Aides en nature »');
    expect(inKind).toContain("count(*) FILTER (WHERE s.nature ILIKE '%nature%')");
  });

  it('makes no request to another origin', () => {
    const origin = new URL(site.url).origin;
    expect(site.requests.filter((url) => !url.startsWith(origin))).toEqual([]);
  });
});
