import type { Coefficient } from '../../data/method/coefficients.ts';

/**
 * The coefficient file (src/data/method/coefficients.json) in English, for the English method
 * page: labels, units, notes and the application statement, and the words of the table's source
 * details. Sources, references and justifications are cited as written, in French. A coefficient
 * without an English label here is caught by tests/unit/indicators/definitions-text.test.ts.
 */

/** Goods of the catalogue, by key. */
const GOODS: Readonly<Record<string, string>> = {
  ordinateur_portable: 'laptop',
  videoprojecteur: 'video projector',
  sono: 'sound system',
  tente_3x3: 'folding tent 3 × 3 m',
  chapiteau: 'marquee 6 × 12 m',
  outil: 'power tool',
  mobilier_chaise: 'wooden chair',
  mobilier_table: 'wooden table',
  voiture: 'car',
  vul: 'light commercial vehicle',
  minibus: '9-seat minibus',
};

/** Parameters that have one coefficient per good, as a label of the good. */
const PER_GOOD: Readonly<Record<string, (good: string) => string>> = {
  duree_vie_jours: (good) => `Lifetime: ${good}`,
  masse_unitaire_kg: (good) => `Default mass: ${good} (if masse_kg is not declared)`,
  location_jour: (good) => `One day’s rental: ${good}`,
  prix_neuf: (good) => `New purchase price: ${good}`,
};

/** The other coefficients, by id. */
const LABELS: Readonly<Record<string, string>> = {
  'ef_transport.voiture':
    'Petrol or diesel car, per vehicle·km (compact diesel: fuel 0.177 + manufacturing 0.051)',
  'ef_transport.voiture_electrique':
    'Electric car, per vehicle·km (compact: electricity 0.019 + manufacturing 0.088)',
  'ef_transport.vul': 'Diesel light commercial vehicle (van), per vehicle·km, manufacturing included',
  'ef_transport.transport_commun':
    'Combustion-engine bus, per passenger·km (fuel 0.1135 + manufacturing 0.0089); coach as the low bound',
  'ef_transport.velo': 'Bicycle (0) or electric-assisted bicycle (0.011)',
  'ef_transport.marche': 'Walking',
  'ef_transport.aucun': 'No trip (remote exchange)',
  facteur_detour:
    'Road detour factor (distance as the crow flies → by road), when the distance is not declared',
  distance_intracommunale_km:
    'One-way distance assumed between two associations of the same commune, when the distance is not declared',
  cout_transport_km: 'Cost of a kilometre driven by car for the exchange (tax mileage scale in force)',
  'ef_fabrication.ordinateur_portable': 'Laptop (manufacturing 170 + distribution 12.3 + end of life 2.8)',
  'ef_fabrication.videoprojecteur':
    'Video projector (manufacturing 39.2 + distribution 1.3 + end of life 3.3)',
  'ef_fabrication.sono': 'Sound system (2 front speakers and a desk, ≈ 40 kg)',
  'ef_fabrication.tente_3x3':
    'Folding tent 3 × 3 m (≈ 25 kg: steel or aluminium frame, polyester or PVC canvas)',
  'ef_fabrication.chapiteau': 'Marquee 6 × 12 m (≈ 320 kg: steel or aluminium frame, PVC cover)',
  'ef_fabrication.outil': 'Power tool (drill…)',
  'ef_fabrication.mobilier_chaise': 'Wooden chair',
  'ef_fabrication.mobilier_table': 'Wooden table',
  'ef_fabrication.voiture': 'City car (manufacturing, ≈ 1.4 t)',
  'ef_fabrication.vul': 'Light commercial vehicle (manufacturing, 1.6 to 3 t)',
  'ef_fabrication.minibus': '9-seat minibus (manufacturing, 1.9 to 2.6 t)',
  part_vie_restante_don:
    'Share of a given item’s life still to run (applied to its new price, its manufacturing and its material)',
  prix_km_vehicule: 'Cost per kilometre of a lent vehicle, on top of the day’s rental',
  prix_locaux_heure: 'Meeting room, hourly rate of a municipal room',
  prix_locaux_jour: 'Village hall, one day',
  heures_par_jour_locaux: 'Hours of use of a room lent for the day, when the duration is not declared',
  ef_locaux_m2_an:
    'Running of an intermittently used hall (multi-purpose or village hall) outside its hours of use: frost protection, ventilation, standby, per m² and per year',
  heures_reference_locaux:
    'Hours an intermittently used hall is in use in a year, to turn a loan into a share of its running outside use',
  energie_locaux_kwh_m2_h:
    'Energy of a hall while in use (heating, lighting), per m² and per hour of use, without its running outside use',
  ef_energie_kwh: 'Emission factor of a room’s energy (mix of gas and electricity)',
  prix_energie_kwh: 'Price of a room’s energy',
  valeur_heure_benevole: 'Value of one hour of volunteering',
  cout_etp_an: 'Full cost of a full-time-equivalent job made available',
  'substitution.oui': 'Substituted share when the beneficiary would have bought (aurait_achete = oui)',
  'substitution.partiel': 'Substituted share when it would have bought in part (partiel)',
  'substitution.non': 'Substituted share when it would not have bought (non)',
  'substitution.inconnu': 'Substituted share when the answer is missing',
  'facteur_donnee.declare': 'Uncertainty factor of declared quantities (status declare)',
  'facteur_donnee.confirme': 'Uncertainty factor of declared quantities (status confirme)',
  'facteur_donnee.verifie': 'Uncertainty factor of declared quantities (status verifie)',
};

