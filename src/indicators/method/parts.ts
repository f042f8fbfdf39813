/**
 * The additive parts every indicator is computed from. Each part is a sum (or count) over one
 * source, per zone — so parts of communes add up to their intercommunalité and territory, and the
 * same definitions can later run on pre-aggregated tables. Ratios are taken only after summing.
 */

/** Where a part is summed from: per-exchange values, associations, the network, communes, grants. */
export type PartSource = 'echanges' | 'associations' | 'reseau' | 'communes' | 'subventions';

export interface PartDefinition {
  readonly id: string;
  readonly source: PartSource;
  /** SQL aggregate over the source's rows (see sql-values.ts and sql-scope.ts for their columns). */
  readonly sql: string;
  /** True when the part depends on coefficients, and so differs between scenarios. */
  readonly scenario: boolean;
  /** False for parts that do not add up across zones (distinct counts, within-zone edges). */
  readonly additive: boolean;
  readonly label: string;
  /** Coefficient parameters (`parametre` in the coefficient file) the part depends on. */
  readonly coefficients: readonly string[];
}

/**
 * Whether a part counts declared cooperation (exchanges, the network they draw, partners):
 * meaningful only where the exchange data covers associations — elsewhere it is unknown, not 0.
 */
export function isDeclared(part: Pick<PartDefinition, 'id' | 'source'>): boolean {
  return part.source === 'echanges' || part.source === 'reseau' || DECLARED_ASSOCIATION_PARTS.has(part.id);
}

/** Parts of the associations source that count partners. */
const DECLARED_ASSOCIATION_PARTS = new Set([
  'associations_cooperantes',
  'degres',
  'clustering_somme',
  'clustering_noeuds',
]);

