/*
 * What the declaration form asks for each type of resource, as data: the exchange format's
 * columns the impact method reads for that type (methodology §2–3, src/indicators/method/
 * sql-values.ts), with their labels, units and hints in French and English. A column the method
 * does not read for a type is not asked, and is left empty in the file.
 */
import type { ExchangeRow } from '../data/schema/index.ts';
import {
  GOODS_CATEGORIES,
  TRANSPORT_MODES,
  WOULD_HAVE_BOUGHT,
  type ExchangeModality,
  type ExchangeUnit,
  type ResourceType,
} from '../data/schema/vocabularies.ts';

/** A text in both languages of the interface. */
export interface Bilingual {
  readonly fr: string;
  readonly en: string;
}

/** Columns of an exchange the form asks depending on the type of resource. */
export const DETAIL_FIELDS = [
  'categorie_bien',
  'modalite',
  'libelle',
  'quantite',
  'unite',
  'surface_m2',
  'duree_heures',
  'masse_kg',
  'etp_partages',
  'heures_benevoles',
  'beneficiaires',
  'valeur_marche_eur',
  'contrepartie_eur',
  'aurait_achete',
  'distance_km',
  'mode_transport',
  'recurrent',
] as const satisfies readonly (keyof ExchangeRow)[];
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** How a detail is entered: a number (decimal comma accepted), a short text, or a choice. */
export type FieldInput =
  | { readonly kind: 'number'; readonly unit: Bilingual | null }
  | { readonly kind: 'text'; readonly maxLength: number }
  | { readonly kind: 'choice'; readonly options: readonly string[] };

/** One detail of an exchange as the form shows it. */
export interface DetailSpec {
  readonly label: Bilingual;
  readonly hint: Bilingual | null;
  readonly input: FieldInput;
}

const b = (fr: string, en: string): Bilingual => ({ fr, en });
const number = (unit: Bilingual | null) => ({ kind: 'number', unit }) as const;
const choice = (options: readonly string[]) => ({ kind: 'choice', options }) as const;

/** Labels of the codes the choices offer (units, modalities, goods, transport, yes/no). */
export const OPTION_LABELS: Readonly<Record<string, Bilingual>> = {
  heure: b('heures', 'hours'),
  jour: b('jours', 'days'),
  mois: b('mois', 'months'),
  unite: b('unités (objets)', 'items'),
  m2: b('m²', 'm²'),
  km: b('km parcourus', 'km driven'),
  etp_mois: b('ETP × mois', 'FTE × months'),
  personne_heure: b('heures × personnes', 'person-hours'),
  pret: b('Prêt', 'Loan'),
  don: b('Don', 'Gift'),
  mise_a_disposition: b('Mise à disposition', 'Made available'),
  co_realisation: b('Réalisation commune', 'Done together'),
  ordinateur_portable: b('Ordinateur portable', 'Laptop'),
  videoprojecteur: b('Vidéoprojecteur', 'Video projector'),
  sono: b('Sonorisation', 'Sound system'),
  tente_3x3: b('Tente pliante 3 × 3 m', 'Pop-up tent 3 × 3 m'),
  chapiteau: b('Chapiteau', 'Marquee'),
  outil: b('Outillage', 'Tools'),
  mobilier_chaise: b('Chaises', 'Chairs'),
  mobilier_table: b('Tables', 'Tables'),
  vul: b('Camionnette (utilitaire)', 'Van'),
  voiture: b('Voiture', 'Car'),
  minibus: b('Minibus', 'Minibus'),
  aucun: b('Aucun déplacement (en ligne)', 'No travel (online)'),
  marche: b('À pied', 'On foot'),
  velo: b('Vélo', 'Bicycle'),
  transport_commun: b('Transports en commun', 'Public transport'),
  voiture_electrique: b('Voiture électrique', 'Electric car'),
  oui: b('Oui', 'Yes'),
  partiel: b('En partie', 'Partly'),
  non: b('Non', 'No'),
};

