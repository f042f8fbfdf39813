/*
 * Several exchange files in one import (templates sent back by several associations): a row that
 * repeats one kept before — same `id_echange`, or same provider, receiver, start date and resource
 * (type, kind of goods and description, without case, accents or extra spaces) — is rejected with the file and row of the one kept, within a file or across files, and
 * every file still accounts for its rows (read = kept + rejected).
 */
import { beforeAll, describe, expect, it } from 'vitest';

import type { Cog } from '../../../src/import/cog.ts';
import { importAdditions } from '../../../src/import/import-dataset.ts';
import { MemorySink } from '../../../src/import/memory-sink.ts';
import { sourceFromBytes } from '../../../src/import/source.ts';
import { officialCog, textFile } from '../../support/import-fixtures.ts';
import { ASSOCIATIONS, filled } from '../kit/fill-template.ts';

let cog: Cog;
beforeAll(async () => {
  cog = await officialCog();
});

const associations = ASSOCIATIONS.map((a) => ({
  id: a.id,
  siret: null,
  nom: a.name,
  commune_code: a.communeCode,
}));

/**
 * The second partner's file. « a.xlsx » (the filled template) holds, on sheet rows 3–5:
 * E-001 W…01 → W…02 2024-05-18 materiel, mobilier_chaise, « Prêt de 60 chaises »;
 * E-002 W…02 → W…03 2024-01-09 locaux; E-003 W…03 → W…01 2024-03-04 competences.
 */
const SECOND = [
  'id_echange,date_debut,fournisseur_rna,beneficiaire_rna,type_ressource,categorie_bien,libelle,quantite,unite,statut_donnee,consentement_publication',
  'E-002,2024-07-01,W901000004,W901000001,materiel,,,1,unite,declare,oui', // line 2: id of a.xlsx row 4
  'B-001,2024-05-18,W901000001,W901000002,materiel,mobilier_chaise,PRET  DE 60 CHAISES,60,unite,declare,oui', // line 3: declaration of a.xlsx row 3
  'B-002,2024-09-01,W901000004,W901000003,vehicule,,,1,jour,declare,oui', // line 4: new, kept
  'B-003,2024-09-01,W901000004,W901000003,vehicule,,,2,jour,declare,non', // line 5: declaration of line 4
  'B-002,2024-10-01,W901000003,W901000004,vehicule,,,1,jour,declare,oui', // line 6: id of line 4
  'B-004,2024-05-18,W901000002,W901000001,materiel,mobilier_chaise,Prêt de 60 chaises,60,unite,declare,oui', // line 7: the other way round, kept
].join('\n');

const KEPT_NOTE = 'ligne écartée, la première gardée';

describe('exchange files imported together', () => {
  it('keeps the first of rows declared twice and rejects the later ones, naming file and row', async () => {
    const sink = new MemorySink();
    const report = await importAdditions(
      {
        exchanges: [sourceFromBytes('a.xlsx', await filled('xlsx', {})), textFile('b.csv', `${SECOND}\n`)],
      },
      cog,
      associations,
      sink,
      { today: '2026-11-26' },
    );
    const [first, second] = report.files;
    expect([first?.file, first?.rowsRead, first?.rowsKept, first?.rowsRejected]).toEqual(['a.xlsx', 3, 3, 0]);
    expect([second?.file, second?.rowsRead, second?.rowsKept, second?.rowsRejected]).toEqual([
      'b.csv',
      6,
      2,
      4,
    ]);
    expect(report.conserved).toBe(true);
    expect(sink.tables.echanges.map((e) => e.id_echange)).toEqual([
      'E-001',
      'E-002',
      'E-003',
      'B-002',
      'B-004',
    ]);
    expect(
      second?.rejected.map((r) => [r.row, r.id, r.reasons.map((i) => [i.field, i.code, i.message_fr])]),
    ).toEqual([
      [
        2,
        'E-002',
        [['id_echange', 'duplicate-key', `identifiant E-002 déjà lu ligne 4 de « a.xlsx » : ${KEPT_NOTE}`]],
      ],
      [
        3,
        'B-001',
        [
          [
            null,
            'duplicate-key',
            `même fournisseur (W901000001), bénéficiaire (W901000002), date de début (2024-05-18) et ressource (materiel, mobilier_chaise, « PRET  DE 60 CHAISES ») que la ligne 3 de « a.xlsx » : déclaration en double probable (par les deux partenaires), ${KEPT_NOTE}`,
          ],
        ],
      ],
      [
        5,
        'B-003',
        [
          [
            null,
            'duplicate-key',
            `même fournisseur (W901000004), bénéficiaire (W901000003), date de début (2024-09-01) et ressource (vehicule) que la ligne 4 : déclaration en double probable (par les deux partenaires), ${KEPT_NOTE}`,
          ],
        ],
      ],
      [6, 'B-002', [['id_echange', 'duplicate-key', `identifiant B-002 déjà lu ligne 4 : ${KEPT_NOTE}`]]],
    ]);
  });

  it('reads the same file given twice as a second declaration of each row, without stopping the import', async () => {
    const bytes = await filled('ods', {});
    const report = await importAdditions(
      { exchanges: [sourceFromBytes('r.ods', bytes), sourceFromBytes('r.ods', bytes)] },
      cog,
      associations,
      new MemorySink(),
      { today: '2026-11-26' },
    );
    // Same names are told apart (« r (2).ods »); each row repeats both the id and the declaration.
    // Then each template's « Associations » sheet: 4 associations, none asked.
    expect(report.files.map((f) => [f.file, f.rowsRead, f.rowsKept, f.rowsRejected])).toEqual([
      ['r.ods', 3, 3, 0],
      ['r (2).ods', 3, 0, 3],
      ['r (feuille Associations).ods', 4, 4, 0],
      ['r (2) (feuille Associations).ods', 4, 4, 0],
    ]);
    expect(
      report.files[1]?.rejected.map((r) => [r.row, r.reasons.map((i) => i.message_fr.slice(0, 40))]),
    ).toEqual([
      [3, ['identifiant E-001 déjà lu ligne 3 de « r', 'même fournisseur (W901000001), bénéficia']],
      [4, ['identifiant E-002 déjà lu ligne 4 de « r', 'même fournisseur (W901000002), bénéficia']],
      [5, ['identifiant E-003 déjà lu ligne 5 de « r', 'même fournisseur (W901000003), bénéficia']],
    ]);
  });
});

