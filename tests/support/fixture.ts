/**
 * A hand-built territory whose every indicator is worked out on paper in tests/sql/method.sql.test.ts.
 *
 *   communes   00001 Alpha (pop. 1 000, EPCI E1)   00002 Beta (2 000, E1)   00003 Gamma (500, E2)
 *   associations (theme: sport 011000, culture 006000, social 019000, environment 024000)
 *     Alpha  A1 sport, A2 culture, A3 sport, A4 social (active, no partner: isolated)
 *     Beta   A5 culture, A6 sport, A7 environment (dissolved 2023-06-30), A8 social (dormant: last
 *            declaration 2010-01-01)
 *     Gamma  A9 culture, A10 sport
 *   exchanges (provider → receiver): X01–X19 and X21–X27 in 2024 (26), X20 in 2023 (outside the
 *     2024 period); X26 runs from 2024-12-01 to 2025-01-31 (62 days: 31 in each year). X21–X27
 *     each exercise one rule of method v2, between associations that are already partners (the
 *     network is that of X01–X19): X21 a gift of equipment (confirmed by the partner), X22 a long
 *     loan capped at the new price (verified by the coordinator), X23 « autre » with a declared
 *     value, X24 staff without compensation, X25 skills with a trip by car, X26 pro-rating across
 *     the year boundary, X27 a regular (recurrent) room loan. Data tiers: X13 and X22 verified,
 *     X21 confirmed, all others declared.
 *   grants in 2024: A1 1 000 € (Commune d’Alpha), A5 2 000 € × 50 % and A9 500 € (Département);
 *   one in 2023 to A6 (outside the period). A9's grant is under the programme « Fonds vie associative ».
 *   X12 is not to be published (consentement_publication false).
 *   offers and needs: only O1 (A4 needs premises from March 2024) is a need open in 2024.
 */
import type {
  AssociationRow,
  CommuneRow,
  ExchangeRow,
  GrantRow,
  OfferRow,
  PlaceRow,
  ResourceType,
  SurveyRow,
} from '../../src/data/schema/index.ts';

export const PERIOD_2024 = { start: '2024-01-01', end: '2024-12-31' } as const;

/** A commune of the fixture (or of a territory built like it). */
export function commune(
  code: string,
  nom: string,
  population: number | null,
  epci: 'E1' | 'E2',
  lon: number,
  lat: number,
): CommuneRow {
  return {
    code_insee: code,
    nom,
    population,
    epci_code: epci === 'E1' ? '200000011' : '200000029',
    epci_nom: `Intercommunalité ${epci}`,
    departement_code: '00',
    longitude: lon,
    latitude: lat,
    superficie_km2: 10,
  };
}

const THEME_LABELS: Readonly<Record<string, string>> = {
  '011000': 'sports, activités de plein air',
  '006000': 'culture, pratiques d’activités artistiques, culturelles',
  '019000': 'interventions sociales',
  '024000': 'environnement, cadre de vie',
};

/** RNA number of the fixture's n-th association. */
export function rna(n: number): string {
  return `W${String(n).padStart(9, '0')}`;
}

/** Active association n of a commune, with one WALDEC theme (a simple association created in 2000). */
export function association(
  n: number,
  communeCode: string,
  theme: string,
  overrides: Partial<AssociationRow> = {},
): AssociationRow {
  return {
    id: rna(n),
    nom: `Association ${n}`,
    siret: null,
    waldec_code: theme,
    waldec_libelle: THEME_LABELS[theme] ?? null,
    theme_code: theme,
    theme_libelle: THEME_LABELS[theme] ?? '',
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
    ...overrides,
  };
}

/** Commune of each fixture association. */
const COMMUNE_OF: readonly string[] = [
  '',
  '00001',
  '00001',
  '00001',
  '00001',
  '00002',
  '00002',
  '00002',
  '00002',
  '00003',
  '00003',
];

