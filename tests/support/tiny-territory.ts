/**
 * A tiny territory built in a test: three communes of one intercommunalité, six active
 * associations (two per commune), and exchanges written with only what differs from a one-day,
 * verified skills exchange on foot in March 2024.
 *
 *   communes   00001 Alpha (A1, A2)   00002 Beta (A3, A4)   00003 Gamma (A5, A6)
 */
import type { AssociationRow, CommuneRow, ExchangeRow } from '../../src/data/schema/index.ts';

export function commune(code: string, nom: string): CommuneRow {
  return {
    code_insee: code,
    nom,
    population: 1000,
    epci_code: '200000011',
    epci_nom: 'Intercommunalité E1',
    departement_code: '00',
    longitude: 3,
    latitude: 45.5,
    superficie_km2: 10,
  };
}

export function association(n: number, communeCode: string): AssociationRow {
  return {
    id: `W${String(n).padStart(9, '0')}`,
    nom: `Association ${n}`,
    siret: null,
    waldec_code: '011000',
    waldec_libelle: 'sports, activités de plein air',
    theme_code: '011000',
    theme_libelle: 'sports, activités de plein air',
    commune_code: communeCode,
    longitude: 3,
    latitude: 45.5,
    precision_geo: 'commune',
    date_creation: '2000-01-01',
    date_derniere_declaration: '2020-01-01',
    date_dissolution: null,
    statut: 'active',
    groupement: 'simple',
    siege_cle: null,
    site_web: null,
    adherents: null,
    benevoles: null,
    salaries: null,
    budget_annuel_eur: null,
  };
}

/** The commune of association n (A1…A6). */
export const COMMUNE_OF = ['', '00001', '00001', '00002', '00002', '00003', '00003'];

export function exchange(id: string, from: number, to: number, overrides: Partial<ExchangeRow>): ExchangeRow {
  const rna = (n: number) => `W${String(n).padStart(9, '0')}`;
  return {
    id_echange: id,
    date_debut: '2024-03-01',
    date_fin: '2024-03-01',
    fournisseur_rna: rna(from),
    fournisseur_siret: null,
    beneficiaire_rna: rna(to),
    beneficiaire_siret: null,
    fournisseur_commune: COMMUNE_OF[from] ?? null,
    beneficiaire_commune: COMMUNE_OF[to] ?? null,
    type_ressource: 'competences',
    categorie_bien: null,
    modalite: null,
    libelle: null,
    quantite: 1,
    unite: 'personne_heure',
    surface_m2: null,
    duree_heures: null,
    masse_kg: null,
    distance_km: 0,
    mode_transport: 'marche',
    heures_benevoles: null,
    etp_partages: null,
    beneficiaires: null,
    valeur_marche_eur: null,
    contrepartie_eur: null,
    aurait_achete: null,
    recurrent: null,
    statut_donnee: 'verifie',
    source: null,
    consentement_publication: true,
    fournisseur_id: rna(from),
    beneficiaire_id: rna(to),
    ...overrides,
  };
}