describe('goods lent the same day to the same partner', () => {
  /**
   * After « a.xlsx » (row 3: E-001, 60 chairs lent by W…01 to W…02 on 2024-05-18, category
   * mobilier_chaise, « Prêt de 60 chaises »), a file of the same provider, receiver and day:
   */
  const SAME_DAY = [
    'id_echange,date_debut,fournisseur_rna,beneficiaire_rna,type_ressource,categorie_bien,libelle,quantite,unite,statut_donnee,consentement_publication',
    'C-001,2024-05-18,W901000001,W901000002,materiel,sono,Prêt de la sono,1,unite,declare,oui', // line 2: other goods, kept
    'C-002,2024-05-18,W901000001,W901000002,materiel,mobilier_table,,4,unite,declare,oui', // line 3: other category, kept
    'C-003,2024-05-18,W901000001,W901000002,materiel,sono, prêt de la SONO ,1,unite,declare,oui', // line 4: line 2 again
    'C-004,2024-05-18,W901000001,W901000002,materiel,mobilier_chaise,Prêt de 60 chaises,60,unite,declare,oui', // line 5: a.xlsx row 3 again
    'C-005,2024-05-18,W901000001,W901000002,materiel,mobilier_chaise,Prêt de 20 chaises pliantes,20,unite,declare,oui', // line 6: other chairs, kept
  ].join('\n');

  it('keeps chairs and a sound system as two exchanges, and rejects the same goods declared twice', async () => {
    const sink = new MemorySink();
    const report = await importAdditions(
      {
        exchanges: [sourceFromBytes('a.xlsx', await filled('xlsx', {})), textFile('c.csv', `${SAME_DAY}\n`)],
      },
      cog,
      associations,
      sink,
      { today: '2026-11-26' },
    );
    expect(report.files.slice(0, 2).map((f) => [f.file, f.rowsRead, f.rowsKept, f.rowsRejected])).toEqual([
      ['a.xlsx', 3, 3, 0],
      ['c.csv', 5, 3, 2],
    ]);
    expect(sink.tables.echanges.map((e) => e.id_echange)).toEqual([
      'E-001',
      'E-002',
      'E-003',
      'C-001',
      'C-002',
      'C-005',
    ]);
    expect(report.files[1]?.rejected.map((r) => [r.row, r.id, r.reasons.map((i) => i.message_fr)])).toEqual([
      [
        4,
        'C-003',
        [
          `même fournisseur (W901000001), bénéficiaire (W901000002), date de début (2024-05-18) et ressource (materiel, sono, « prêt de la SONO ») que la ligne 2 : déclaration en double probable (par les deux partenaires), ${KEPT_NOTE}`,
        ],
      ],
      [
        5,
        'C-004',
        [
          `même fournisseur (W901000001), bénéficiaire (W901000002), date de début (2024-05-18) et ressource (materiel, mobilier_chaise, « Prêt de 60 chaises ») que la ligne 3 de « a.xlsx » : déclaration en double probable (par les deux partenaires), ${KEPT_NOTE}`,
        ],
      ],
    ]);
  });
});