/** An exchange between fixture associations `from` and `to` (numbers), with every other field empty. */
export function exchange(
  id: string,
  date: string,
  from: number,
  to: number,
  type: ResourceType,
  overrides: Partial<ExchangeRow> = {},
): ExchangeRow {
  return {
    id_echange: id,
    date_debut: date,
    date_fin: date,
    fournisseur_rna: rna(from),
    fournisseur_siret: null,
    beneficiaire_rna: rna(to),
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
    fournisseur_id: rna(from),
    beneficiaire_id: rna(to),
    ...overrides,
  };
}

function grant(
  n: number,
  association: number,
  funder: 'commune' | 'departement',
  date: string,
  montant: number,
  share = 1,
  dispositif: string | null = null,
): GrantRow {
  return {
    id_subvention: `S${n}`,
    nomAttribuant: funder === 'commune' ? 'Commune d’Alpha' : 'Département',
    idAttribuant: funder === 'commune' ? '21000001000015' : '22000001000019',
    dateConvention: date,
    referenceDecision: null,
    nomBeneficiaire: `Association ${association}`,
    idBeneficiaire: null,
    rnaBeneficiaire: rna(association),
    objet: 'Fonctionnement',
    montant,
    nature: 'aide en numéraire',
    conditionsVersement: 'unique',
    datesPeriodeVersement: date,
    idRAE: null,
    notificationUE: false,
    pourcentageSubvention: share,
    dispositifAide: dispositif,
    association_id: rna(association),
  };
}

export function offer(
  id: string,
  association: number,
  sens: OfferRow['sens'],
  type: ResourceType,
  start: string,
  end: string | null,
  statut: OfferRow['statut'],
): OfferRow {
  return {
    id_annonce: id,
    association_id: rna(association),
    sens,
    type_ressource: type,
    categorie_bien: null,
    description: `Annonce ${id}`,
    date_debut: start,
    date_fin: end,
    statut,
  };
}

export interface FixtureTables {
  readonly communes: CommuneRow[];
  readonly associations: AssociationRow[];
  readonly echanges: ExchangeRow[];
  readonly subventions: GrantRow[];
  readonly offres_besoins: OfferRow[];
  /** Seats shared by three or more associations (none unless a test adds them). */
  readonly lieux?: PlaceRow[];
  /** Associations surveyed for their exchanges (none unless a test adds them). */
  readonly enquetes?: SurveyRow[];
}

