import { describe, expect, it } from 'vitest';

import { ImportError } from '../../../src/import/report.ts';
import { associationIndex, importGrants } from '../../../src/import/scdl.ts';
import { fixtureText } from '../../support/import-fixtures.ts';

/** The associations the grants can attach to (as the RNA fixture imports them). */
const index = associationIndex([
  { id: 'W011000001', siret: null },
  { id: 'W011000002', siret: null },
  { id: 'W691000004', siret: '82212742900014' },
]);

const grants = (name: string) => {
  const decoded = fixtureText(name);
  return importGrants(name, decoded, decoded.sha256, index);
};

describe('an SCDL 1.x file with titles as headers, unquoted commas, French amounts, two encodings', () => {
  it('reads 6 rows: 4 kept (3 put back together), 2 rejected, the blank last line noted', () => {
    const { report } = grants('subventions-titres-virgules-mixte.csv');
    expect(report.encoding).toBe('mixte (utf-8 et windows-1252)');
    expect(report.format).toBe('SCDL 1.x/2.0 (sans rnaBeneficiaire), CSV « , »');
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([6, 4, 2]);
    expect(report.rejected.map((r) => [r.row, r.id, r.reasons.map((i) => [i.field, i.code])])).toEqual([
      [6, 'DEL-2023-10', [['montant', 'constraint-error']]],
      [7, 'DEL-2023-11', [['idAttribuant', 'type-error']]],
    ]);
    expect(report.notes).toEqual({
      'lignes vides ignorées': 1,
      'lignes recollées': 3,
      'subventions rattachées à une association': 2,
      'subventions non rattachées à une association importée': 2,
    });
    expect(report.warnings.filter((w) => w.code === 'encoding-warn').map((w) => w.row)).toEqual([3, 4, 5]);
  });

  it('parses amounts, SIRETs, bare years and payment periods, and attaches by SIRET then SIREN', () => {
    const { rows } = grants('subventions-titres-virgules-mixte.csv');
    expect(
      rows.map((g) => [
        g.objet,
        g.montant,
        g.idAttribuant,
        g.idBeneficiaire,
        g.dateConvention,
        g.datesPeriodeVersement,
        g.association_id,
      ]),
    ).toEqual([
      [
        'Fonctionnement, animation',
        25000,
        '20004697700019',
        '82212742900014',
        '2023-01-01',
        '2023-04-15/2023-05-31',
        'W691000004',
      ],
      ['Équipement', 3500, '20004697700019', '82212742900022', '2023-06-30', null, 'W691000004'],
      ['Création 2022', 12000.5, '20004697700019', '44312345600016', '2022-01-01', null, null],
      ['Projet', 1000, '20004697700019', null, null, null, null],
    ]);
    expect(rows.map((g) => g.nomBeneficiaire)).toEqual([
      'Les Amis du 3e',
      'Les Amis du 3e (antenne)',
      'Théâtre des Pentes',
      'Collectif sans SIRET',
    ]);
  });

  it('keeps unmatched grants, and says so line by line', () => {
    const { report } = grants('subventions-titres-virgules-mixte.csv');
    expect(
      report.warnings.filter((w) => w.code === 'grant-unmatched').map((w) => [w.row, w.message_fr]),
    ).toEqual([
      [
        4,
        'bénéficiaire « Théâtre des Pentes » (44312345600016) absent des associations importées : subvention gardée, non rattachée',
      ],
      [
        5,
        'bénéficiaire « Collectif sans SIRET » (sans identifiant) absent des associations importées : subvention gardée, non rattachée',
      ],
    ]);
  });
});

describe('an SCDL 2.1 file (field names, `;`, quoted, BOM, rnaBeneficiaire)', () => {
  it('reads 5 rows: 3 kept, a negative amount and an unknown nature rejected', () => {
    const { report } = grants('subventions-scdl-2-1.csv');
    expect(report.format).toBe('SCDL 2.1 (avec rnaBeneficiaire), CSV « ; »');
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([5, 3, 2]);
    expect(report.rejected.map((r) => [r.row, r.reasons.map((i) => i.message_fr)])).toEqual([
      [4, ['montant négatif']],
      [
        6,
        ['nature « chèque » hors de : aide en numéraire, aide en nature, aide en numéraire;aide en nature'],
      ],
    ]);
  });

  it('attaches by RNA number, reads day/month/year dates, percentages and natures as the schema says', () => {
    const { rows } = grants('subventions-scdl-2-1.csv');
    expect(
      rows.map((g) => [
        g.rnaBeneficiaire,
        g.idBeneficiaire,
        g.idAttribuant,
        g.dateConvention,
        g.montant,
        g.nature,
        g.pourcentageSubvention,
        g.dispositifAide,
        g.association_id,
      ]),
    ).toEqual([
      [
        'W011000001',
        null,
        '20012345600010',
        '2024-03-15',
        1500.5,
        'aide en numéraire',
        1,
        'Sport pour tous',
        'W011000001',
      ],
      [
        'W011000002',
        null,
        '20012345600010',
        '2024-05-02',
        2000,
        'aide en numéraire',
        0.5,
        'Animation locale',
        'W011000002',
      ],
      [
        null,
        '44312345600017',
        '20012345600010',
        '2024-01-01',
        750,
        'aide en nature',
        1,
        'Animation locale',
        null,
      ],
    ]);
  });

  it('warns about a SIRET lost to scientific notation, a bad check digit and a malformed RNA number', () => {
    const { report } = grants('subventions-scdl-2-1.csv');
    const byCode = (code: string) =>
      report.warnings.filter((w) => w.code === code).map((w) => [w.row, w.field]);
    expect(byCode('type-error')).toEqual([[3, 'idBeneficiaire']]);
    expect(byCode('siret')).toEqual([[5, 'idBeneficiaire']]);
    expect(byCode('constraint-error')).toEqual([[5, 'rnaBeneficiaire']]);
  });

  it('names every grant after the file’s checksum and its line: stable from one import to the next', () => {
    const decoded = fixtureText('subventions-scdl-2-1.csv');
    const { rows } = grants('subventions-scdl-2-1.csv');
    expect(rows.map((g) => g.id_subvention)).toEqual(
      [2, 3, 5].map((line) => `S${decoded.sha256.slice(0, 8)}-${line}`),
    );
  });
});

describe('a grants file without a required column', () => {
  it('stops the import, naming the file, line 1 and the column', () => {
    expect(() => grants('subventions-sans-montant.csv')).toThrow(ImportError);
    expect(() => grants('subventions-sans-montant.csv')).toThrow(
      'subventions-sans-montant.csv, ligne 1, colonne « montant » : colonne obligatoire absente de l’en-tête (missing-required-header)',
    );
  });
});
