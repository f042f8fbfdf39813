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
  'ef_fabrication.voiture': 'Car (manufacturing, ≈ 1.25 t)',
  'ef_fabrication.vul': 'Light commercial vehicle (manufacturing, 1.6 to 2.5 t)',
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
  energie_locaux_kwh_m2_h: 'Heating and lighting energy of a room while in use, per m² and per hour',
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

const NOTES: Readonly<Record<string, string>> = {
  'Valeurs non vérifiées sur une source publique.': 'Values not checked against a public source.',
  'Barème lu sur des pages qui reprennent service-public.fr ; texte officiel non consulté directement.':
    'Scale read on pages quoting service-public.fr; the official text was not consulted directly.',
  'Montant lu sur des pages qui reprennent l’annonce du ministère du Travail ; décret non consulté directement.':
    'Amount read on pages quoting the Ministry of Labour’s announcement; the decree was not consulted directly.',
  'Composition et coefficient d’assemblage non vérifiés.': 'Composition and assembly factor not checked.',
  'Consommation de 8,5 L/100 km non vérifiée à la source.':
    'The 8.5 L/100 km consumption was not checked at its source.',
  'Heures d’usage annuelles supposées, non vérifiées.': 'Annual hours of use assumed, not checked.',
  'Prix lus sur des pages qui reprennent la CRE et le tarif réglementé ; sources officielles non consultées directement.':
    'Prices read on pages quoting the CRE and the regulated tariff; the official sources were not consulted directly.',
  'Tarifs de pages commerciales, non vérifiés auprès des loueurs.':
    'Prices from commercial pages, not checked with rental companies.',
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
  /** What « read » and « estimated » mean. */
  readonly statuses: string;
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
      '« Lu » : la valeur centrale est lue dans la source citée ; ses bornes y sont lues aussi, ou justifiées, et restent dans la fourchette de la source quand elle en donne une. « Estimé » : la valeur repose sur un jugement, justifié par les chiffres observés cités.',
    reference: 'Référence',
    year: 'Année',
    accessed: 'Consultation',
    justification: 'Justification',
    inFrench: null,
  },
  en: {
    application: 'Values applied',
    statuses:
      '« Read »: the central value is read in the cited source; its bounds are read there too, or justified, and stay within the source’s range when it gives one. « Estimated »: the value rests on a judgement, justified by the observed figures cited.',
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
