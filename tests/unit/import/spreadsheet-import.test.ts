/*
 * Files published as spreadsheets, read by the same readers as CSV files: the same workbook
 * saved as XLSX, ODS and legacy XLS must give the same grants, the same report, line for line.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';

import { textFile } from '../../support/import-fixtures.ts';
import { runGrants, runRna } from '../../support/import-runs.ts';

const number = (v: number, z?: string): XLSX.CellObject => ({ t: 'n', v, ...(z ? { z } : {}) });
const text = (v: string): XLSX.CellObject => ({ t: 's', v });

/**
 * A département's SCDL export as a spreadsheet: a title row, the header on row 2, a convention
 * date stored as a serial number (2018-07-31 is 43312), a SIRET stored as a number shown in
 * scientific notation, an amount stored as text, a percentage of 97.38, leftover rows at the end.
 */
function scdlWorkbook(bookType: 'xlsx' | 'ods' | 'biff8'): Uint8Array {
  const rows: (XLSX.CellObject | null)[][] = [
    [text('Conventions de subvention 2018 — Département')],
    [
      'nomAttribuant',
      'idAttribuant',
      'dateConvention',
      'nomBeneficiaire',
      'idBeneficiaire',
      'objet',
      'montant',
      'nature',
      'pourcentageSubvention',
    ].map(text),
    [
      text('Département'),
      number(22530001100015),
      number(43312, 'dd/mm/yyyy'),
      text('Club de voile'),
      number(82212742900014, '0.00E+00'),
      text('Régate'),
      number(24000, '#,##0.00 €'),
      text('Aide en numéraire'),
      number(1),
    ],
    [
      text('Département'),
      number(22530001100015),
      text('2018-09-24'),
      text('Chorale'),
      number(38159300000000, '0.00E+00'),
      text('Concerts'),
      text('7 866,24'),
      text('NUMERAIRE'),
      number(97.38),
    ],
    [null, null, null, null, null, null, null, text('non'), number(1)],
  ];
  const sheet = XLSX.utils.aoa_to_sheet(rows.map((r) => r.map((c) => c ?? undefined)));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Feuil1');
  return new Uint8Array(XLSX.write(book, { bookType, type: 'array' }) as ArrayBuffer);
}

describe.each([
  ['xlsx', 'XLSX'],
  ['ods', 'ODS'],
  ['biff8', 'XLS'],
] as const)('an SCDL grants workbook saved as %s', (bookType, format) => {
  const load = () =>
    runGrants(textFile(`subventions.${bookType === 'biff8' ? 'xls' : bookType}`, scdlWorkbook(bookType)));

  it('finds the header below the title row and counts every row of the sheet', async () => {
    const { report } = await load();
    expect(report.format).toBe(`SCDL 1.x/2.0 (sans rnaBeneficiaire), ${format}, feuille « Feuil1 »`);
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([3, 2, 1]);
    expect(report.lines).toMatchObject({
      unit: 'lignes de la feuille',
      physical: 5,
      title: 1,
      header: 1,
      blank: 0,
      records: 3,
    });
    expect(report.rejected.map((r) => [r.row, r.reasons.map((i) => i.field)])).toEqual([
      [5, ['nomBeneficiaire', 'dateConvention']],
    ]);
  });

  it('reads serial dates, numeric SIRETs, amounts as text and a percentage as the SCDL means them', async () => {
    const { rows, report } = await load();
    expect(
      rows.map((g) => [
        g.dateConvention,
        g.idAttribuant,
        g.idBeneficiaire,
        g.montant,
        g.nature,
        g.pourcentageSubvention,
      ]),
    ).toEqual([
      ['2018-07-31', '22530001100015', '82212742900014', 24000, 'aide en numéraire', 1],
      ['2018-09-24', '22530001100015', null, 7866.24, 'aide en numéraire', 0.9738],
    ]);
    expect(
      report.warnings.filter((w) => w.code === 'identifier-invalid').map((w) => [w.row, w.message_fr]),
    ).toEqual([
      [
        4,
        'SIRET 38159300000000 arrondi par un tableur (finit par 00000) : identifiant perdu — rattachement par le nom',
      ],
    ]);
  });
});

describe('an RNA extract saved as a spreadsheet', () => {
  it('is read like the CSV file, with the same checks', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['id', 'titre', 'position', 'adrs_codeinsee', 'date_creat'],
      ['W011000001', 'Club', 'A', '01015', 43312],
      ['W011000002', 'Chorale', 'A', '75056', ''],
    ]);
    sheet['E2'] = number(43312, 'yyyy-mm-dd');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'RNA');
    const bytes = new Uint8Array(XLSX.write(book, { bookType: 'xlsx', type: 'array' }) as ArrayBuffer);
    const { report, rows } = await runRna(textFile('rna.xlsx', bytes), ['01015']);
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([2, 1, 1]);
    expect(rows.map((r) => [r.id, r.date_creation])).toEqual([['W011000001', '2018-07-31']]);
    expect(report.rejected[0]?.reasons[0]?.code).toBe('outside-territory');
  });
});
