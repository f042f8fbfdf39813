import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { csvNumber, dataCsv, frenchCsv } from '../../../src/export/csv.ts';

describe('CSV exports', () => {
  it('writes machine-readable CSV with commas, decimal points and empty cells for nulls', () => {
    expect(dataCsv([{ zone: '01001', nom: 'A, B', x: 0.5, y: null }])).toBe(
      'zone,nom,x,y\n01001,"A, B",0.5,\n',
    );
  });

  it('writes French CSV for spreadsheets: BOM, semicolons, decimal commas, CRLF', () => {
    const csv = frenchCsv(
      [
        { nom: 'Écully', v: 1234.5678, w: null },
        { nom: 'Bourg; centre', v: -2, w: 0.1 },
      ],
      [
        { header: 'Commune', cell: (r) => r.nom },
        { header: 'Valeur (€)', cell: (r) => r.v, decimals: 2 },
        { header: 'Part', cell: (r) => r.w },
      ],
    );
    expect(csv).toBe('\ufeffCommune;Valeur (€);Part\r\nÉcully;1234,57;\r\n"Bourg; centre";-2,00;0,1\r\n');
  });

  it('never lets a name run as a spreadsheet formula', () => {
    const csv = frenchCsv(
      [{ nom: '=HYPERLINK("http://x")' }, { nom: '+33 1' }, { nom: '@SUM(A1)' }],
      [{ header: 'Nom', cell: (r) => r.nom }],
    );
    const cells = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data.map((row) => row[0]);
    expect(cells.slice(1, 4)).toEqual(['\'=HYPERLINK("http://x")', "'+33 1", "'@SUM(A1)"]);
  });

  it('writes numbers at their precision: no binary noise, no -0, a plain hyphen-minus', () => {
    expect(csvNumber(2257.6000000000004, 1)).toBe('2257.6');
    expect(csvNumber(2257.6000000000004)).toBe('2257.6');
    expect(csvNumber(-0)).toBe('0');
    expect(csvNumber(-0.3, 0)).toBe('0');
    expect(csvNumber(-1500.4, 0)).toBe('-1500');
    const csv = frenchCsv(
      [{ v: 2257.6000000000004, w: -0.2, x: -1500.4 }],
      [
        { header: 'V', cell: (r) => r.v, decimals: 1 },
        { header: 'W', cell: (r) => r.w, decimals: 0 },
        { header: 'X', cell: (r) => r.x, decimals: 0 },
      ],
    );
    expect(csv).toBe('\ufeffV;W;X\r\n2257,6;0;-1500\r\n');
    expect(csv).not.toContain('\u2212');
  });

  it('rounds each indicator column of the data CSV to the indicator’s decimals (a ratio at two more)', () => {
    const csv = dataCsv([
      {
        niveau: 'commune',
        zone: '00001',
        nom: 'Alpha',
        'cout-evite-net': 2257.6000000000004,
        'cout-evite-net_bas': -0.2,
        'cout-evite-net_haut': 3999.5,
        'taux-cooperation': 0.47321,
        partenariats: 1124.5,
        'distance-moyenne': 12.345,
        autre: 0.1 + 0.2,
      },
    ]);
    expect(csv).toBe(
      'niveau,zone,nom,cout-evite-net,cout-evite-net_bas,cout-evite-net_haut,taux-cooperation,partenariats,distance-moyenne,autre\n' +
        'commune,00001,Alpha,2258,0,4000,0.47,1124.5,12.3,0.3\n',
    );
  });
});
