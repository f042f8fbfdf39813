import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { dataCsv, frenchCsv } from '../../../src/export/csv.ts';

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
});
