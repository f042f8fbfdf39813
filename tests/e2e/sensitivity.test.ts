/**
 * « Ce qui fait varier ce chiffre » in a commune's portrait: closed (and not computed) until
 * opened; then the tornado of the parameters and the exchanges that weigh most, as the Node
 * engine computes them on the served dataset; the flag of a figure one exchange drives; and, in
 * the public view, the tornado and the flag but no exchange.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { RESOURCE_TYPE_LABELS } from '../../src/data/schema/index.ts';
import { formatEstimate } from '../../src/i18n/format-indicator.ts';
import { formatPercent } from '../../src/i18n/format.ts';
import { parameterLabel, sensitivityMessages } from '../../src/i18n/sections/sensitivity.ts';
import { displayName } from '../../src/i18n/typography.ts';
import { runSensitivity, type FigureSensitivity } from '../../src/indicators/method/sensitivity.ts';
import { runCommuneLabels } from '../../src/indicators/map-layers-data.ts';
import {
  INDICATORS,
  indicatorById,
  runIndicatorTable,
  type IndicatorDefinition,
  type ZoneIndicators,
} from '../../src/indicators/registry.ts';
import { publicMask } from '../../src/indicators/secrecy.ts';
import { openReadySite, openReadySiteWithReference, type OpenSite } from './support/site.ts';

const t = sensitivityMessages.fr;
/** axe-core, the accessibility engine, served from node_modules. */
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const FIGURE_IDS = ['cout-evite-net', 'valeur-benevolat', 'valeur-personnel', 'bilan-co2'];

function indicator(id: string): IndicatorDefinition {
  const found = indicatorById(id);
  if (!found) throw new Error(`No indicator ${id}`);
  return found;
}

let site: OpenSite;
let reference: { runner: QueryRunner; manifest: DatasetManifest };
let close: () => Promise<void>;
/** A commune shown in the public view whose shared-staff value one exchange drives. */
let commune: ZoneIndicators;
let expected: FigureSensitivity[];
/** Another commune, selected while the section is open: its own figures replace the first one's. */
let other: ZoneIndicators;
let otherExpected: FigureSensitivity[];

beforeAll(async () => {
  ({ site, reference, close } = await openReadySiteWithReference());
  const filters = { period: reference.manifest.period };
  const communes = await runIndicatorTable(reference.runner, INDICATORS, filters, 'commune');
  const epcis = await runIndicatorTable(reference.runner, INDICATORS, filters, 'epci');
  const labels = await runCommuneLabels(reference.runner);
  const behind = (z: ZoneIndicators) => z.parts.associations_impliquees.central ?? 0;
  const masked = publicMask(
    communes.map((c) => ({
      code: c.zone,
      epci: labels.find((l) => l.code_insee === c.zone)?.epci_code ?? 'sans-epci',
      associations: behind(c),
    })),
    epcis.map((e) => ({ key: e.zone, associations: behind(e) })),
  ).communes;
  // The communes with the most associations behind their figures first: the first one where one
  // exchange drives a figure, with exchanges of material too (so the net avoided cost has a tornado).
  const candidates = communes.filter((c) => !masked.has(c.zone)).sort((a, b) => behind(b) - behind(a));
  for (const c of candidates) {
    const figures = await runSensitivity(
      reference.runner,
      FIGURE_IDS.map(indicator),
      filters,
      'commune',
      c.zone,
      c.parts,
    );
    const net = figures.find((f) => f.indicator === 'cout-evite-net');
    if (figures.some((f) => f.dominated) && net && net.swings.length > 0 && net.exchanges.length > 1) {
      commune = c;
      expected = figures;
      break;
    }
  }
  if (!expected) throw new Error('no commune of the demo has a figure driven by one exchange');
  const next = candidates.find((c) => c.zone !== commune.zone);
  if (!next) throw new Error('no other commune');
  other = next;
  otherExpected = await runSensitivity(
    reference.runner,
    FIGURE_IDS.map(indicator),
    filters,
    'commune',
    other.zone,
    other.parts,
  );
});
afterAll(async () => {
  await close?.();
});

const figureOf = (id: string): FigureSensitivity => {
  const found = expected.find((f) => f.indicator === id);
  if (!found) throw new Error(`No figure ${id}`);
  return found;
};

/** The swings of a figure as the text alternative writes them. */
function swingTexts(id: string, figures: readonly FigureSensitivity[] = expected): string[] {
  const figure = figures.find((f) => f.indicator === id);
  if (!figure) throw new Error(`No figure ${id}`);
  return figure.swings.slice(0, 6).map((s) => {
    const range = formatEstimate(indicator(id), { central: figure.central, bas: s.low, haut: s.high }).range;
    return t.swing(parameterLabel(t, s.parametre), range ?? '');
  });
}

function dominatedText(figure: FigureSensitivity, named: boolean): string {
  const top = figure.exchanges[0];
  const flag = t.dominated(formatPercent(figure.topShare));
  if (!named || !top) return flag;
  const type = (RESOURCE_TYPE_LABELS as Readonly<Record<string, string>>)[top.type_ressource];
  return `${flag} ${t.dominatedWhich(`${top.libelle ?? t.untitled} (${type})`)}`;
}

const section = (s: OpenSite) => s.page.getByTestId('commune-panel').getByTestId('sensitivity');

/** Selects a commune as a person finds it: by its name in the search box. */
async function selectCommune(s: OpenSite, zone: ZoneIndicators): Promise<void> {
  await s.page.getByTestId('search-input').fill(zone.zone_nom);
  await s.page
    .getByTestId('search-results')
    .locator('.search-name')
    .getByText(zone.zone_nom, { exact: true })
    .first()
    .click();
  await s.page
    .locator('[data-testid="commune-panel"][aria-busy="false"]')
    .getByTestId('commune-name')
    .filter({ hasText: displayName(zone.zone_nom) })
    .waitFor();
}