/** The notes of the coefficient file (what exactly is not checked), French → English. */
const NOTES: Readonly<Record<string, string>> = {
  'Consommation de 10 L/100 km d’un fourgon chargé (borne haute) supposée, non relevée.':
    'The 10 L/100 km consumption of a loaded van (high bound) is assumed, not read.',
  'BOI-BAREME-000001 et l’arrêté qui fixe le barème non ouverts (ni bofip.impots.gouv.fr ni Légifrance accessibles) : coefficients lus sur deux pages secondaires concordantes, fiscalonline.com (barème 2025) et adcf.org (barème 2026).':
    'BOI-BAREME-000001 and the order that sets the scale were not opened (neither bofip.impots.gouv.fr nor Légifrance could be reached): rates read on two concordant secondary pages, fiscalonline.com (2025 scale) and adcf.org (2026 scale).',
  'Composition d’une tente pliante (22 kg d’acier, 3 kg de toile au centre) non relevée ; facteur de mise en forme de 1,2 à 1,5 non vérifié.':
    'Composition of a folding tent (22 kg of steel, 3 kg of canvas at the centre) not read; forming factor of 1.2 to 1.5 not checked.',
  'Composition d’un chapiteau (230 kg d’acier, 90 kg de bâche au centre) non relevée ; facteur de mise en forme de 1,2 à 1,5 non vérifié.':
    'Composition of a marquee (230 kg of steel, 90 kg of cover at the centre) not read; forming factor of 1.2 to 1.5 not checked.',
  'Facteur de production d’une voiture appliqué à un minibus de 9 places, non vérifié pour ce gabarit.':
    'A car’s production factor applied to a 9-seat minibus, not checked for that size.',
  'Durée de vie d’un utilitaire (12 ans au centre) non relevée : aucune statistique publique de mise à la casse des utilitaires trouvée.':
    'Lifetime of a light commercial vehicle (12 years at the centre) not read: no public scrappage statistics for such vehicles found.',
  'Durée de vie d’un minibus supposée égale à celle d’un utilitaire, non relevée.':
    'A minibus’s lifetime is assumed equal to a light commercial vehicle’s, not read.',
  'Seul le bas est relevé (tarif intercommunal de 50 €) ; les tarifs de loueurs professionnels (80 à 150 €) ne le sont pas.':
    'Only the low bound is read (an intermunicipal rate of €50); professional rental prices (€80 to €150) are not.',
  'Seul le bas est relevé (tarif municipal de 20 €) ; le double et le quadruple chez un loueur sont supposés.':
    'Only the low bound is read (a municipal rate of €20); twice and four times that from a rental company are assumed.',
  'Seul le bas est relevé (60 € le week-end, tarif intercommunal) ; 400 à 700 € chez un loueur professionnel, montage compris, ne sont pas relevés.':
    'Only the low bound is read (€60 for a weekend, an intermunicipal rate); €400 to €700 from a professional rental company, set-up included, are not read.',
  'Prix moyens d’Europcar lus sur 123envoiture.com, non vérifiés sur le site du loueur.':
    'Europcar’s average prices read on 123envoiture.com, not checked on the company’s own site.',
  'Fourchette de 2021 (40 à 60 €) lue sur un site de comparaison, non réindexée ni vérifiée auprès d’un loueur ; 90 € pour un fourgon de 12 m³ supposés.':
    'A 2021 range (€40 to €60) read on a comparison site, neither re-indexed nor checked with a rental company; €90 for a 12 m³ van assumed.',
  'Aucune mesure publique de l’âge des biens donnés entre associations : la part de vie restante (20 à 50 %) est supposée.':
    'No public measure of the age of goods given between associations: the share of life left (20 to 50 %) is assumed.',
  'Prix du gazole (≈ 1,7 €/L) supposé, sans relevé daté ; supplément kilométrique relevé pour un camping-car, non pour un utilitaire.':
    'Diesel price (≈ €1.7/L) assumed, with no dated reading; the extra-kilometre charge was read for a camper van, not for a light commercial vehicle.',
  'Durées d’une séance « réunion, AG » (≈ 3 h) et d’une demi-journée (4 h) supposées : les tarifs lus ne les précisent pas.':
    'Lengths of a « meeting, general assembly » session (≈ 3 h) and of a half-day (4 h) assumed: the rates read do not state them.',
  'Durée d’usage effective d’une salle louée à la journée (8 à 12 h) non observée : seules les heures d’ouverture de la location (8 h à 24 h) sont lues.':
    'Actual hours of use of a hall rented for the day (8 to 12 h) not observed: only the rental’s opening hours (8 am to midnight) are read.',
  'Part hors usage p (15 à 35 %) supposée, faute de mesure séparée de la consommation hors des heures d’usage.':
    'Share p outside use (15 to 35 %) assumed, for want of a separate measure of consumption outside the hours of use.',
  'Heures d’usage annuelles d’une salle (800 à 2 500 h) supposées : aucun relevé d’occupation.':
    'A hall’s annual hours of use (800 to 2,500 h) assumed: no occupancy record.',
  'Part hors usage p (15 à 35 %) supposée, faute de mesure séparée ; la consommation de 70 kWh/m²·an est celle visée par un DPE, non mesurée.':
    'Share p outside use (15 to 35 %) assumed, for want of a separate measure; the 70 kWh/m²·year consumption is the one an energy certificate (DPE) aims at, not a measured one.',
  'Prix repère du gaz de la CRE (janvier 2026) et tarif réglementé d’électricité lus sur pressactu.com et totalenergies.fr ; délibérations de la CRE non ouvertes.':
    'The CRE’s gas reference price (January 2026) and the regulated electricity tariff read on pressactu.com and totalenergies.fr; the CRE’s decisions were not opened.',
  'Décret et arrêté non ouverts sur Légifrance (pas d’accès) : identifiés par openfisca-france, montant de janvier confirmé par emploi.fhf.fr ; taux de 31,1 % repris d’associationmodeemploi.fr, non recalculé à partir des taux de cotisation de 2026.':
    'Decree and order not opened on Légifrance (no access): identified through openfisca-france, the January amount confirmed by emploi.fhf.fr; the 31.1 % rate taken from associationmodeemploi.fr, not recomputed from the 2026 contribution rates.',
  'Chiffres de l’Insee Première n° 1390 lus sur des pages qui la citent, non sur insee.fr : que les 26 320 € soient en équivalent temps plein se déduit de ces pages, non de l’étude ; le plafond de la sécurité sociale, gelé de 2020 à 2022, peut sous-estimer la hausse des salaires de 2009 à 2026.':
    'Figures of Insee Première no. 1390 read on pages quoting it, not on insee.fr: that the €26,320 are full-time equivalent is inferred from those pages, not read in the study; the social security ceiling, frozen from 2020 to 2022, may understate wage growth from 2009 to 2026.',
  'Aucune mesure publique de l’écart entre « aurait acheté », déclaré après coup, et l’achat réellement évité : la baisse jusqu’à 30 % est supposée.':
    'No public measure of the gap between « would have bought », declared after the fact, and the purchase actually avoided: the cut of up to 30 % is assumed.',
  'La moitié, à plus ou moins un quart : convention de la note méthodologique, sans mesure publique de la part réellement achetée.':
    'Half, give or take a quarter: a convention of the methodological note, with no public measure of the share actually bought.',
  'Part d’un besoin seulement différé (jusqu’à 20 %) supposée, sans mesure publique.':
    'Share of a need merely put off (up to 20 %) assumed, with no public measure.',
};