// prettier-ignore
export const PARTS = [
  { id: 'echanges', source: 'echanges', scenario: false, additive: true, coefficients: [], label: 'Échanges', sql: 'count(*)' },
  { id: 'echanges_verifies', source: 'echanges', scenario: false, additive: true, coefficients: [], label: 'Échanges vérifiés par un tiers', sql: "count(*) FILTER (WHERE statut_donnee = 'verifie')" },
  { id: 'associations_impliquees', source: 'echanges', scenario: false, additive: false, coefficients: [], label: 'Associations distinctes derrière les échanges de la zone (secret statistique)', sql: 'len(list_distinct(flatten([list(fournisseur_id), list(beneficiaire_id)])))' },
  { id: 'heures_benevoles', source: 'echanges', scenario: false, additive: true, coefficients: [], label: 'Heures bénévoles', sql: 'sum(coalesce(heures_benevoles, 0))' },
  { id: 'beneficiaires', source: 'echanges', scenario: false, additive: true, coefficients: [], label: 'Bénéficiaires déclarés', sql: 'sum(coalesce(beneficiaires, 0))' },
  { id: 'etp_annees', source: 'echanges', scenario: false, additive: true, coefficients: [], label: 'Personnel mis à disposition (ETP-années)', sql: 'sum(etp_annees)' },
  { id: 'valeur_brute', source: 'echanges', scenario: true, additive: true, coefficients: ['prix_locaux_heure', 'prix_locaux_jour', 'location_jour', 'prix_neuf', 'part_valeur_occasion', 'prix_km_vehicule'], label: 'Valeur brute des ressources matérielles (€)', sql: 'sum(coalesce(valeur_brute, 0))' },
  { id: 'valeur_substituee', source: 'echanges', scenario: true, additive: true, coefficients: ['prix_locaux_heure', 'prix_locaux_jour', 'location_jour', 'prix_neuf', 'part_valeur_occasion', 'prix_km_vehicule', 'substitution'], label: 'Valeur substituée, nette des contreparties (€)', sql: 'sum(v_substituee)' },
  { id: 'cout_transport', source: 'echanges', scenario: true, additive: true, coefficients: ['cout_transport_km', 'facteur_detour', 'distance_intracommunale_km'], label: 'Coût des trajets des échanges matériels (€)', sql: 'sum(v_transport)' },
  { id: 'valeur_benevolat', source: 'echanges', scenario: true, additive: true, coefficients: ['valeur_heure_benevole'], label: 'Valeur du temps bénévole (€)', sql: 'sum(v_benevolat)' },
  { id: 'valeur_personnel', source: 'echanges', scenario: true, additive: true, coefficients: ['cout_etp_an'], label: 'Valeur du personnel mis à disposition (€)', sql: 'sum(v_personnel)' },
  { id: 'co2_fabrication', source: 'echanges', scenario: true, additive: true, coefficients: ['ef_fabrication', 'duree_vie_jours', 'substitution'], label: 'Fabrication évitée (kgCO₂e)', sql: 'sum(v_co2_fabrication)' },
  { id: 'co2_locaux', source: 'echanges', scenario: true, additive: true, coefficients: ['ef_locaux_m2_an', 'heures_reference_locaux', 'heures_par_jour_locaux', 'substitution'], label: 'Locaux évités (kgCO₂e)', sql: 'sum(v_co2_locaux)' },
  { id: 'co2_transport', source: 'echanges', scenario: true, additive: true, coefficients: ['ef_transport', 'facteur_detour', 'distance_intracommunale_km'], label: 'Trajets des échanges (kgCO₂e)', sql: 'sum(v_co2_transport)' },
  { id: 'matiere_kg', source: 'echanges', scenario: true, additive: true, coefficients: ['masse_unitaire_kg', 'duree_vie_jours', 'substitution'], label: 'Matière évitée (kg)', sql: 'sum(v_matiere_kg)' },
  { id: 'distance_km', source: 'echanges', scenario: true, additive: true, coefficients: ['facteur_detour', 'distance_intracommunale_km'], label: 'Kilomètres aller-retour', sql: 'sum(coalesce(aller_retour_km, 0))' },
  { id: 'echanges_avec_distance', source: 'echanges', scenario: false, additive: true, coefficients: [], label: 'Échanges dont la distance est connue ou estimable', sql: 'count(aller_retour_km)' },
  { id: 'associations_actives', source: 'associations', scenario: false, additive: true, coefficients: [], label: 'Associations actives', sql: 'count(*) FILTER (WHERE a.active)' },
  { id: 'associations_couvertes', source: 'associations', scenario: false, additive: true, coefficients: [], label: 'Associations actives couvertes par les échanges déclarés (enquêtées)', sql: 'count(*) FILTER (WHERE a.active AND a.couverte)' },
  { id: 'associations_cooperantes', source: 'associations', scenario: false, additive: true, coefficients: [], label: 'Associations actives couvertes ayant au moins un partenaire', sql: 'count(*) FILTER (WHERE a.active AND a.couverte AND coalesce(d.k, 0) >= 1)' },
  { id: 'degres', source: 'associations', scenario: false, additive: true, coefficients: [], label: 'Somme des degrés des associations actives', sql: 'sum(CASE WHEN a.active THEN coalesce(d.k, 0) ELSE 0 END)' },
  { id: 'clustering_somme', source: 'associations', scenario: false, additive: true, coefficients: [], label: 'Somme des coefficients de regroupement locaux', sql: 'sum(CASE WHEN a.active AND d.k >= 2 THEN 2.0 * coalesce(t.t, 0) / (d.k * (d.k - 1)) ELSE 0 END)' },
  { id: 'clustering_noeuds', source: 'associations', scenario: false, additive: true, coefficients: [], label: 'Associations actives d’au moins deux partenaires', sql: 'count(*) FILTER (WHERE a.active AND d.k >= 2)' },
  { id: 'partenariats', source: 'reseau', scenario: false, additive: true, coefficients: [], label: 'Partenariats (1 par paire, ½ par commune pour une paire intercommunale)', sql: 'sum(poids)' },
  { id: 'partenariats_intersectoriels', source: 'reseau', scenario: false, additive: true, coefficients: [], label: 'Partenariats entre thèmes différents', sql: 'sum(poids) FILTER (WHERE intersectoriel)' },
  { id: 'partenariats_intercommunaux', source: 'reseau', scenario: false, additive: true, coefficients: [], label: 'Partenariats entre communes différentes', sql: 'sum(poids) FILTER (WHERE intercommunal)' },
  { id: 'aretes_internes_actives', source: 'reseau', scenario: false, additive: false, coefficients: [], label: 'Partenariats entre associations actives de la zone', sql: 'count(*) FILTER (WHERE interne AND actives)' },
  { id: 'communes_liees', source: 'reseau', scenario: false, additive: false, coefficients: [], label: 'Paires de communes liées touchant la zone', sql: 'count(DISTINCT (commune_1, commune_2)) FILTER (WHERE intercommunal)' },
  { id: 'communes', source: 'communes', scenario: false, additive: true, coefficients: [], label: 'Communes', sql: 'count(*)' },
  { id: 'population', source: 'communes', scenario: false, additive: true, coefficients: [], label: 'Population municipale (vide si une commune est sans population)', sql: 'CASE WHEN count(*) = count(population) THEN sum(population) END' },
  { id: 'subventions', source: 'subventions', scenario: false, additive: true, coefficients: [], label: 'Subventions reçues (montant × pourcentage, €)', sql: 'sum(s.montant * s.pourcentageSubvention)' },
] as const satisfies readonly PartDefinition[];

export type PartId = (typeof PARTS)[number]['id'];

export const PART_IDS: readonly PartId[] = PARTS.map((p) => p.id);

const BY_ID = new Map<string, PartDefinition>(PARTS.map((p) => [p.id, p]));

/** The definition of a part. */
export function partDefinition(id: PartId): PartDefinition {
  const part = BY_ID.get(id);
  if (!part) throw new Error(`Unknown part ${id}`);
  return part;
}
