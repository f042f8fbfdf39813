/**
 * The additive parts every indicator is computed from. Each part is a sum (or count) over one
 * source, per zone — so parts of communes add up to their intercommunalité and territory, and the
 * page sums them up from the communes (roll-up.ts). Ratios are taken only after summing. Shared
 * seats add up because a seat key names an address within one commune (the importer's key starts
 * from the commune code, src/import/rna-shared-seats.ts): a key spanning two communes would be counted once
 * per commune.
 */

/**
 * Where a part is summed from: per-exchange values, associations, the network, communes, grants,
 * shared seats (addresses of ≥ 2 active associations), the zone's theme mix against the territory's.
 */
export type PartSource =
  'echanges' | 'associations' | 'reseau' | 'communes' | 'subventions' | 'sieges' | 'themes';

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

/**
 * Umbrella structures recognised by their name (folded: lower case, no accents), besides RNA
 * unions and federations: maisons des associations, offices municipaux or intercommunaux (des
 * sports, de la culture…), comités or conseils de la vie associative.
 */
export const UMBRELLA_NAME_PATTERNS: readonly {
  readonly pattern: string;
  readonly fr: string;
  readonly en: string;
}[] = [
  {
    pattern: '\\bmaisons? (des|de la vie) associati',
    fr: 'maison des associations, maison de la vie associative',
    en: 'maison des associations (association house)',
  },
  {
    pattern: '\\boffices? (municipa|intercommuna|communa)',
    fr: 'office municipal, intercommunal ou communal (des sports, de la culture…)',
    en: 'municipal or intercommunal office (of sports, culture…)',
  },
  {
    pattern: '\\b(comite|conseil|collectif) (de la vie|des) associati',
    fr: 'comité, conseil ou collectif de la vie associative',
    en: 'committee or council of associative life',
  },
];

/** The accented forms of the letters of French words (upper case comes with the `i` flag). */
const ACCENTED: Readonly<Record<string, string>> = {
  a: 'aàâäáãå',
  c: 'cç',
  e: 'eéèêë',
  i: 'iîïíì',
  n: 'nñ',
  o: 'oôöóòõ',
  u: 'uùûüú',
  y: 'yÿý',
};

/**
 * A pattern written in lower case without accents, as a regular expression over names as they
 * are written: each letter matches its accented forms, case is ignored (the `i` flag), and a word
 * starts after any character that is not a letter, a digit or `_` (`\b` only knows ASCII). Names
 * are not folded first: `strip_accents` cost 70 ms of an 80 ms pass over 75,000 names.
 */
function overNamesAsWritten(pattern: string): string {
  return pattern
    .replace(/[a-z]/g, (letter) => (ACCENTED[letter] ? `[${ACCENTED[letter]}]` : letter))
    .replaceAll('\\b', '(?:^|[^\\pL\\pN_])');
}

const UMBRELLA_NAME_REGEX = UMBRELLA_NAME_PATTERNS.map((p) => overNamesAsWritten(p.pattern)).join('|');

/**
 * SQL that is true when `column` (a name) matches one of the umbrella name patterns, compared in
 * lower case and without accents.
 */
export function umbrellaNameSql(column: string): string {
  return `regexp_matches(${column}, '${UMBRELLA_NAME_REGEX}', 'i')`;
}