/** The coefficient file's statement of which values apply to which period, in English. */
const APPLICATIONS: Readonly<Record<string, string>> = {
  'Les valeurs légales et les prix sont ceux du 1er janvier 2026 (SMIC, barème kilométrique, prix de l’énergie), en euros courants de 2026, appliqués à toutes les périodes, y compris antérieures, sans déflation ni réindexation ; les facteurs d’émission sont ceux de la version citée de chaque source, appliqués de même à toutes les périodes.':
    'Legal values and prices are those of 1 January 2026 (minimum wage, mileage scale, energy prices), in current 2026 euros, applied to every period, earlier ones included, neither deflated nor re-indexed; emission factors are those of the cited version of each source, likewise applied to every period.',
};

/** The words of the coefficient table's source details, by language. */
export interface CoefficientTableTexts {
  /** Heading of the statement of which values apply to which period. */
  readonly application: string;
  /** What « read » and « estimated » mean, for the central value and for the bounds. */
  readonly statuses: string;
  /** Said of a coefficient whose two bounds are read in the source. */
  readonly boundsRead: string;
  /** Said of a coefficient whose bounds Symbiose sets. */
  readonly boundsEstimated: string;
  readonly reference: string;
  readonly year: string;
  readonly accessed: string;
  readonly justification: string;
  /** Said of French text shown on the English page (null in French). */
  readonly inFrench: string | null;
}

