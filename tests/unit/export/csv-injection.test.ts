import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { csvText, dataCsv, frenchCsv } from '../../../src/export/csv.ts';
import { balanceBidi } from '../../../src/i18n/isolate.ts';

/** What a spreadsheet would run: a cell starting with one of these (OWASP). */
const FORMULA_START = ['=', '+', '-', '@', '\t', '\r'];

const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc
    .tuple(fc.constantFrom(...FORMULA_START, '\u202e', '"', ';', ',', '\n'), fc.string({ maxLength: 20 }))
    .map(([head, tail]) => head + tail),
);

/** The documented change of a text cell: bidirectional controls balanced, an apostrophe before a formula. */
const expected = (text: string) => {
  const balanced = balanceBidi(text);
  return FORMULA_START.some((c) => balanced.startsWith(c)) ? `'${balanced}` : balanced;
};

describe('CSV cells are never run as formulas', () => {
  it('puts an apostrophe before =, +, -, @, tab and CR, and nothing before other text', () => {
    expect(['=1+1', '+33', '-x', '@SUM(A1)', '\tx', '\rx', 'x=1', ' =1'].map(csvText)).toEqual([
      "'=1+1",
      "'+33",
      "'-x",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'x=1',
      ' =1',
    ]);
  });

  it('closes an override left open in a cell, so it cannot reverse the cells after it', () => {
    expect(csvText('\u202eevil')).toBe('\u202eevil\u202c');
  });

  it('neutralises text in the machine-readable CSV and keeps negative numbers as numbers', () => {
    const csv = dataCsv([{ zone: '00001', nom: '=HYPERLINK("http://x")', solde: -12.5, autre: '-12.5' }]);
    expect(csv).toBe('zone,nom,solde,autre\n00001,"\'=HYPERLINK(""http://x"")",-12.5,\'-12.5\n');
  });

  it('neutralises text in the French CSV and keeps negative numbers as numbers', () => {
    const csv = frenchCsv(
      [{ nom: '-Club', v: -12.5 }],
      [
        { header: 'Nom', cell: (r) => r.nom },
        { header: 'Valeur', cell: (r) => r.v, decimals: 1 },
      ],
    );
    expect(csv).toBe("\ufeffNom;Valeur\r\n'-Club;-12,5\r\n");
  });

  it('reads back every text cell as written, apostrophe aside, never starting a formula (property)', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (nom, label) => {
        const data = Papa.parse<Record<string, string>>(dataCsv([{ nom, label, n: -1 }]), {
          header: true,
          skipEmptyLines: false,
        });
        const row = data.data[0];
        expect(row?.['nom']).toBe(expected(nom));
        expect(row?.['label']).toBe(expected(label));
        expect(row?.['n']).toBe('-1');
        const french = frenchCsv([{ nom }], [{ header: 'Nom', cell: (r) => r.nom }]);
        const cells = Papa.parse<string[]>(french.slice(1), { delimiter: ';' }).data;
        expect(cells[1]?.[0]).toBe(expected(nom));
        for (const cell of [row?.['nom'], row?.['label'], cells[1]?.[0]])
          expect(FORMULA_START.some((c) => cell?.startsWith(c))).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