// prettier-ignore
export const PARTS = [
  { id: 'echanges', source: 'echanges', scenario: false, additive: true, coefficients: [], label: 'Échanges', sql: 'count(*)' },
  { id: 'echanges_verifies', source: 'echanges', scenario: false, additive: true, coefficients: [], label: 'Échanges vérifiés par le coordinateur', sql: "count(*) FILTER (WHERE statut_donnee = 'verifie')" },
  { id: 'echanges_confirmes', source: 'echanges', scenario: false, additive: true, coefficients: [], label: 'Échanges confirmés par l’association partenaire (non vérifiés)', sql: "count(*) FILTER (WHERE statut_donnee = 'confirme')" },
  { id: 'echanges_recurrents', source: 'echanges', scenario: false, additive: true, coefficients: [], label: 'Échanges réguliers (recurrent = oui)', sql: 'count(*) FILTER (WHERE recurrent)' },
  { id: 'echanges_valeur_declaree', source: 'echanges', scenario: false, additive: true, coefficients: [], label: 'Échanges dont la valeur de marché est déclarée', sql: 'count(valeur_marche_eur)' },
  { id: 'valeur_marche_declaree', source: 'echanges', scenario: false, additive: true, coefficients: [], label: 'Valeurs de marché déclarées, au prorata de la période (€)', sql: 'sum(part_periode * valeur_marche_eur)' },
  { id: 'associations_impliquees', source: 'echanges', scenario: false, additive: false, coefficients: [], label: 'Associations distinctes derrière les échanges de la zone (secret statistique)', sql: 'len(list_distinct(flatten([list(fournisseur_id), list(beneficiaire_id)])))' },
  { id: 'heures_benevoles', source: 'echanges', scenario: false, additive: true, coefficients: [], label: 'Heures bénévoles, au prorata de la période', sql: 'sum(coalesce(heures_benevoles, 0) * part_periode)' },
  { id: 'beneficiaires', source: 'echanges', scenario: false, additive: true, coefficients: [], label: 'Bénéficiaires déclarés', sql: 'sum(coalesce(beneficiaires, 0))' },
  { id: 'etp_annees', source: 'echanges', scenario: false, additive: true, coefficients: [], label: 'Personnel mis à disposition (ETP-années), au prorata de la période', sql: 'sum(etp_annees * part_periode)' },
  { id: 'valeur_brute', source: 'echanges', scenario: true, additive: true, coefficients: ['prix_locaux_heure', 'prix_locaux_jour', 'location_jour', 'prix_neuf', 'part_vie_restante_don', 'prix_km_vehicule', 'facteur_donnee'], label: 'Valeur brute des ressources matérielles (€)', sql: 'sum(coalesce(v_brute, 0))' },
  { id: 'valeur_substituee', source: 'echanges', scenario: true, additive: true, coefficients: ['prix_locaux_heure', 'prix_locaux_jour', 'location_jour', 'prix_neuf', 'part_vie_restante_don', 'prix_km_vehicule', 'substitution', 'facteur_donnee'], label: 'Valeur substituée, nette des contreparties (€)', sql: 'sum(v_substituee)' },
  { id: 'cout_transport', source: 'echanges', scenario: true, additive: true, coefficients: ['cout_transport_km', 'facteur_detour', 'distance_intracommunale_km', 'facteur_donnee'], label: 'Coût des trajets de tous les échanges (€)', sql: 'sum(v_transport)' },
  { id: 'energie_locaux', source: 'echanges', scenario: true, additive: true, coefficients: ['energie_locaux_kwh_m2_h', 'prix_energie_kwh', 'heures_par_jour_locaux', 'facteur_donnee'], label: 'Énergie des salles prêtées pendant l’usage (€)', sql: 'sum(v_energie_locaux)' },
  { id: 'valeur_benevolat', source: 'echanges', scenario: true, additive: true, coefficients: ['valeur_heure_benevole', 'facteur_donnee'], label: 'Valeur du temps bénévole (€)', sql: 'sum(v_benevolat)' },
  { id: 'valeur_personnel', source: 'echanges', scenario: true, additive: true, coefficients: ['cout_etp_an', 'facteur_donnee'], label: 'Valeur du personnel mis à disposition, à son coût (€)', sql: 'sum(v_personnel)' },
  { id: 'personnel_refacture', source: 'echanges', scenario: true, additive: true, coefficients: ['cout_etp_an', 'facteur_donnee'], label: 'Personnel refacturé au bénéficiaire (contreparties, au plus le coût du personnel, €)', sql: 'sum(v_personnel_refacture)' },
  { id: 'co2_fabrication', source: 'echanges', scenario: true, additive: true, coefficients: ['ef_fabrication', 'duree_vie_jours', 'part_vie_restante_don', 'substitution', 'facteur_donnee'], label: 'Fabrication évitée (kgCO₂e)', sql: 'sum(v_co2_fabrication)' },
  { id: 'co2_locaux', source: 'echanges', scenario: true, additive: true, coefficients: ['ef_locaux_m2_an', 'heures_reference_locaux', 'heures_par_jour_locaux', 'energie_locaux_kwh_m2_h', 'ef_energie_kwh', 'substitution', 'facteur_donnee'], label: 'Salles évitées : exploitation de l’autre salle (kgCO₂e)', sql: 'sum(v_co2_locaux)' },
  { id: 'co2_energie_locaux', source: 'echanges', scenario: true, additive: true, coefficients: ['energie_locaux_kwh_m2_h', 'ef_energie_kwh', 'heures_par_jour_locaux', 'facteur_donnee'], label: 'Énergie des salles prêtées pendant l’usage (kgCO₂e)', sql: 'sum(v_co2_energie_locaux)' },
  { id: 'co2_transport', source: 'echanges', scenario: true, additive: true, coefficients: ['ef_transport', 'facteur_detour', 'distance_intracommunale_km', 'facteur_donnee'], label: 'Trajets des échanges (kgCO₂e)', sql: 'sum(v_co2_transport)' },
  { id: 'matiere_kg', source: 'echanges', scenario: true, additive: true, coefficients: ['masse_unitaire_kg', 'duree_vie_jours', 'part_vie_restante_don', 'substitution', 'facteur_donnee'], label: 'Matière évitée (kg)', sql: 'sum(v_matiere_kg)' },
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
  { id: 'jours_periode', source: 'communes', scenario: false, additive: false, coefficients: [], label: 'Jours de la période', sql: "any_value(date_diff('day', CAST($1 AS DATE), CAST($2 AS DATE)) + 1)" },
  { id: 'creations', source: 'associations', scenario: false, additive: true, coefficients: [], label: 'Associations créées sur la période (RNA date_creat)', sql: 'count(*) FILTER (WHERE a.date_creation BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE))' },
  { id: 'dissolutions', source: 'associations', scenario: false, additive: true, coefficients: [], label: 'Associations dissoutes sur la période (RNA date_disso)', sql: 'count(*) FILTER (WHERE a.date_dissolution BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE))' },
  { id: 'age_somme', source: 'associations', scenario: false, additive: true, coefficients: [], label: 'Somme des âges des associations actives à la fin de la période (années)', sql: "sum(date_diff('day', a.date_creation, CAST($2 AS DATE)) / 365.25) FILTER (WHERE a.active AND a.date_creation IS NOT NULL)" },
  { id: 'age_connus', source: 'associations', scenario: false, additive: true, coefficients: [], label: 'Associations actives dont la date de création est connue', sql: 'count(*) FILTER (WHERE a.active AND a.date_creation IS NOT NULL)' },
  { id: 'avec_siret', source: 'associations', scenario: false, additive: true, coefficients: [], label: 'Associations actives ayant un SIRET', sql: 'count(*) FILTER (WHERE a.active AND a.siret IS NOT NULL)' },
  { id: 'groupements_connus', source: 'associations', scenario: false, additive: true, coefficients: [], label: 'Associations actives dont le groupement (RNA) est connu', sql: 'count(*) FILTER (WHERE a.active AND a.groupement IS NOT NULL)' },
  { id: 'unions_federations', source: 'associations', scenario: false, additive: true, coefficients: [], label: 'Unions et fédérations actives (RNA groupement U ou F)', sql: "count(*) FILTER (WHERE a.active AND a.groupement IN ('union', 'federation'))" },
  { id: 'structures_faitieres', source: 'associations', scenario: false, additive: true, coefficients: [], label: 'Structures faîtières actives (unions, fédérations, offices municipaux, maisons des associations)', sql: `count(*) FILTER (WHERE a.active AND (a.groupement IN ('union', 'federation') OR ${umbrellaNameSql('a.nom')}))` },
  { id: 'sieges_renseignes', source: 'associations', scenario: false, additive: true, coefficients: [], label: 'Associations actives dont l’adresse du siège permet de compter', sql: 'count(*) FILTER (WHERE a.active AND a.siege_cle IS NOT NULL)' },
  { id: 'sieges_partages', source: 'sieges', scenario: false, additive: true, coefficients: [], label: 'Adresses de siège partagées par au moins 2 associations actives', sql: 'count(*)' },
  { id: 'associations_siege_partage', source: 'sieges', scenario: false, additive: true, coefficients: [], label: 'Associations actives à une adresse de siège partagée', sql: 'sum(n)' },
  { id: 'lieux_partages', source: 'sieges', scenario: false, additive: true, coefficients: [], label: 'Adresses de siège partagées par au moins 3 associations actives (lieux montrés)', sql: 'count(*) FILTER (WHERE n >= 3)' },
  { id: 'specialisation', source: 'themes', scenario: false, additive: false, coefficients: [], label: 'Indice de spécialisation (Krugman) : ½ Σ |part du thème dans la zone − part dans le territoire|', sql: '0.5 * sum(abs(coalesce(n_zone_theme, 0) / n_zone - part_territoire))' },
  { id: 'subventions', source: 'subventions', scenario: false, additive: true, coefficients: [], label: 'Subventions reçues (montant × pourcentage, €)', sql: 'sum(s.montant * s.pourcentageSubvention)' },
  { id: 'subventions_nombre', source: 'subventions', scenario: false, additive: true, coefficients: [], label: 'Subventions (conventions signées sur la période)', sql: 'count(*)' },
  { id: 'subventions_nature', source: 'subventions', scenario: false, additive: true, coefficients: [], label: 'Aides en nature (SCDL nature « aide en nature »)', sql: "count(*) FILTER (WHERE s.nature ILIKE '%nature%')" },
  { id: 'subventions_nature_montant', source: 'subventions', scenario: false, additive: true, coefficients: [], label: 'Aides en nature valorisées (montant × pourcentage, €)', sql: "sum(s.montant * s.pourcentageSubvention) FILTER (WHERE s.nature ILIKE '%nature%')" },
  { id: 'associations_financees', source: 'subventions', scenario: false, additive: true, coefficients: [], label: 'Associations actives ayant reçu au moins une subvention sur la période', sql: 'count(DISTINCT s.association_id) FILTER (WHERE a.active)' },
  { id: 'subventions_territoire', source: 'communes', scenario: false, additive: false, coefficients: [], label: 'Subventions de tout le jeu de données sur la période (0 : aucun fichier de subventions ne couvre la période)', sql: 'any_value((SELECT count(*) FROM subventions WHERE dateConvention BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)))' },
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