/** Every detail, with its label, unit and default hint. */
export const DETAIL_SPECS: Readonly<Record<DetailField, DetailSpec>> = {
  categorie_bien: {
    label: b('Catégorie de bien', 'Kind of goods'),
    hint: b(
      'Sert au calcul de la fabrication évitée ; laissez vide si aucune ne convient.',
      'Used for the avoided manufacturing; leave empty if none fits.',
    ),
    input: choice(GOODS_CATEGORIES),
  },
  modalite: { label: b('Modalité', 'Arrangement'), hint: null, input: choice([]) },
  libelle: {
    label: b('Description courte', 'Short description'),
    hint: b('Sans nom de personne.', 'No person’s name.'),
    input: { kind: 'text', maxLength: 256 },
  },
  quantite: { label: b('Quantité', 'Quantity'), hint: null, input: number(null) },
  unite: { label: b('Unité', 'Unit'), hint: null, input: choice([]) },
  surface_m2: {
    label: b('Surface', 'Floor area'),
    hint: b('Surface des locaux prêtés.', 'Area of the premises lent.'),
    input: number(b('m²', 'm²')),
  },
  duree_heures: {
    label: b('Durée', 'Duration'),
    hint: b('Durée d’utilisation ou de prêt (3 jours = 72 h).', 'Time of use or loan (3 days = 72 h).'),
    input: number(b('heures', 'hours')),
  },
  masse_kg: {
    label: b('Masse totale', 'Total weight'),
    hint: b('Laissée vide, elle est estimée d’après la catégorie.', 'If empty, estimated from the kind.'),
    input: number(b('kg', 'kg')),
  },
  etp_partages: {
    label: b('Temps de travail partagé', 'Working time shared'),
    hint: b('En équivalent temps plein : un mi-temps = 0,5.', 'In full-time equivalents: half-time = 0.5.'),
    input: number(b('ETP', 'FTE')),
  },
  heures_benevoles: {
    label: b('Heures bénévoles', 'Volunteer hours'),
    hint: b('Total des heures données par les bénévoles.', 'Total hours given by volunteers.'),
    input: number(b('heures', 'hours')),
  },
  beneficiaires: {
    label: b('Personnes touchées', 'People reached'),
    hint: b('Nombre entier, estimation acceptée.', 'A whole number; an estimate is fine.'),
    input: number(b('personnes', 'people')),
  },
  valeur_marche_eur: {
    label: b('Valeur sur le marché', 'Market value'),
    hint: b(
      'Ce qu’aurait coûté une location ou un achat, si vous le savez.',
      'What renting or buying would have cost, if you know.',
    ),
    input: number(b('€', '€')),
  },
  contrepartie_eur: {
    label: b('Somme versée en échange', 'Amount paid in return'),
    hint: b('Participation aux frais payée au fournisseur.', 'Contribution paid to the provider.'),
    input: number(b('€', '€')),
  },
  aurait_achete: {
    label: b(
      'Sans cet échange, le bénéficiaire aurait-il acheté ou loué ?',
      'Without it, would the receiver have bought or rented?',
    ),
    hint: b('Laissé vide, la méthode compte « en partie ».', 'If empty, the method counts “partly”.'),
    input: choice(WOULD_HAVE_BOUGHT),
  },
  distance_km: {
    label: b('Distance aller-retour', 'Round trip'),
    hint: b(
      'Laissée vide, elle est estimée entre les deux communes.',
      'If empty, estimated between the two communes.',
    ),
    input: number(b('km', 'km')),
  },
  mode_transport: {
    label: b('Mode de transport', 'Means of transport'),
    hint: b('Laissé vide, la méthode compte une voiture.', 'If empty, the method counts a car.'),
    input: choice(TRANSPORT_MODES),
  },
  recurrent: {
    label: b('Échange régulier ?', 'Regular exchange?'),
    hint: b('Par exemple chaque semaine.', 'Every week, for instance.'),
    input: choice(['oui', 'non']),
  },
};

/** What the form asks for one type of resource. */
export interface TypeForm {
  /** Possible arrangements, the first by default; a single one is written without asking. */
  readonly modalities: readonly ExchangeModality[];
  /** Units of the quantity, the first by default; a single one is written without asking. */
  readonly units: readonly ExchangeUnit[];
  /** What the quantity counts, for this type. */
  readonly quantityHint: Bilingual;
  /** Goods categories offered (only for goods and vehicles). */
  readonly goods: readonly string[] | null;
  /** Further details, in the order shown. */
  readonly details: readonly DetailField[];
  /** Hints that differ from the default one for this type. */
  readonly hints?: Readonly<Partial<Record<DetailField, Bilingual>>>;
}

const TRAVEL = ['distance_km', 'mode_transport'] as const;
const VALUE = ['valeur_marche_eur', 'contrepartie_eur', 'aurait_achete'] as const;

