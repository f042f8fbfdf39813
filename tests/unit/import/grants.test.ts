import { beforeAll, describe, expect, it } from 'vitest';

import type { GrantRow } from '../../../src/data/schema/index.ts';
import { AssociationIndexBuilder } from '../../../src/import/association-index.ts';
import type { Cog } from '../../../src/import/cog.ts';
import { importGrants } from '../../../src/import/grants.ts';
import { ImportError } from '../../../src/import/report.ts';
import type { ImportSource } from '../../../src/import/source.ts';
import { fixtureBytes, fixtureFile, officialCog, sha256Of } from '../../support/import-fixtures.ts';

let cog: Cog;
beforeAll(async () => {
  cog = await officialCog();
});

/** The associations the grants can attach to (as the RNA fixture imports them). */
const index = AssociationIndexBuilder.of([
  { id: 'W011000001', siret: null, nom: 'CLUB DE RANDONNÉE DU BUGEY', commune_code: '01015' },
  { id: 'W011000002', siret: null, nom: 'COMITÉ DES FÊTES DE SAINT-BOIS', commune_code: '01015' },
  { id: 'W691000004', siret: '82212742900014', nom: 'LES AMIS DU 3E', commune_code: '69123' },
]);

export async function importGrantsSource(source: ImportSource, allowEmpty = false) {
  const rows: GrantRow[] = [];
  const imported = await importGrants(source, {
    index,
    cog,
    today: '2026-11-26',
    allowEmpty,
    write: async (batch) => {
      rows.push(...batch);
    },
  });
  return { rows, ...imported };
}

const grants = (name: string) => importGrantsSource(fixtureFile(name));

describe('an SCDL 1.x file with titles as headers, unquoted commas, French amounts, two encodings', () => {
  it('reads 6 rows: 4 kept (3 put back together), an impossible date and an empty amount rejected', async () => {
    const { report } = await grants('subventions-titres-virgules-mixte.csv');
    expect(report.encoding).toBe('mixte (utf-8 et windows-1252)');
    expect(report.format).toBe('SCDL 1.x/2.0 (sans rnaBeneficiaire), CSV « , »');
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([6, 4, 2]);
    expect(report.rejected.map((r) => [r.row, r.id, r.reasons.map((i) => [i.field, i.code])])).toEqual([
      [5, 'DEL-2023-09', [['dateConvention', 'constraint-error']]],
      [6, 'DEL-2023-10', [['montant', 'constraint-error']]],
    ]);
    // 8 physical lines: the header, 6 records, the blank last line.
    expect(report.lines).toMatchObject({ physical: 8, header: 1, blank: 1, records: 6, recordLines: 6 });
    expect(report.notes).toEqual({
      'subventions rattachées par identifiant': 3,
      'subventions non rattachées à une association importée': 1,
      'subventions écrites': 4,
    });
    expect(report.summary.filter((s) => s.code === 'row-repaired').map((s) => s.count)).toEqual([3]);
    expect(report.warnings.filter((w) => w.code === 'encoding-warn').map((w) => w.message_fr)).toEqual([
      '3 ligne(s) lue(s) en Windows-1252 (octets non UTF-8), ex. ligne(s) 3, 4, 5',
    ]);
  });

  it('parses amounts, SIRETs, bare years and payment periods, and attaches by SIRET then SIREN', async () => {
    const { rows } = await grants('subventions-titres-virgules-mixte.csv');
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
      ['Projet', 500, null, '82212742900014', '2023-02-01', null, 'W691000004'],
    ]);
    expect(rows.map((g) => g.nomBeneficiaire)).toEqual([
      'Les Amis du 3e',
      'Les Amis du 3e (antenne)',
      'Théâtre des Pentes',
      'Les Amis du 3e',
    ]);
  });

  it('keeps a row whose funder SIRET cannot be read (Symbiose does not need it), and says so', async () => {
    const { report } = await grants('subventions-titres-virgules-mixte.csv');
    expect(
      report.warnings.filter((w) => w.field === 'idAttribuant').map((w) => [w.row, w.code, w.message_fr]),
    ).toEqual([
      [2, 'value-normalised', 'SIRET « 200 046 977 00019 » lu 20004697700019'],
      [7, 'type-error', 'SIRET « pas un siret » : 14 chiffres attendus : valeur non reprise'],
    ]);
  });

  it('keeps unmatched grants, and says so line by line', async () => {
    const { report } = await grants('subventions-titres-virgules-mixte.csv');
    expect(
      report.warnings.filter((w) => w.code === 'grant-unmatched').map((w) => [w.row, w.message_fr]),
    ).toEqual([
      [
        4,
        'bénéficiaire « Théâtre des Pentes » (44312345600016) absent des associations importées : subvention gardée, non rattachée',
      ],
    ]);
  });
});

