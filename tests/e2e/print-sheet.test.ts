import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { formatEstimate } from '../../src/i18n/format-indicator.ts';
import { formatNumber } from '../../src/i18n/format.ts';
import { displayName } from '../../src/i18n/typography.ts';
import { INDICATORS, indicatorById, runIndicatorTable } from '../../src/indicators/registry.ts';
import { openReadySiteWithReference, type OpenSite } from './support/site.ts';

/** The demo's largest commune: the most figures, links and points, the worst case for one page. */
const CODE = '00057';

let site: OpenSite;
let reference: { runner: QueryRunner; manifest: DatasetManifest };
let close: () => Promise<void>;

beforeAll(async () => {
  ({ site, reference, close } = await openReadySiteWithReference(`?selection=commune%3A${CODE}`));
  await site.page.locator('[data-testid="commune-panel"][aria-busy="false"]').waitFor();
});
afterAll(async () => {
  await close?.();
});

/**
 * Text as read from the PDF, compared without spaces: the PDF splits words and numbers where
 * it lays them out (« 1 050 000 » holds narrow no-break spaces), and its font writes the
 * apostrophe as a modifier letter.
 */
const squeeze = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, '').replace(/\u02bc/g, '\u2019');

async function pdfPages(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const document = await getDocument({ data: new Uint8Array(pdf) }).promise;
  try {
    const texts: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const content = await (await document.getPage(n)).getTextContent();
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
    }
    return { pages: document.numPages, text: texts.join('\n') };
  } finally {
    await document.destroy();
  }
}

describe('the printed commune sheet', () => {
  it('fits one A4 page with the commune, a figure and its range, the source and the permalink', async () => {
    const page = site.page;
    const indicator = indicatorById('cout-evite-net');
    if (!indicator) throw new Error('cout-evite-net');
    const communes = await runIndicatorTable(
      reference.runner,
      INDICATORS,
      { period: reference.manifest.period },
      'commune',
    );
    const zone = communes.find((c) => c.zone === CODE);
    if (!zone) throw new Error(`no commune ${CODE}`);
    const figure = formatEstimate(indicator, zone.values['cout-evite-net'] ?? null, 'fr-FR');
    // Active associations, and the surveyed ones without a partner: surveyed less cooperating.
    const active = zone.parts.associations_actives.central ?? 0;
    const surveyed = zone.parts.associations_couvertes.central ?? 0;
    const isolated = surveyed - (zone.parts.associations_cooperantes.central ?? 0);
    expect(surveyed, 'the commune checked is surveyed').toBeGreaterThan(0);
    expect(figure.range, 'the figure checked has a range').not.toBeNull();

    // The browser's print dialog is replaced by the PDF printer; the page prepares the sheet as for a person.
    const camera = () => page.evaluate(() => window.symbiose?.unproject(0, 0));
    const before = await camera();
    await page.evaluate(() => {
      window.print = () => {
        document.documentElement.dataset['printCalled'] = 'yes';
      };
    });
    await page.getByTestId('print').click();
    await page.waitForSelector('html[data-print="ready"][data-print-called="yes"]');
    // The map was framed on the commune for its picture, then put back where it was.
    expect(await camera()).toEqual(before);
    await expect(page.locator('img.print-map').getAttribute('src')).resolves.toMatch(
      /^data:image\/png;base64,/,
    );

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const { pages, text } = await pdfPages(pdf);
    expect(pages).toBe(1);
    const read = squeeze(text);
    expect(read).toContain(squeeze(displayName(zone.zone_nom)));
    expect(read).toContain(squeeze(`(${CODE})`));
    expect(read).toContain(squeeze(`${figure.value} (${figure.range ?? ''})`));
    expect(read).toContain(squeeze(`Source : Symbiose, jeu de données « ${reference.manifest.name} »`));
    expect(read).toContain(squeeze(`Vue en ligne : ${page.url()}`));
    expect(read).toContain(
      squeeze(
        `Associations actives : ${formatNumber(active)} · isolées : ${formatNumber(isolated)} sur ${formatNumber(surveyed)} enquêtées`,
      ),
    );
    // The quarterly chart, and the method behind the figures with its version.
    expect(read).toContain(squeeze('Échanges de la commune par trimestre'));
    expect(read).toContain(squeeze('Méthode Symbiose v2.0.0'));
    expect(read).toContain(squeeze(`${new URL(page.url()).origin}/methode/`));
  });
});