// prettier-ignore
export const TYPE_FORMS: Readonly<Record<ResourceType, TypeForm>> = {
  locaux: {
    modalities: ['mise_a_disposition', 'pret'], units: ['heure', 'jour'], goods: null,
    quantityHint: b('Heures ou jours d’occupation.', 'Hours or days of use.'),
    details: ['surface_m2', 'duree_heures', ...VALUE, 'beneficiaires', ...TRAVEL, 'recurrent'],
    hints: { duree_heures: b('Heures d’occupation en tout (2 soirées de 3 h = 6 h).', 'Total hours of use (2 evenings of 3 h = 6 h).') },
  },
  materiel: {
    modalities: ['pret', 'don'], units: ['unite', 'jour'], goods: GOODS_CATEGORIES.filter((g) => !['vul', 'voiture', 'minibus'].includes(g)),
    quantityHint: b('Nombre d’objets prêtés ou donnés (ou jours de prêt).', 'Number of items lent or given (or days of loan).'),
    details: ['duree_heures', 'masse_kg', ...VALUE, 'beneficiaires', ...TRAVEL, 'recurrent'],
  },
  vehicule: {
    modalities: ['pret'], units: ['km', 'jour'], goods: ['vul', 'voiture', 'minibus'],
    quantityHint: b('Kilomètres parcourus avec le véhicule (ou jours de prêt).', 'Kilometres driven with the vehicle (or days of loan).'),
    details: ['duree_heures', ...VALUE, 'beneficiaires', ...TRAVEL, 'recurrent'],
    hints: { distance_km: b('Trajet aller-retour pour chercher le véhicule.', 'Round trip to fetch the vehicle.') },
  },
  competences: {
    modalities: ['mise_a_disposition'], units: ['personne_heure'], goods: null,
    quantityHint: b('Heures données × nombre de personnes.', 'Hours given × number of people.'),
    details: ['heures_benevoles', 'beneficiaires', ...TRAVEL, 'recurrent'],
  },
  personnel: {
    modalities: ['mise_a_disposition'], units: ['etp_mois'], goods: null,
    quantityHint: b('Équivalents temps plein × mois (un mi-temps 4 mois = 2).', 'Full-time equivalents × months (half-time for 4 months = 2).'),
    details: ['etp_partages', 'duree_heures', 'contrepartie_eur', ...TRAVEL, 'recurrent'],
    hints: { contrepartie_eur: b('Coût refacturé (salaire, charges, frais).', 'Cost re-invoiced (pay, charges, expenses).') },
  },
  information_formation: {
    modalities: ['mise_a_disposition', 'don'], units: ['personne_heure', 'heure'], goods: null,
    quantityHint: b('Heures de formation × participants.', 'Training hours × participants.'),
    details: ['duree_heures', 'heures_benevoles', 'beneficiaires', ...TRAVEL, 'recurrent'],
  },
  projet_commun: {
    modalities: ['co_realisation'], units: ['heure'], goods: null,
    quantityHint: b('Heures consacrées au projet.', 'Hours spent on the project.'),
    details: ['heures_benevoles', 'beneficiaires', ...TRAVEL, 'recurrent'],
  },
  autre: {
    modalities: ['pret', 'don', 'mise_a_disposition'], units: ['unite', 'heure', 'jour', 'mois'], goods: null,
    quantityHint: b('Dans l’unité choisie.', 'In the unit chosen.'),
    details: [...VALUE, 'beneficiaires', ...TRAVEL, 'recurrent'],
  },
};

/** The details the form shows for a type, in order: goods, arrangement, quantity and unit, then the rest. */
export function detailsShown(type: ResourceType): DetailField[] {
  const form = TYPE_FORMS[type];
  return [
    ...(form.goods ? (['categorie_bien'] as const) : []),
    ...(form.modalities.length > 1 ? (['modalite'] as const) : []),
    'quantite',
    ...(form.units.length > 1 ? (['unite'] as const) : []),
    'libelle',
    ...form.details,
  ];
}

/** The options of a choice for a type (arrangements, units and goods depend on it). */
export function choicesOf(type: ResourceType, field: DetailField): readonly string[] {
  const form = TYPE_FORMS[type];
  if (field === 'modalite') return form.modalities;
  if (field === 'unite') return form.units;
  if (field === 'categorie_bien') return form.goods ?? [];
  const input = DETAIL_SPECS[field].input;
  return input.kind === 'choice' ? input.options : [];
}

/** The hint of a detail for a type (the quantity's hint is the type's). */
export function hintOf(type: ResourceType, field: DetailField): Bilingual | null {
  if (field === 'quantite') return TYPE_FORMS[type].quantityHint;
  return TYPE_FORMS[type].hints?.[field] ?? DETAIL_SPECS[field].hint;
}

/** The label of a code in a language (the code itself when it has none). */
export function optionLabel(code: string, lang: keyof Bilingual): string {
  return OPTION_LABELS[code]?.[lang] ?? code;
}