describe('an SCDL 2.1 file (field names, `;`, quoted, BOM, rnaBeneficiaire)', () => {
  it('reads 5 rows: 4 kept, a negative amount rejected; an unknown nature is emptied, not rejected', async () => {
    const { report } = await grants('subventions-scdl-2-1.csv');
    expect(report.format).toBe('SCDL 2.1 (avec rnaBeneficiaire), CSV « ; »');
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([5, 4, 1]);
    expect(report.rejected.map((r) => [r.row, r.reasons.map((i) => i.message_fr)])).toEqual([
      [4, ['montant négatif (-300)']],
    ]);
    expect(
      report.warnings
        .filter((w) => w.field === 'nature' && w.code === 'type-error')
        .map((w) => [w.row, w.message_fr]),
    ).toEqual([
      [
        6,
        'nature « chèque » hors de : aide en numéraire, aide en nature, aide en numéraire;aide en nature : valeur non reprise',
      ],
    ]);
  });

  it('attaches by RNA number, reads day/month/year dates, percentages and natures as the schema says', async () => {
    const { rows } = await grants('subventions-scdl-2-1.csv');
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
      [null, null, '20012345600010', '2024-01-01', 750, 'aide en nature', 1, 'Animation locale', null],
      ['W011000003', null, '20012345600010', '2024-06-01', 100, null, 1, null, null],
    ]);
  });

  it('warns about a SIRET lost to scientific notation, a bad check digit and a malformed RNA number', async () => {
    const { report } = await grants('subventions-scdl-2-1.csv');
    expect(
      report.warnings
        .filter((w) => w.code === 'identifier-invalid')
        .map((w) => [w.row, w.field, w.message_fr]),
    ).toEqual([
      [
        3,
        'idBeneficiaire',
        '« 8.22127E+13 » abîmé par un tableur (notation scientifique) : chiffres perdus — rattachement par le nom',
      ],
      [5, 'idBeneficiaire', 'SIRET 44312345600017 invalide (clé de contrôle) — rattachement par le nom'],
      [5, 'rnaBeneficiaire', 'n° RNA « W12345 » invalide (W + 9 chiffres) : non repris'],
    ]);
  });

  it('names every grant after the file’s first bytes and its line: stable from one import to the next', async () => {
    const { rows } = await grants('subventions-scdl-2-1.csv');
    const prefix = sha256Of(fixtureBytes('subventions-scdl-2-1.csv')).slice(0, 8);
    expect(rows.map((g) => g.id_subvention)).toEqual([2, 3, 5, 6].map((line) => `S${prefix}-${line}`));
  });
});

describe('a grants file without any amount column', () => {
  it('stops the import, naming the file, the header’s line and what is missing', async () => {
    await expect(grants('subventions-sans-montant.csv')).rejects.toThrow(ImportError);
    await expect(grants('subventions-sans-montant.csv')).rejects.toThrow(
      'subventions-sans-montant.csv, ligne 1 : montant introuvable : aucune des colonnes montant (ou Mandaté, Fonctionnement, Investissement, Avantages en nature) dans l’en-tête (missing-required-header)',
    );
  });
});