async function openSection(s: OpenSite): Promise<void> {
  await section(s).locator('summary').click();
  await s.page.locator('[data-testid="sensitivity"][data-state="ready"]').waitFor();
}

describe('what moves a commune’s figures', () => {
  it('is closed, and computes nothing, until opened', async () => {
    await selectCommune(site, commune);
    await expect(section(site).getAttribute('data-state')).resolves.toBe('idle');
    await expect(section(site).getAttribute('open')).resolves.toBeNull();
    await expect(section(site).getByTestId('sensitivity-tornado').count()).resolves.toBe(0);
  });

  it('draws the tornado of the net avoided cost and lists its weightiest exchanges', async () => {
    await openSection(site);
    await section(site).getByTestId('sensitivity-figure-cout-evite-net').click();
    const net = figureOf('cout-evite-net');
    const tornado = section(site).getByTestId('sensitivity-tornado');
    expect(await tornado.isVisible()).toBe(true);
    // One bar per parameter (at most six), each drawn in one or two coloured segments.
    const rows = Math.min(net.swings.length, 6);
    expect(await tornado.locator('.recharts-bar-rectangle path').count()).toBeGreaterThanOrEqual(rows);
    expect(await section(site).getByTestId('sensitivity-swings').locator('li').allTextContents()).toEqual(
      swingTexts('cout-evite-net'),
    );
    const names = await section(site).locator('.sensitivity-exchange-name').allTextContents();
    expect(names).toEqual(net.exchanges.map((e) => e.libelle ?? t.untitled));
    expect(await section(site).getByTestId('sensitivity-exchange-share').allTextContents()).toEqual(
      net.exchanges.map((e) => `${formatPercent(e.share)}${e.contribution < 0 ? ` (${t.reduces})` : ''}`),
    );
    expect(await section(site).getByTestId('sensitivity-exchanges').isVisible()).toBe(true);
    await expect(section(site).getByTestId('sensitivity-dominated').count()).resolves.toBe(
      net.dominated ? 1 : 0,
    );
  });

  it('meets WCAG 2.1 A and AA once open', async () => {
    // Evaluated, not added as an inline <script>: the page's Content-Security-Policy refuses those.
    await site.page.evaluate(readFileSync(AXE, 'utf8'));
    const violations = await site.page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              context: Element,
              options: object,
            ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      const section = document.querySelector('[data-testid="commune-panel"] [data-testid="sensitivity"]');
      if (!section) return ['no section'];
      const result = await axe.run(section, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
  });

  it('flags a figure one exchange drives, and names that exchange', async () => {
    const driven = expected.find((f) => f.dominated);
    if (!driven) throw new Error('no driven figure');
    await section(site).getByTestId(`sensitivity-figure-${driven.indicator}`).click();
    const flag = section(site).getByTestId('sensitivity-dominated');
    expect(await flag.isVisible()).toBe(true);
    expect(await flag.innerText()).toBe(dominatedText(driven, true));
  });
});

describe('what moves a commune’s figures, for another commune', () => {
  it('stays open and shows the figures of the commune now selected', async () => {
    await selectCommune(site, other);
    await site.page.locator('[data-testid="sensitivity"][data-state="ready"]').waitFor();
    await section(site).getByTestId('sensitivity-figure-cout-evite-net').click();
    expect(await section(site).getByTestId('sensitivity-swings').locator('li').allTextContents()).toEqual(
      swingTexts('cout-evite-net', otherExpected),
    );
    const net = otherExpected.find((f) => f.indicator === 'cout-evite-net');
    expect(await section(site).locator('.sensitivity-exchange-name').allTextContents()).toEqual(
      net?.exchanges.map((e) => e.libelle ?? t.untitled),
    );
  });
});

describe('what moves a commune’s figures, in the public view', () => {
  let publicSite: OpenSite;
  beforeAll(async () => {
    publicSite = await openReadySite(`?vue=public&selection=commune:${commune.zone}`);
  });
  afterAll(async () => {
    await publicSite?.close();
  });

  it('keeps the tornado and the flag but lists no exchange', async () => {
    await publicSite.page.locator('[data-testid="commune-panel"][aria-busy="false"]').waitFor();
    await openSection(publicSite);
    await section(publicSite).getByTestId('sensitivity-figure-cout-evite-net').click();
    expect(await section(publicSite).getByTestId('sensitivity-tornado').isVisible()).toBe(true);
    await expect(section(publicSite).getByTestId('sensitivity-exchange').count()).resolves.toBe(0);
    expect(await section(publicSite).getByTestId('sensitivity-public').innerText()).toBe(t.publicPrivacy);

    const driven = expected.find((f) => f.dominated);
    if (!driven) throw new Error('no driven figure');
    await section(publicSite).getByTestId(`sensitivity-figure-${driven.indicator}`).click();
    expect(await section(publicSite).getByTestId('sensitivity-dominated').innerText()).toBe(
      dominatedText(driven, false),
    );
    // No exchange's label, whichever figure is shown.
    const libelles = expected.flatMap((f) => f.exchanges.flatMap((e) => e.libelle ?? []));
    for (const id of FIGURE_IDS) {
      await section(publicSite).getByTestId(`sensitivity-figure-${id}`).click();
      const text = await section(publicSite).innerText();
      for (const libelle of libelles) expect(text, `${id}: ${libelle}`).not.toContain(libelle);
    }
  });
});
