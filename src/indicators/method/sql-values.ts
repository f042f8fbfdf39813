import { counterfactualSql, ROOM_USE_KWH } from './counterfactuals.ts';
import { PERIOD_CTE, SCOPE_CTES, ZONES_CTE } from './sql-scope.ts';

/*
 * Per-exchange values of the impact method, in each scenario (bas, central, haut): the SQL a
 * funder can check line by line. Coefficients come from the `coefficients` table, never from code.
 */

/** Scalar coefficients, one row per scenario, read from the table (or CTE) `source`. */
function coefficientCtes(source: string): string {
  const scalar = (id: string) => `max(valeur) FILTER (WHERE id = '${id}') AS ${id}`;
  const scalars = [
    'facteur_detour',
    'distance_intracommunale_km',
    'cout_transport_km',
    'part_vie_restante_don',
    'prix_km_vehicule',
    'prix_locaux_heure',
    'prix_locaux_jour',
    'heures_par_jour_locaux',
    'ef_locaux_m2_an',
    'heures_reference_locaux',
    'energie_locaux_kwh_m2_h',
    'ef_energie_kwh',
    'prix_energie_kwh',
    'valeur_heure_benevole',
    'cout_etp_an',
  ];
  return `k AS (
  SELECT scenario,
    ${scalars.map(scalar).join(',\n    ')}
  FROM ${source} GROUP BY scenario
),
biens AS (
  SELECT scenario, cle AS categorie,
    max(valeur) FILTER (WHERE parametre = 'ef_fabrication') AS ef_fabrication,
    max(valeur) FILTER (WHERE parametre = 'duree_vie_jours') AS duree_vie_jours,
    max(valeur) FILTER (WHERE parametre = 'masse_unitaire_kg') AS masse_unitaire_kg,
    max(valeur) FILTER (WHERE parametre = 'location_jour') AS location_jour,
    max(valeur) FILTER (WHERE parametre = 'prix_neuf') AS prix_neuf
  FROM ${source}
  WHERE parametre IN ('ef_fabrication', 'duree_vie_jours', 'masse_unitaire_kg', 'location_jour', 'prix_neuf')
  GROUP BY scenario, cle
),
modes AS (SELECT scenario, cle AS mode, valeur AS ef_transport FROM ${source} WHERE parametre = 'ef_transport'),
substitutions AS (SELECT scenario, cle AS reponse, valeur AS s FROM ${source} WHERE parametre = 'substitution'),
facteurs_donnee AS (SELECT scenario, cle AS statut, valeur AS f FROM ${source} WHERE parametre = 'facteur_donnee')`;
}

/** The coefficients of the three scenarios (bas, central, haut), from the `coefficients` table. */
export const COEFFICIENT_CTES = coefficientCtes('coefficients');

/** Great-circle distance in km between the two communes' reference points (haversine). */
const CROW_FLIES_KM = `2 * 6371.0088 * asin(sqrt(
      power(sin(radians(e.lat_b - e.lat_f) / 2), 2)
      + cos(radians(e.lat_f)) * cos(radians(e.lat_b)) * power(sin(radians(e.lon_b - e.lon_f) / 2), 2)))`;

/**
 * Step 1: quantities of each exchange that the formulas share (days, units, km, hours, round
 * trip), in each scenario.
 */
export const QUANTITIES_CTE = `quantites AS (
  SELECT e.*, k.*,
    -- Days of use: declared hours / 24, else the dates (an end before the start reads as the start), else one day.
    coalesce(e.duree_heures / 24.0, date_diff('day', e.date_debut, greatest(e.date_debut, e.date_fin)) + 1, 1) AS jours,
    CASE e.unite WHEN 'unite' THEN e.quantite ELSE 1 END AS unites,
    CASE e.unite WHEN 'km' THEN e.quantite ELSE 0 END AS km_parcourus,
    -- Hours of use of premises: declared, else the quantity in hours, or in days × hours a day.
    coalesce(e.duree_heures,
      CASE e.unite WHEN 'heure' THEN e.quantite WHEN 'jour' THEN e.quantite * k.heures_par_jour_locaux END) AS heures_locaux,
    -- Round trip: declared, else 2 × detour × distance between the communes (or within one).
    coalesce(e.distance_km,
      2 * k.facteur_detour * CASE WHEN e.commune_f = e.commune_b THEN k.distance_intracommunale_km ELSE ${CROW_FLIES_KM} END
    ) AS aller_retour_km,
    -- Staff: FTE-years from FTE-months, else shared FTE × months (one month without an end date).
    CASE WHEN e.unite = 'etp_mois' THEN e.quantite / 12.0
         ELSE coalesce(e.etp_partages, 0)
           * (coalesce(date_diff('day', e.date_debut, greatest(e.date_debut, e.date_fin)) + 1, 30.4375) / 365.25) END AS etp_annees
  FROM periode e CROSS JOIN k
)`;

/**
 * Columns of an exchange of the period that the values carry as they are: what the exchange
 * declares, its zone, communes and dates, and its share of the period.
 */
const PERIOD_COLUMNS = [
  'ligne',
  'zone',
  'date_debut',
  'date_fin',
  'commune_f',
  'commune_b',
  'type_ressource',
  'statut_donnee',
  'id_echange',
  'libelle',
  'fournisseur_id',
  'beneficiaire_id',
  'fournisseur_commune',
  'beneficiaire_commune',
  'consentement_publication',
  'heures_benevoles',
  'beneficiaires',
  'recurrent',
  'valeur_marche_eur',
  'contrepartie_eur',
  'part_periode',
] as const;