/** The territory described at the top of this file. */
export function fixtureTerritory(): FixtureTables {
  return {
    communes: [
      commune('00001', 'Alpha', 1000, 'E1', 3.0, 45.5),
      commune('00002', 'Beta', 2000, 'E1', 3.1, 45.5),
      commune('00003', 'Gamma', 500, 'E2', 3.0, 45.6),
    ],
    associations: [
      association(1, '00001', '011000'),
      association(2, '00001', '006000'),
      association(3, '00001', '011000'),
      association(4, '00001', '019000'),
      association(5, '00002', '006000'),
      association(6, '00002', '011000'),
      association(7, '00002', '024000', { statut: 'dissoute', date_dissolution: '2023-06-30' }),
      association(8, '00002', '019000', { date_derniere_declaration: '2010-01-01' }),
      association(9, '00003', '006000'),
      association(10, '00003', '011000'),
    ],
    echanges: [
      // prettier-ignore
      ...[
      exchange('X01', '2024-01-15', 1, 2, 'materiel', { categorie_bien: 'mobilier_chaise', modalite: 'pret', quantite: 50, unite: 'unite', duree_heures: 48, aurait_achete: 'oui', distance_km: 2, mode_transport: 'velo', heures_benevoles: 2, beneficiaires: 100 }),
      exchange('X02', '2024-02-10', 2, 1, 'locaux', { modalite: 'mise_a_disposition', quantite: 3, unite: 'heure', surface_m2: 40, aurait_achete: 'partiel', contrepartie_eur: 15, distance_km: 1, mode_transport: 'marche', beneficiaires: 20 }),
      exchange('X03', '2024-03-05', 1, 5, 'vehicule', { categorie_bien: 'minibus', modalite: 'pret', quantite: 120, unite: 'km', duree_heures: 24, aurait_achete: 'oui', distance_km: 10, mode_transport: 'voiture', beneficiaires: 8 }),
      exchange('X04', '2024-03-20', 5, 6, 'competences', { quantite: 6, unite: 'personne_heure', heures_benevoles: 6, distance_km: 0.8, mode_transport: 'marche' }),
      exchange('X05', '2024-04-02', 6, 5, 'materiel', { categorie_bien: 'sono', modalite: 'pret', quantite: 1, unite: 'unite', duree_heures: 24, valeur_marche_eur: 90, aurait_achete: 'non', distance_km: 3, mode_transport: 'voiture', heures_benevoles: 3, beneficiaires: 150 }),
      exchange('X06', '2024-04-18', 9, 10, 'projet_commun', { modalite: 'co_realisation', quantite: 20, unite: 'heure', heures_benevoles: 20, beneficiaires: 200, distance_km: 4, mode_transport: 'velo' }),
      exchange('X07', '2024-05-06', 10, 9, 'information_formation', { quantite: 12, unite: 'personne_heure', heures_benevoles: 3, beneficiaires: 6, distance_km: 0, mode_transport: 'aucun' }),
      exchange('X08', '2024-05-25', 5, 9, 'personnel', { date_fin: '2024-09-24', modalite: 'mise_a_disposition', quantite: 1.2, unite: 'etp_mois', etp_partages: 0.3, contrepartie_eur: 3600, distance_km: 12, mode_transport: 'voiture' }),
      exchange('X09', '2024-06-10', 2, 3, 'materiel', { date_fin: null, categorie_bien: 'videoprojecteur', modalite: 'don', quantite: 1, unite: 'unite', masse_kg: 3, distance_km: 1.5, mode_transport: 'marche' }),
      exchange('X10', '2024-07-01', 3, 1, 'materiel', { categorie_bien: 'tente_3x3', modalite: 'pret', quantite: 2, unite: 'unite', duree_heures: 72, valeur_marche_eur: 120, aurait_achete: 'oui', contrepartie_eur: 20, heures_benevoles: 1, beneficiaires: 60 }),
      exchange('X11', '2024-08-20', 6, 1, 'locaux', { modalite: 'mise_a_disposition', quantite: 1, unite: 'jour', surface_m2: 200, duree_heures: 10, valeur_marche_eur: 150, aurait_achete: 'non', distance_km: 9, mode_transport: 'voiture', beneficiaires: 80 }),
      exchange('X12', '2024-09-03', 1, 3, 'competences', { quantite: 4, unite: 'personne_heure', heures_benevoles: 4, distance_km: 2, mode_transport: 'marche', consentement_publication: false }),
      exchange('X13', '2024-09-15', 9, 5, 'projet_commun', { quantite: 30, unite: 'heure', heures_benevoles: 30, beneficiaires: 300, distance_km: 14, mode_transport: 'transport_commun', statut_donnee: 'verifie' }),
      exchange('X14', '2024-10-01', 5, 6, 'materiel', { categorie_bien: 'mobilier_table', modalite: 'pret', quantite: 10, unite: 'unite', duree_heures: 24, aurait_achete: 'partiel', distance_km: 1, mode_transport: 'velo', heures_benevoles: 1, beneficiaires: 40 }),
      exchange('X15', '2024-10-20', 10, 6, 'information_formation', { quantite: 8, unite: 'personne_heure', heures_benevoles: 2, beneficiaires: 8, distance_km: 16, mode_transport: 'voiture_electrique' }),
      exchange('X16', '2024-11-05', 3, 2, 'autre', { quantite: 2, unite: 'unite', aurait_achete: 'oui', distance_km: 1, mode_transport: 'marche' }),
      exchange('X17', '2024-11-12', 6, 5, 'vehicule', { date_fin: '2024-11-13', categorie_bien: 'vul', modalite: 'pret', quantite: 2, unite: 'jour', aurait_achete: 'oui', distance_km: 2, mode_transport: 'vul' }),
      exchange('X18', '2024-12-01', 2, 5, 'competences', { quantite: 5, unite: 'personne_heure', heures_benevoles: 5, distance_km: 8, mode_transport: 'velo' }),
      exchange('X19', '2024-12-20', 1, 2, 'materiel', { categorie_bien: 'outil', modalite: 'pret', quantite: 3, unite: 'unite', duree_heures: 24, valeur_marche_eur: 45, aurait_achete: 'oui', distance_km: 2, mode_transport: 'velo' }),
      exchange('X20', '2023-06-01', 7, 6, 'materiel', { categorie_bien: 'outil', modalite: 'pret', quantite: 1, unite: 'unite', duree_heures: 24, aurait_achete: 'oui', distance_km: 1, mode_transport: 'velo' }),
      // Method v2: one exchange per rule (tests/sql/method-parts.ts and method-v2.sql.test.ts).
      exchange('X21', '2024-02-20', 6, 5, 'materiel', { date_fin: null, categorie_bien: 'tente_3x3', modalite: 'don', quantite: 2, unite: 'unite', aurait_achete: 'oui', distance_km: 3, mode_transport: 'voiture', statut_donnee: 'confirme' }),
      exchange('X22', '2024-03-04', 2, 1, 'materiel', { date_fin: '2024-05-02', categorie_bien: 'mobilier_chaise', modalite: 'pret', quantite: 10, unite: 'unite', aurait_achete: 'oui', distance_km: 2, mode_transport: 'voiture', statut_donnee: 'verifie' }),
      exchange('X23', '2024-06-15', 10, 9, 'autre', { quantite: 1, unite: 'unite', valeur_marche_eur: 80, aurait_achete: 'partiel', distance_km: 1, mode_transport: 'marche' }),
      exchange('X24', '2024-01-01', 9, 5, 'personnel', { date_fin: '2024-06-30', modalite: 'mise_a_disposition', quantite: 3, unite: 'etp_mois', etp_partages: 0.5, distance_km: 12, mode_transport: 'transport_commun' }),
      exchange('X25', '2024-05-14', 5, 1, 'competences', { quantite: 3, unite: 'personne_heure', heures_benevoles: 3, distance_km: 9, mode_transport: 'voiture' }),
      exchange('X26', '2024-12-01', 3, 2, 'materiel', { date_fin: '2025-01-31', categorie_bien: 'outil', modalite: 'pret', quantite: 1, unite: 'unite', valeur_marche_eur: 310, aurait_achete: 'oui', heures_benevoles: 6, beneficiaires: 30, distance_km: 4, mode_transport: 'voiture' }),
      exchange('X27', '2024-09-02', 5, 6, 'locaux', { date_fin: '2024-11-04', modalite: 'mise_a_disposition', quantite: 20, unite: 'heure', surface_m2: 60, aurait_achete: 'oui', recurrent: true, distance_km: 1, mode_transport: 'marche', beneficiaires: 25 }),
      ],
    ],
    subventions: [
      grant(1, 1, 'commune', '2024-03-01', 1000),
      grant(2, 5, 'departement', '2024-04-01', 2000, 0.5),
      grant(3, 9, 'departement', '2024-05-01', 500, 1, 'Fonds vie associative'),
      grant(4, 6, 'commune', '2023-03-01', 1000),
    ],
    offres_besoins: [
      offer('O1', 4, 'besoin', 'locaux', '2024-03-01', null, 'ouverte'),
      offer('O2', 10, 'besoin', 'vehicule', '2024-06-01', '2024-08-31', 'expiree'),
      offer('O3', 2, 'offre', 'materiel', '2024-02-01', null, 'ouverte'),
      offer('O4', 5, 'besoin', 'competences', '2025-02-01', null, 'ouverte'),
      offer('O5', 6, 'besoin', 'materiel', '2023-01-01', '2023-12-31', 'ouverte'),
    ],
  };
}
