/**
 * A tiny hand-built territory whose every figure can be worked out on paper. The expected values
 * of the SQL tests are derived from it in the tests themselves, with the arithmetic written out.
 *
 *   communes   00001 Alpha (pop. 1 000)   00002 Beta (pop. 2 000)   00003 Gamma (pop. unknown)
 *   associations
 *     A1, A2  Alpha, active
 *     A3      Beta, active              A4  Beta, dormant (last declaration 2010-01-01)
 *     A5      Beta, dissolved 2023-06-30
 *     A6      Gamma, active, isolated
 *   exchanges (provider → receiver)
 *     X1 2024-02-10 A1→A2  Alpha→Alpha   materiel
 *     X2 2024-03-05 A1→A3  Alpha→Beta    locaux
 *     X3 2024-05-20 A3→A1  Beta→Alpha    competences
 *     X4 2024-11-02 A2→A3  Alpha→Beta    vehicule
 *     X5 2023-12-31 A1→A3  Alpha→Beta    materiel     (before the 2024 period)
 *     X6 2024-07-01 A3→A2  Beta→Alpha    projet_commun
 */
import type {
  AssociationRow,
  CommuneRow,
  ExchangeRow,
  GrantRow,
  OfferRow,
  ResourceType,
} from '../../src/data/schema/index.ts';

export const PERIOD_2024 = { start: '2024-01-01', end: '2024-12-31' } as const;

function commune(code: string, nom: string, population: number | null, epci: string): CommuneRow {
  return {
    code_insee: code,
    nom,
    population,
    epci_code: epci === 'E1' ? '200000011' : '200000029',
    epci_nom: `Intercommunalité ${epci}`,
    departement_code: '00',
    longitude: 3 + Number(code) / 100,
    latitude: 45.5,
    superficie_km2: 10,
  };
}

function association(
  n: number,
  communeCode: string,
  overrides: Partial<AssociationRow> = {},
): AssociationRow {
  return {
    id: `W00000000${n}`,
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
    adherents: null,
    benevoles: null,
    salaries: null,
    budget_annuel_eur: null,
    ...overrides,
  };
}

const COMMUNE_OF: Readonly<Record<string, string>> = {
  W000000001: '00001',
  W000000002: '00001',
  W000000003: '00002',
};

export function exchange(
  id: string,
  date: string,
  from: string,
  to: string,
  type: ResourceType,
  overrides: Partial<ExchangeRow> = {},
): ExchangeRow {
  return {
    id_echange: id,
    date_debut: date,
    date_fin: date,
    fournisseur_rna: from,
    fournisseur_siret: null,
    beneficiaire_rna: to,
    beneficiaire_siret: null,
    fournisseur_commune: COMMUNE_OF[from] ?? null,
    beneficiaire_commune: COMMUNE_OF[to] ?? null,
    type_ressource: type,
    categorie_bien: null,
    modalite: null,
    libelle: null,
    quantite: 1,
    unite: 'unite',
    surface_m2: null,
    duree_heures: null,
    masse_kg: null,
    distance_km: null,
    mode_transport: null,
    heures_benevoles: null,
    etp_partages: null,
    beneficiaires: null,
    valeur_marche_eur: null,
    contrepartie_eur: null,
    aurait_achete: null,
    recurrent: null,
    statut_donnee: 'declare',
    source: null,
    consentement_publication: true,
    fournisseur_id: from,
    beneficiaire_id: to,
    ...overrides,
  };
}

export interface FixtureTables {
  readonly communes: CommuneRow[];
  readonly associations: AssociationRow[];
  readonly echanges: ExchangeRow[];
  readonly subventions: GrantRow[];
  readonly offres_besoins: OfferRow[];
}

/** The territory described at the top of this file. */
export function smallTerritory(): FixtureTables {
  return {
    communes: [
      commune('00001', 'Alpha', 1000, 'E1'),
      commune('00002', 'Beta', 2000, 'E1'),
      commune('00003', 'Gamma', null, 'E2'),
    ],
    associations: [
      association(1, '00001'),
      association(2, '00001'),
      association(3, '00002'),
      association(4, '00002', { date_derniere_declaration: '2010-01-01' }),
      association(5, '00002', { statut: 'dissoute', date_dissolution: '2023-06-30' }),
      association(6, '00003'),
    ],
    echanges: [
      exchange('X1', '2024-02-10', 'W000000001', 'W000000002', 'materiel'),
      exchange('X2', '2024-03-05', 'W000000001', 'W000000003', 'locaux'),
      exchange('X3', '2024-05-20', 'W000000003', 'W000000001', 'competences'),
      exchange('X4', '2024-11-02', 'W000000002', 'W000000003', 'vehicule'),
      exchange('X5', '2023-12-31', 'W000000001', 'W000000003', 'materiel'),
      exchange('X6', '2024-07-01', 'W000000003', 'W000000002', 'projet_commun'),
    ],
    subventions: [],
    offres_besoins: [],
  };
}