/**
 * Step 2: the alternative each exchange stands for (counterfactuals.ts, one rule per resource
 * type and modality), and the factors that apply to all its values: the substitution share s
 * (« would have bought »), the data factor of its quality tier, the share of its days in the period.
 */
export const BASE_VALUES_CTE = `valeurs_base AS (
  SELECT ${PERIOD_COLUMNS.map((c) => `q.${c}`).join(', ')},
    q.scenario, q.aller_retour_km,
    CASE WHEN q.type_ressource = 'personnel' THEN q.etp_annees ELSE 0 END AS etp_annees,
    s.s AS substitution,
    coalesce(f.f, 1) AS facteur_donnee,
    -- F1 gross value of material resources: declared market value, else the alternative's cost.
    CASE
      WHEN q.type_ressource NOT IN ('locaux', 'materiel', 'vehicule', 'autre') THEN 0
      ELSE coalesce(q.valeur_marche_eur, ${counterfactualSql('cost')})
    END AS valeur_brute,
    ${counterfactualSql('manufacturing')} AS co2_fabrication_alt,
    ${counterfactualSql('premises')} AS co2_locaux_alt,
    ${counterfactualSql('matter')} AS matiere_alt,
    -- Energy of the room lent, during the use: burnt whatever the receiver would have done.
    CASE WHEN q.type_ressource = 'locaux' THEN coalesce(${ROOM_USE_KWH}, 0) ELSE 0 END AS kwh_salle_pretee,
    q.ef_energie_kwh, q.prix_energie_kwh,
    m.ef_transport,
    -- Travel cost per km: the mileage scale for a car or a van (no mode: car); none on foot, by bike,
    -- without travel, or by public transport (the fare is not known).
    CASE WHEN coalesce(q.mode_transport, 'voiture') IN ('voiture', 'voiture_electrique', 'vul') THEN q.cout_transport_km ELSE 0 END
      AS cout_km,
    q.valeur_heure_benevole,
    -- Staff at cost: FTE-years × the full cost of an FTE; without FTE, the amount re-invoiced
    -- (a non-profit loan of staff is re-invoiced at actual cost, Labour Code L8241-2).
    CASE WHEN q.type_ressource <> 'personnel' THEN 0
         WHEN q.etp_annees > 0 THEN q.etp_annees * q.cout_etp_an
         ELSE coalesce(q.contrepartie_eur, 0) END AS cout_personnel
  FROM quantites q
  LEFT JOIN biens b ON b.scenario = q.scenario AND b.categorie = q.categorie_bien
  LEFT JOIN modes m ON m.scenario = q.scenario AND m.mode = coalesce(q.mode_transport, 'voiture')
  LEFT JOIN substitutions s ON s.scenario = q.scenario AND s.reponse = coalesce(q.aurait_achete, 'inconnu')
  LEFT JOIN facteurs_donnee f ON f.scenario = q.scenario AND f.statut = coalesce(q.statut_donnee, 'declare')
)`;

/**
 * Step 3: every value of an exchange that the indicators add up (columns v_…), each counted once
 * and in one figure only: material resources and premises in v_substituee (avoided cost), time in
 * v_benevolat, staff in v_personnel; v_personnel_refacture is the part of the staff's cost the
 * receiver paid back, never more than that cost. Avoided values are × s; each is × the data factor,
 * then × the share of the exchange's days in the period (`part_periode`, applied last, so that
 * values computed once for the whole exchange give the same numbers: exchange-values.ts).
 */
export const EXCHANGE_VALUE_TERMS = {
  v_brute: 'valeur_brute',
  v_substituee: 'coalesce(substitution * greatest(0, valeur_brute - coalesce(contrepartie_eur, 0)), 0)',
  v_transport: 'coalesce(aller_retour_km * cout_km, 0)',
  v_energie_locaux: 'kwh_salle_pretee * prix_energie_kwh',
  v_benevolat: 'coalesce(heures_benevoles, 0) * valeur_heure_benevole',
  v_personnel: 'cout_personnel',
  v_personnel_refacture: 'least(coalesce(contrepartie_eur, 0), cout_personnel)',
  v_co2_fabrication: 'coalesce(substitution * co2_fabrication_alt, 0)',
  v_co2_locaux: 'coalesce(substitution * co2_locaux_alt, 0)',
  v_co2_energie_locaux: 'kwh_salle_pretee * ef_energie_kwh',
  v_co2_transport: 'coalesce(aller_retour_km * ef_transport, 0)',
  v_matiere_kg: 'coalesce(substitution * matiere_alt, 0)',
} as const;

export const VALUES_CTE = `valeurs AS (
  SELECT *,
    ${Object.entries(EXCHANGE_VALUE_TERMS)
      .map(([column, term]) => `part_periode * (facteur_donnee * ${term}) AS ${column}`)
      .join(',\n    ')}
  FROM valeurs_base
)`;

/** Net avoided cost of one exchange (its share of F2), for flows, breakdowns and association cards. */
export const EXCHANGE_VALUE_SQL = 'v_substituee - v_transport - v_energie_locaux';

/**
 * Zones, scope, the exchanges of the period and their values in each scenario: the common head
 * of every query that adds up exchanges (parameters $1–$8, see filters.ts). `coefficientSource`
 * names the table (or CTE) of coefficients by scenario: the sensitivity analysis swaps in its own.
 */
export function scopeAndValuesCtes(coefficientSource = 'coefficients'): string {
  return [
    ZONES_CTE,
    SCOPE_CTES,
    PERIOD_CTE,
    coefficientCtes(coefficientSource),
    QUANTITIES_CTE,
    BASE_VALUES_CTE,
    VALUES_CTE,
  ].join(',\n');
}

export const SCOPE_AND_VALUES_CTES = scopeAndValuesCtes();
