/*
 * Filling the exchange collection template as a spreadsheet program does, for the tests: SheetJS
 * reads the generated file, cells are set, the workbook is written back as XLSX or ODS.
 */
import * as XLSX from '@e965/xlsx';

import { EXCHANGES_TABLE } from '../../../src/data/schema/index.ts';
import { buildExchangeTemplate } from '../../../src/kit/build-template.ts';
import { AssociationIndexBuilder } from '../../../src/import/association-index.ts';

/** Four associations; the template lists them by commune, then name. */
export const ASSOCIATIONS = [
  { id: 'W901000001', name: 'Club de randonnée', communeCode: '90010', communeName: 'Belfort' },
  { id: 'W901000002', name: 'Comité des fêtes', communeCode: '90001', communeName: 'Andelnans' },
  { id: 'W901000003', name: 'Ressourcerie', communeCode: '90010', communeName: 'Belfort' },
  { id: 'W901000004', name: 'Théâtre de poche', communeCode: '90010', communeName: 'Belfort' },
];
/** The associations as the importer looks them up. */
export const index = AssociationIndexBuilder.of(
  ASSOCIATIONS.map((a) => ({ id: a.id, siret: null, nom: a.name, commune_code: a.communeCode })),
);

/** A date as a spreadsheet stores it: days since 1899-12-30, shown day/month/year. */
export const date = (serial: number): XLSX.CellObject => ({ t: 'n', v: serial, z: 'dd/mm/yyyy' });
const FIELDS: readonly string[] = EXCHANGES_TABLE.columns.map((c) => c.name);

/**
 * Three exchanges. Serials: 2024-01-01 is 45,292; May 1 is 121 days later (31 + 29 + 31 + 30),
 * so 2024-05-18 is 45,430 and 2024-05-20 45,432; March 1 is 60 days later, 2024-03-04 is 45,355.
 */
export const EXCHANGES: readonly Readonly<Record<string, string | number | XLSX.CellObject>>[] = [
  {
    id_echange: 'E-001',
    date_debut: date(45430),
    date_fin: date(45432),
    fournisseur_rna: 'W901000001',
    beneficiaire_rna: 'W901000002',
    type_ressource: 'materiel',
    categorie_bien: 'mobilier_chaise',
    modalite: 'pret',
    libelle: 'Prêt de 60 chaises',
    quantite: 60,
    unite: 'unite',
    masse_kg: 270,
    distance_km: 14.5,
    mode_transport: 'voiture',
    valeur_marche_eur: 180,
    aurait_achete: 'oui',
    recurrent: 'non',
    statut_donnee: 'declare',
    consentement_publication: 'oui',
  },
  {
    id_echange: 'E-002',
    date_debut: '2024-01-09',
    date_fin: '2024-06-25',
    fournisseur_rna: 'W901000002',
    beneficiaire_rna: 'W901000003',
    type_ressource: 'locaux',
    modalite: 'mise_a_disposition',
    quantite: 48,
    unite: 'heure',
    surface_m2: 45,
    recurrent: 'oui',
    statut_donnee: 'declare',
    consentement_publication: 'non',
  },
  {
    id_echange: 'E-003',
    date_debut: date(45355),
    fournisseur_rna: 'W901000003',
    beneficiaire_rna: 'W901000001',
    type_ressource: 'competences',
    quantite: 12,
    unite: 'heure',
    heures_benevoles: 12,
    beneficiaires: 40,
    statut_donnee: 'verifie',
    consentement_publication: 'oui',
  },
];

/** Sets a cell and widens the sheet's range to it. */
function setCell(ws: XLSX.WorkSheet, address: string, value: string | number | XLSX.CellObject): void {
  ws[address] =
    typeof value === 'object'
      ? value
      : typeof value === 'number'
        ? { t: 'n', v: value }
        : { t: 's', v: value };
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
  const cell = XLSX.utils.decode_cell(address);
  range.e.r = Math.max(range.e.r, cell.r);
  range.e.c = Math.max(range.e.c, cell.c);
  ws['!ref'] = XLSX.utils.encode_range(range);
}

/**
 * The template filled and saved again: exchanges from row 3 of « Échanges », « Sollicitée » and its
 * date (columns E and F) of « Associations » by row — its rows follow the sheet's order: row 2
 * Comité (Andelnans), 3 Club, 4 Ressourcerie, 5 Théâtre (Belfort).
 */
export async function filled(
  format: 'xlsx' | 'ods',
  surveyed: Readonly<Record<number, readonly [string, string | XLSX.CellObject | null]>>,
  exchanges = EXCHANGES,
): Promise<Uint8Array> {
  const template = await buildExchangeTemplate({ territory: 'Test', associations: ASSOCIATIONS }, format);
  const book = XLSX.read(template, { type: 'array', cellNF: true });
  const sheet = book.Sheets['Échanges'] as XLSX.WorkSheet;
  exchanges.forEach((exchange, i) => {
    for (const [field, value] of Object.entries(exchange))
      setCell(sheet, XLSX.utils.encode_cell({ r: 2 + i, c: FIELDS.indexOf(field) }), value);
  });
  const associations = book.Sheets['Associations'] as XLSX.WorkSheet;
  for (const [row, [asked, when]] of Object.entries(surveyed)) {
    setCell(associations, `E${row}`, asked);
    if (when !== null) setCell(associations, `F${row}`, when);
  }
  return new Uint8Array(XLSX.write(book, { bookType: format, type: 'array' }) as ArrayBuffer);
}
