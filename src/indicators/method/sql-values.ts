import { PERIOD_CTE, SCOPE_CTES, ZONES_CTE } from './sql-scope.ts';

/*
 * Per-exchange values of the impact method, in each scenario (bas, central, haut): the SQL a
 * funder can check line by line. Coefficients come from the `coefficients` table, never from code.
 */

/** Scalar coefficients, one row per scenario. */
export const COEFFICIENT_CTES = `k AS (
  SELECT scenario,
    max(valeur) FILTER (WHERE id = 'facteur_detour') AS facteur_detour,
    max(valeur) FILTER (WHERE id = 'distance_intracommunale_km') AS distance_intracommunale_km,
    max(valeur) FILTER (WHERE id = 'cout_transport_km') AS cout_transport_km,
    max(valeur) FILTER (WHERE id = 'part_valeur_occasion') AS part_valeur_occasion,
    max(valeur) FILTER (WHERE id = 'prix_km_vehicule') AS prix_km_vehicule,
    max(valeur) FILTER (WHERE id = 'prix_locaux_heure') AS prix_locaux_heure,
    max(valeur) FILTER (WHERE id = 'prix_locaux_jour') AS prix_locaux_jour,
    max(valeur) FILTER (WHERE id = 'heures_par_jour_locaux') AS heures_par_jour_locaux,
    max(valeur) FILTER (WHERE id = 'ef_locaux_m2_an') AS ef_locaux_m2_an,
    max(valeur) FILTER (WHERE id = 'heures_reference_locaux') AS heures_reference_locaux,
    max(valeur) FILTER (WHERE id = 'valeur_heure_benevole') AS valeur_heure_benevole,
    max(valeur) FILTER (WHERE id = 'cout_etp_an') AS cout_etp_an
  FROM coefficients GROUP BY scenario
),
biens AS (
  SELECT scenario, cle AS categorie,
    max(valeur) FILTER (WHERE parametre = 'ef_fabrication') AS ef_fabrication,
    max(valeur) FILTER (WHERE parametre = 'duree_vie_jours') AS duree_vie_jours,
    max(valeur) FILTER (WHERE parametre = 'masse_unitaire_kg') AS masse_unitaire_kg,
    max(valeur) FILTER (WHERE parametre = 'location_jour') AS location_jour,
    max(valeur) FILTER (WHERE parametre = 'prix_neuf') AS prix_neuf
  FROM coefficients
  WHERE parametre IN ('ef_fabrication', 'duree_vie_jours', 'masse_unitaire_kg', 'location_jour', 'prix_neuf')
  GROUP BY scenario, cle
),
modes AS (SELECT scenario, cle AS mode, valeur AS ef_transport FROM coefficients WHERE parametre = 'ef_transport'),
substitutions AS (SELECT scenario, cle AS reponse, valeur AS s FROM coefficients WHERE parametre = 'substitution')`;

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
    -- Days of use: declared hours / 24, else the dates, else one day.
    coalesce(e.duree_heures / 24.0, date_diff('day', e.date_debut, e.date_fin) + 1, 1) AS jours,
    CASE e.unite WHEN 'unite' THEN e.quantite ELSE 1 END AS unites,
    CASE e.unite WHEN 'km' THEN e.quantite ELSE 0 END AS km_parcourus,
    -- Hours of use of premises: declared, else the quantity in hours, or in days × hours a day.
    coalesce(e.duree_heures,
      CASE e.unite WHEN 'heure' THEN e.quantite WHEN 'jour' THEN e.quantite * k.heures_par_jour_locaux END) AS heures_locaux,
    -- Round trip: declared, else 2 × detour × distance between the communes (or within one).
    coalesce(e.distance_km,
      2 * k.facteur_detour * CASE WHEN e.commune_f = e.commune_b THEN k.distance_intracommunale_km ELSE ${CROW_FLIES_KM} END
    ) AS aller_retour_km,
    -- Staff: FTE-years from FTE-months, else shared FTE × months.
    CASE WHEN e.unite = 'etp_mois' THEN e.quantite / 12.0
         ELSE coalesce(e.etp_partages, 0) * (coalesce(date_diff('day', e.date_debut, e.date_fin) + 1, 30.4375) / 365.25) END AS etp_annees
  FROM periode e CROSS JOIN k
)`;

/** Step 2: the value of material resources and the factors that depend on the good or the mode. */
export const BASE_VALUES_CTE = `valeurs_base AS (
  SELECT q.zone, q.scenario, q.type_ressource, q.statut_donnee, q.id_echange,
    q.fournisseur_id, q.beneficiaire_id, q.fournisseur_commune, q.beneficiaire_commune, q.consentement_publication,
    q.aller_retour_km, q.heures_benevoles, q.beneficiaires,
    CASE WHEN q.type_ressource = 'personnel' THEN q.etp_annees ELSE 0 END AS etp_annees,
    s.s AS substitution,
    -- F1 gross value of material resources: declared market value, else quantity × unit price.
    CASE
      WHEN q.type_ressource NOT IN ('locaux', 'materiel', 'vehicule', 'autre') THEN 0
      WHEN q.valeur_marche_eur IS NOT NULL THEN q.valeur_marche_eur
      WHEN q.type_ressource = 'locaux' THEN
        CASE q.unite WHEN 'heure' THEN q.quantite * q.prix_locaux_heure WHEN 'jour' THEN q.quantite * q.prix_locaux_jour ELSE 0 END
      WHEN q.type_ressource = 'materiel' AND q.modalite = 'don' THEN q.unites * b.prix_neuf * q.part_valeur_occasion
      WHEN q.type_ressource = 'materiel' THEN
        q.unites * least(b.location_jour * CASE q.unite WHEN 'jour' THEN q.quantite ELSE q.jours END, b.prix_neuf)
      WHEN q.type_ressource = 'vehicule' THEN b.location_jour * q.jours + q.km_parcourus * q.prix_km_vehicule
      ELSE 0
    END AS valeur_brute,
    q.contrepartie_eur,
    -- Share of a good's life the exchange stands for: all of it when given, else days / lifetime.
    CASE WHEN q.modalite = 'don' THEN 1.0
         ELSE least(1.0, CASE q.unite WHEN 'jour' THEN q.quantite ELSE q.jours END / b.duree_vie_jours) END AS part_vie,
    b.ef_fabrication, b.masse_unitaire_kg, q.unites, q.masse_kg,
    q.surface_m2, q.heures_locaux, q.ef_locaux_m2_an, q.heures_reference_locaux,
    m.ef_transport, q.cout_transport_km, q.valeur_heure_benevole, q.cout_etp_an
  FROM quantites q
  LEFT JOIN biens b ON b.scenario = q.scenario AND b.categorie = q.categorie_bien
  LEFT JOIN modes m ON m.scenario = q.scenario AND m.mode = coalesce(q.mode_transport, 'voiture')
  LEFT JOIN substitutions s ON s.scenario = q.scenario AND s.reponse = coalesce(q.aurait_achete, 'inconnu')
)`;

const MATERIAL = `type_ressource IN ('locaux', 'materiel', 'vehicule', 'autre')`;

/**
 * Step 3: every value of an exchange that the indicators add up (columns v_…), each counted once:
 * material resources in v_substituee, time in v_benevolat, staff in v_personnel.
 */
export const VALUES_CTE = `valeurs AS (
  SELECT *,
    coalesce(substitution * greatest(0, valeur_brute - coalesce(contrepartie_eur, 0)), 0) AS v_substituee,
    CASE WHEN ${MATERIAL} THEN coalesce(aller_retour_km * cout_transport_km, 0) ELSE 0 END AS v_transport,
    coalesce(heures_benevoles, 0) * valeur_heure_benevole AS v_benevolat,
    CASE WHEN type_ressource = 'personnel' THEN coalesce(contrepartie_eur, etp_annees * cout_etp_an) ELSE 0 END AS v_personnel,
    CASE WHEN type_ressource IN ('materiel', 'vehicule') THEN coalesce(substitution * ef_fabrication * unites * part_vie, 0) ELSE 0 END
      AS v_co2_fabrication,
    CASE WHEN type_ressource = 'locaux'
      THEN coalesce(substitution * surface_m2 * heures_locaux / heures_reference_locaux * ef_locaux_m2_an, 0) ELSE 0 END
      AS v_co2_locaux,
    coalesce(aller_retour_km * ef_transport, 0) AS v_co2_transport,
    CASE WHEN type_ressource = 'materiel'
      THEN coalesce(substitution * coalesce(masse_kg, unites * masse_unitaire_kg) * part_vie, 0) ELSE 0 END AS v_matiere_kg
  FROM valeurs_base
)`;

/** Value created by one exchange (F2 + F3 + F4 for that exchange), for flows and association cards. */
export const EXCHANGE_VALUE_SQL = 'v_substituee - v_transport + v_benevolat + v_personnel';

/**
 * Zones, scope, the exchanges of the period and their values in each scenario: the common head
 * of every query that adds up exchanges (parameters $1–$7, see filters.ts).
 */
export const SCOPE_AND_VALUES_CTES = [
  ZONES_CTE,
  SCOPE_CTES,
  PERIOD_CTE,
  COEFFICIENT_CTES,
  QUANTITIES_CTE,
  BASE_VALUES_CTE,
  VALUES_CTE,
].join(',\n');
