/*
 * Issue 14: hostile names in the files the site writes apart from the CSV of indicators (see
 * csv-injection.test.ts): the exported image's caption (drawn as canvas text), the rejected rows
 * of an import, and the kit's spreadsheets, whose cells are typed and never formulas.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { pngCaption, type CaptionFacts } from '../../../src/export/png-caption.ts';
import { en } from '../../../src/i18n/en.ts';
import { fr } from '../../../src/i18n/fr.ts';
import { rejectedRowLine, rejectedRowsHeader } from '../../../src/import/rejected-rows.ts';
import { writeOds } from '../../../src/kit/ods-writer.ts';
import { row, type WorkbookModel } from '../../../src/kit/sheet-model.ts';
import { writeXlsx } from '../../../src/kit/xlsx-writer.ts';

const RLO = '\u202e';
const PDF = '\u202c';
const FSI = '\u2068';
const PDI = '\u2069';

const facts: CaptionFacts = {
  indicator: 'Échanges',
  unit: null,
  zone: { kind: 'commune', name: `${RLO}<img src=x>`, code: '00001', epci: `${PDI}@epci` },
  period: null,
  types: [],
  families: [],
  funder: { name: `${RLO}=Fonds`, side: 'beneficiaire' },
  quality: 'declare',
  associations: null,
  publicView: false,
  dataset: `Jeu ${RLO}`,
  fictional: false,
  date: '2025-03-04',
  permalink: 'https://example.org/',
};

describe('the exported image’s caption', () => {
  it('isolates every name, so that an override or a stray PDI cannot reorder its line', () => {
    const caption = pngCaption(facts, fr);
    expect(caption.header).toEqual([
      `Commune : ${FSI}${RLO}<img src=x>${PDF}${PDI} (00001) · Intercommunalité : ${FSI}@epci${PDI}`,
      `Financeur : ${FSI}${RLO}=Fonds${PDF}${PDI} (côté bénéficiaire)`,
    ]);
    expect(caption.footer[0]).toBe(
      `Source : Symbiose, jeu de données « ${FSI}Jeu ${RLO}${PDF}${PDI} » · Méthode Symbiose v2.0.0 · Exporté le 4 mars 2025`,
    );
    expect(pngCaption(facts, en).header[0]).toBe(
      `Commune: ${FSI}${RLO}<img src=x>${PDF}${PDI} (00001) · Intercommunality: ${FSI}@epci${PDI}`,
    );
  });
});

describe('the rejected rows of an import', () => {
  it('write a cell a spreadsheet would run with a leading apostrophe', () => {
    expect(rejectedRowsHeader(['=nom'])).toBe("\ufeffligne;motifs;'=nom\r\n");
    expect(rejectedRowLine(3, ['=HYPERLINK("x")', '-1', '@a', 'ok'], [])).toBe(
      `3;;"'=HYPERLINK(""x"")";'-1;'@a;ok\r\n`,
    );
  });
});

describe('the kit’s spreadsheets', () => {
  const model: WorkbookModel = {
    title: 'Test',
    sheets: [
      {
        name: 'Feuille',
        columns: [0, 1, 2].map(() => ({ width: 10, kind: 'text', required: false, validation: null })),
        rows: [row('values', ['=1+1', '-12.5', -12.5])],
        input: null,
        frozenRows: 0,
        hidden: false,
      },
    ],
  };

  it('ODS: text starting with = or - is a string cell, a number a float, and no cell holds a formula', () => {
    const content = strFromU8(unzipSync(writeOds(model))['content.xml'] ?? new Uint8Array());
    expect(content).not.toContain('table:formula');
    expect(content).toContain('office:value-type="string"><text:p>=1+1</text:p>');
    expect(content).toContain('office:value-type="string"><text:p>-12.5</text:p>');
    expect(content).toContain('office:value-type="float" office:value="-12.5"');
  });

  it('XLSX: text starting with = or - is a string cell, a number a number, and no cell holds a formula', async () => {
    const files = unzipSync(await writeXlsx(model));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    const strings = strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array());
    expect(sheet).not.toMatch(/<f[ >]/);
    const cells = [...sheet.matchAll(/<c r="([A-C]1)"([^>]*)>(.*?)<\/c>/g)].map(
      ([, ref, attributes, body]) => [ref, /t="s"/.test(attributes ?? ''), body],
    );
    expect(cells).toEqual([
      ['A1', true, '<v>0</v>'],
      ['B1', true, '<v>1</v>'],
      ['C1', false, '<v>-12.5</v>'],
    ]);
    expect(strings).toContain('<t>=1+1</t>');
    expect(strings).toContain('<t>-12.5</t>');
  });
});
