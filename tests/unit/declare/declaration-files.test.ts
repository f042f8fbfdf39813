import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';

import type { ExchangeRow } from '../../../src/data/schema/index.ts';
import {
  DECLARATION_SHEET,
  declarationFileName,
  exchangesCsv,
  exchangesXlsx,
} from '../../../src/declare/declaration-files.ts';
import { EXCHANGE_COLUMNS, exchangeCells } from '../../../src/declare/declaration-rows.ts';
import { AssociationIndexBuilder } from '../../../src/import/association-index.ts';
import { importExchanges } from '../../../src/import/schema-csv.ts';
import { sourceFromBytes } from '../../../src/import/source.ts';
import { officialCog } from '../../support/import-fixtures.ts';
import { HELP, LOAN, PARTNER, SELF, SIRET_ONLY, TODAY } from './drafts.ts';

const ROWS = [
  exchangeCells(SELF, LOAN, 'W901000123-20261126-0930-01'),
  exchangeCells(SELF, HELP, 'W901000123-20261126-0930-02'),
];

const HEADER =
  'id_echange,date_debut,date_fin,fournisseur_rna,fournisseur_siret,beneficiaire_rna,beneficiaire_siret,' +
  'fournisseur_commune,beneficiaire_commune,type_ressource,categorie_bien,modalite,libelle,quantite,unite,' +
  'surface_m2,duree_heures,masse_kg,distance_km,mode_transport,heures_benevoles,etp_partages,beneficiaires,' +
  'valeur_marche_eur,contrepartie_eur,aurait_achete,recurrent,statut_donnee,source,consentement_publication';

/** Imports a declared file against the three associations of the declaration, as the coordinator would. */
async function imported(name: string, bytes: Uint8Array) {
  const rows: ExchangeRow[] = [];
  const { report } = await importExchanges(
    sourceFromBytes(name, bytes, 97),
    {
      index: AssociationIndexBuilder.of([SELF, PARTNER, SIRET_ONLY]),
      cog: await officialCog(),
      today: TODAY,
    },
    async (batch) => {
      rows.push(...batch);
    },
  );
  return { rows, report };
}

describe('exchangesCsv', () => {
  it('writes the format’s header and one line per exchange: BOM, commas, CRLF, quotes where needed', () => {
    expect(exchangesCsv(ROWS)).toBe(
      '\ufeff' +
        `${HEADER}\r\n` +
        'W901000123-20261126-0930-01,2025-03-10,2025-03-12,W901000123,,W901000456,,,,materiel,sono,pret,' +
        '"Prêt de la sono ""ampli 2"", câbles",2,unite,,72,80,12.4,voiture,,,,160.5,,oui,,declare,' +
        'Déclaration de l’association (Symbiose),oui\r\n' +
        'W901000123-20261126-0930-02,2025-04-01,,,82212742900014,W901000123,,,,competences,,mise_a_disposition,' +
        '"Aide à la comptabilité, bilan 2024",12,personne_heure,,,,,velo,12,,30,,,,oui,declare,' +
        'Déclaration de l’association (Symbiose),non\r\n',
    );
  });

  it('is read by the importer with both rows kept as entered, none rejected, no warning', async () => {
    const { rows, report } = await imported('echanges.csv', new TextEncoder().encode(exchangesCsv(ROWS)));
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([2, 2, 0]);
    expect(report.warnings).toEqual([]);
    expect(
      rows.map((r) => [
        r.id_echange,
        r.fournisseur_id,
        r.beneficiaire_id,
        r.fournisseur_commune,
        r.beneficiaire_commune,
      ]),
    ).toEqual([
      ['W901000123-20261126-0930-01', 'W901000123', 'W901000456', '90010', '90065'],
      ['W901000123-20261126-0930-02', 'ASSO-0042', 'W901000123', '90010', '90010'],
    ]);
    expect(rows[0]).toMatchObject({
      type_ressource: 'materiel',
      date_debut: '2025-03-10',
      date_fin: '2025-03-12',
      libelle: 'Prêt de la sono "ampli 2", câbles',
      quantite: 2,
      unite: 'unite',
      duree_heures: 72,
      masse_kg: 80,
      distance_km: 12.4,
      valeur_marche_eur: 160.5,
      aurait_achete: 'oui',
      etp_partages: null,
      consentement_publication: true,
    });
    expect(rows[1]).toMatchObject({
      type_ressource: 'competences',
      date_fin: null,
      quantite: 12,
      unite: 'personne_heure',
      heures_benevoles: 12,
      beneficiaires: 30,
      recurrent: true,
      consentement_publication: false,
    });
  });
});

describe('exchangesXlsx', () => {
  it('holds one sheet with the CSV’s columns and cells, numbers as numbers', () => {
    const book = XLSX.read(exchangesXlsx(ROWS), { type: 'array' });
    expect(book.SheetNames).toEqual([DECLARATION_SHEET]);
    const sheet = book.Sheets[DECLARATION_SHEET];
    if (!sheet) throw new Error('no sheet');
    const table = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: '' });
    expect(table).toEqual([EXCHANGE_COLUMNS, ...ROWS.map((r) => EXCHANGE_COLUMNS.map((c) => r[c]))]);
    // Row 2: quantite (column N) and distance_km (S) are numbers; the identifier and dates text.
    expect([sheet['N2']?.t, sheet['N2']?.v, sheet['S2']?.t, sheet['S2']?.v]).toEqual(['n', 2, 'n', 12.4]);
    expect([sheet['A2']?.t, sheet['B2']?.t, sheet['B2']?.v]).toEqual(['s', 's', '2025-03-10']);
  });

  it('is read by the importer with the same rows as the CSV', async () => {
    const fromSheet = await imported('echanges.xlsx', exchangesXlsx(ROWS));
    const fromCsv = await imported('echanges.csv', new TextEncoder().encode(exchangesCsv(ROWS)));
    expect([fromSheet.report.rowsKept, fromSheet.report.rowsRejected]).toEqual([2, 0]);
    expect(fromSheet.rows).toEqual(fromCsv.rows);
  });
});

describe('declarationFileName', () => {
  it('names the file after the association and the day', () => {
    expect(declarationFileName(SELF, '2026-11-26', 'csv')).toBe('echanges-W901000123-2026-11-26.csv');
    expect(declarationFileName(SIRET_ONLY, '2026-11-26', 'xlsx')).toBe(
      'echanges-82212742900014-2026-11-26.xlsx',
    );
  });
});