export const coefficientTableTexts: Readonly<Record<'fr' | 'en', CoefficientTableTexts>> = {
  fr: {
    application: 'Valeurs appliquées',
    statuses:
      '« Lu » : la valeur centrale est lue dans la source citée. « Estimé » : la valeur centrale repose sur un jugement, justifié par les chiffres observés cités. « Bornes lues » : la borne basse et la borne haute sont lues dans la source, ou sont la fourchette qu’elle donne. « Bornes estimées » : Symbiose les fixe, et la justification dit à partir de quoi.',
    boundsRead: 'bornes lues',
    boundsEstimated: 'bornes estimées',
    reference: 'Référence',
    year: 'Année',
    accessed: 'Consultation',
    justification: 'Justification',
    inFrench: null,
  },
  en: {
    application: 'Values applied',
    statuses:
      '« Read »: the central value is read in the cited source. « Estimated »: the central value rests on a judgement, justified by the observed figures cited. « Bounds read »: the low and the high bound are read in the source, or are the range it gives. « Bounds estimated »: Symbiose sets them, and the justification says from what.',
    boundsRead: 'bounds read',
    boundsEstimated: 'bounds estimated',
    reference: 'Reference',
    year: 'Year',
    accessed: 'Accessed',
    justification: 'Justification',
    inFrench: '(in French)',
  },
};

/** Words of the coefficient units, French → English. */
const UNIT_WORDS: readonly (readonly [RegExp, string])[] = [
  [/^sans unité$/, 'no unit'],
  [/véh·km/, 'veh·km'],
  [/passager·km/, 'passenger·km'],
  [/unité/, 'unit'],
  [/\bjours\b/, 'days'],
  [/\bjour\b/, 'day'],
  [/ETP/, 'FTE'],
  [/\ban\b/, 'year'],
];

/** A coefficient's label in English, or null when it has none (a test keeps that from happening). */
export function coefficientLabelEn(coefficient: Coefficient): string | null {
  const perGood = PER_GOOD[coefficient.parametre];
  const good = coefficient.cle ? GOODS[coefficient.cle] : undefined;
  if (perGood && good) return perGood(good);
  return LABELS[coefficient.id] ?? null;
}

/** A coefficient's unit in English. */
export function coefficientUnitEn(unit: string): string {
  return UNIT_WORDS.reduce((text, [pattern, word]) => text.replace(pattern, word), unit);
}

/** A coefficient's note in English, or null when it has none (a test keeps that from happening). */
export function coefficientNoteEn(note: string): string | null {
  return NOTES[note] ?? null;
}

/** The coefficient file's application statement in English, or null when it has none (a test keeps that from happening). */
export function coefficientApplicationEn(application: string): string | null {
  return APPLICATIONS[application] ?? null;
}
