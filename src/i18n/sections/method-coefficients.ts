import type { Coefficient } from '../../data/method/coefficients.ts';

/**
 * The coefficient file (src/data/method/coefficients.json) in English, for the English method
 * page: labels, units and notes. Sources are cited as published. A coefficient without an English
 * label here is caught by tests/unit/indicators/definitions-text.test.ts.
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
  'ef_transport.voiture': 'Petrol or diesel car (use 0.192 + manufacturing 0.0256)',
  'ef_transport.voiture_electrique': 'Electric car (use 0.0198 + manufacturing 0.0836)',
  'ef_transport.vul': 'Diesel light commercial vehicle',
  'ef_transport.transport_commun': 'Combustion-engine bus',
  'ef_transport.velo': 'Bicycle (0) or electric-assisted bicycle (0.011)',
  'ef_transport.marche': 'Walking',
  'ef_transport.aucun': 'No trip (remote exchange)',
  facteur_detour:
    'Road detour factor (distance as the crow flies → by road), when the distance is not declared',
  distance_intracommunale_km:
    'One-way distance assumed between two associations of the same commune, when the distance is not declared',
  cout_transport_km: 'Cost of a kilometre travelled for the exchange (fuel, wear)',
  'ef_fabrication.ordinateur_portable': 'Laptop (manufacturing 170.3 + distribution 12.3 + end of life 2.8)',
  'ef_fabrication.videoprojecteur': 'Video projector',
  'ef_fabrication.sono': 'Sound system (2 front speakers and a desk, ≈ 40 kg)',
  'ef_fabrication.tente_3x3': 'Folding tent 3 × 3 m (≈ 25 kg of steel or aluminium and polyester)',
  'ef_fabrication.chapiteau': 'Marquee 6 × 12 m',
  'ef_fabrication.outil': 'Power tool (drill…)',
  'ef_fabrication.mobilier_chaise': 'Wooden chair',
  'ef_fabrication.mobilier_table': 'Wooden table',
  'ef_fabrication.voiture': 'Car (manufacturing, ≈ 1 t)',
  'ef_fabrication.vul': 'Light commercial vehicle (manufacturing, 1.8 to 2.5 t)',
  'ef_fabrication.minibus': '9-seat minibus (manufacturing)',
  part_valeur_occasion: 'Value of a given item, as a share of its new price (second-hand market)',
  prix_km_vehicule: 'Cost per kilometre of a lent vehicle, on top of the day’s rental',
  prix_locaux_heure: 'Meeting room, market equivalent',
  prix_locaux_jour: 'Village hall, one day',
  heures_par_jour_locaux: 'Hours of use of a room lent for the day, when the duration is not declared',
  ef_locaux_m2_an: 'Running premises (mostly heating)',
  heures_reference_locaux: 'Hours a space is occupied in a year, to turn a use into a share of a year',
  valeur_heure_benevole: 'Value of one hour of volunteering',
  cout_etp_an: 'Full cost of a full-time-equivalent job made available',
  'substitution.oui': 'Substituted share when the beneficiary would have bought (aurait_achete = oui)',
  'substitution.partiel': 'Substituted share when it would have bought in part (partiel)',
  'substitution.non': 'Substituted share when it would not have bought (non)',
  'substitution.inconnu': 'Substituted share when the answer is missing',
};

const NOTES: Readonly<Record<string, string>> = {
  'Fourchette estimée (±20 % environ) autour de la valeur lue.':
    'Range estimated (about ±20 %) around the value read.',
  'Fourchette estimée.': 'Range estimated.',
  'Fourchette ±30 % estimée.': 'Range ±30 % estimated.',
  'Valeur basse lue ; centrale et haute estimées.': 'Low value read; central and high estimated.',
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
