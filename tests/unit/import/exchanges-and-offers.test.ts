import { beforeAll, describe, expect, it } from 'vitest';

import type { ExchangeRow, OfferRow } from '../../../src/data/schema/index.ts';
import { AssociationIndexBuilder } from '../../../src/import/association-index.ts';
import type { Cog } from '../../../src/import/cog.ts';
import { importExchanges, importOffers } from '../../../src/import/schema-csv.ts';
import { fixtureFile, officialCog } from '../../support/import-fixtures.ts';

let cog: Cog;
beforeAll(async () => {
  cog = await officialCog();
});

const associations = [
  { id: 'W011000001', siret: null, nom: 'A', commune_code: '01015' },
  { id: 'W011000008', siret: null, nom: 'B', commune_code: '01262' },
  { id: 'W691000004', siret: '82212742900014', nom: 'C', commune_code: '69123' },
];
const index = AssociationIndexBuilder.of(associations);
const context = () => ({ index, cog, today: '2026-11-26' });

describe('importExchanges (the published Table Schema)', () => {
  const load = async () => {
    const rows: ExchangeRow[] = [];
    const { report } = await importExchanges(fixtureFile('echanges.csv'), context(), async (batch) => {
      rows.push(...batch);
    });
    return { rows, report };
  };

  it('rejects exchanges pointing to unknown associations with that reason, and invalid cells', async () => {
    const { report } = await load();
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([5, 2, 3]);
    expect(report.rejected.map((r) => [r.row, r.id, r.reasons.map((i) => [i.field, i.code])])).toEqual([
      [4, 'E2024-0003', [['beneficiaire_rna', 'association-unknown']]],
      [
        5,
        'E2024-0004',
        [
          ['date_debut', 'type-error'],
          ['type_ressource', 'constraint-error'],
        ],
      ],
      [6, 'E2024-0005', [['fournisseur_rna', 'association-unknown']]],
    ]);
    expect(report.rejected[0]?.reasons[0]?.message_fr).toBe(
      'beneficiaire W999999999 absent des associations importées',
    );
  });

  it('resolves ends by RNA number or SIRET, maps old commune codes and fills missing ones', async () => {
    const { rows, report } = await load();
    expect(
      rows.map((e) => [
        e.id_echange,
        e.fournisseur_id,
        e.beneficiaire_id,
        e.fournisseur_commune,
        e.beneficiaire_commune,
      ]),
    ).toEqual([
      ['E2024-0001', 'W011000001', 'W691000004', '01015', '69123'],
      ['E2024-0002', 'W011000008', 'W691000004', '01262', '69123'],
    ]);
    expect(report.warnings.map((w) => [w.row, w.field, w.message_fr])).toEqual([
      [2, 'fournisseur_commune', '01340 ramené à 01015 (deleguee)'],
    ]);
    expect(rows[0]).toMatchObject({
      quantite: 60,
      distance_km: 14.2,
      recurrent: false,
      consentement_publication: true,
    });
  });
});

describe('importOffers', () => {
  it('keeps offers of imported associations and rejects the others with the reason', async () => {
    const rows: OfferRow[] = [];
    const { report } = await importOffers(fixtureFile('offres_besoins.csv'), context(), async (batch) => {
      rows.push(...batch);
    });
    expect(rows.map((o) => [o.id_annonce, o.association_id, o.sens, o.date_fin])).toEqual([
      ['A-001', 'W011000001', 'offre', null],
    ]);
    expect(report.rejected).toEqual([
      {
        row: 3,
        id: 'A-002',
        reasons: [
          {
            row: 3,
            field: 'association_id',
            code: 'association-unknown',
            message_fr: 'association W999999999 absente des associations importées',
          },
        ],
      },
    ]);
  });
});
