/**
 * Texts of « Ce qui fait varier ce chiffre » (the sensitivity of a zone's figures): the
 * coefficient parameters that move a figure most (a tornado chart), the exchanges that weigh
 * most, and the flag of a figure one exchange drives. Numbers arrive formatted.
 */
export interface SensitivityMessages {
  /** The summary of the closed section. */
  readonly summary: string;
  readonly intro: string;
  /** Label of the group of buttons that picks the figure. */
  readonly figurePicker: string;
  readonly loading: string;
  readonly error: (detail: string) => string;
  /** « Coût évité net : 1 100 000 € », the central value the vertical line marks. */
  readonly central: (label: string, value: string) => string;
  readonly centralLine: string;
  /** The figure has no data behind it in this zone. */
  readonly notProvided: string;
  readonly parametersHeading: string;
  /** Title of the chart and caption of its text alternative. */
  readonly chartTitle: (label: string) => string;
  /** One parameter's swing in words: « Prix de location par jour : 400 000 à 760 000 € ». */
  readonly swing: (parameter: string, range: string) => string;
  readonly lowers: string;
  readonly raises: string;
  /** No coefficient moves the figure (none enters it, or the figure is zero here). */
  readonly noSwing: string;
  readonly exchangesHeading: string;
  /** « Les 5 premiers, sur 42 échanges qui y contribuent. » (`formatted`: the count written out). */
  readonly exchangesOf: (shown: number, contributing: number, formatted: string) => string;
  readonly untitled: string;
  /** An exchange whose contribution lowers the figure (trips, energy of a lent room). */
  readonly reduces: string;
  /** The figure is not a sum over exchanges: no exchange list. */
  readonly notSummed: string;
  /** No exchange of the zone contributes to the figure. */
  readonly noExchange: string;
  /** « Un seul échange fait 95 % de ce chiffre : à lire avec prudence. » */
  readonly dominated: (share: string) => string;
  /** Which exchange, outside the public view. */
  readonly dominatedWhich: (exchange: string) => string;
  /** Why the public view lists no exchange. */
  readonly publicPrivacy: string;
  /** Labels of the coefficient parameters (`parametre` of src/data/method/coefficients.json). */
  readonly parameters: Readonly<Record<string, string>>;
  /**
   * Labels of the keys of the parameters swung one key at a time (see SWUNG_BY_KEY in
   * src/indicators/method/sensitivity.ts): the answers to « would have bought », the quality tiers.
   */
  readonly keys: Readonly<Record<string, string>>;
}

const fr: SensitivityMessages = {
  summary: 'Ce qui fait varier ce chiffre',
  intro:
    'Chaque barre fait varier un seul paramètre (pour « aurait acheté » et la qualité des données, une seule réponse ou un seul statut) de sa borne basse à sa borne haute, les autres restant à leur valeur centrale (trait vertical).',
  figurePicker: 'Chiffre analysé',
  loading: 'Calcul en cours…',
  error: (detail) => `Le calcul n’a pas abouti : ${detail}`,
  central: (label, value) => `${label} : ${value}`,
  centralLine: 'valeur centrale',
  notProvided: 'Ce chiffre n’est pas renseigné ici : rien ne le fait varier.',
  parametersHeading: 'Les coefficients qui le font le plus varier',
  chartTitle: (label) => `${label} : effet de chaque coefficient, de sa valeur basse à sa valeur haute`,
  swing: (parameter, range) => `${parameter} : ${range}`,
  lowers: 'le fait baisser',
  raises: 'le fait monter',
  noSwing: 'Aucun coefficient ne fait varier ce chiffre ici.',
  exchangesHeading: 'Les échanges qui pèsent le plus',
  exchangesOf: (shown, contributing, formatted) =>
    contributing <= shown
      ? `${contributing > 1 ? `Les ${shown} échanges` : 'Le seul échange'} qui y contribue${contributing > 1 ? 'nt' : ''}.`
      : `Les ${shown} premiers, sur ${formatted} échanges qui y contribuent.`,
  untitled: 'Échange sans libellé',
  reduces: 'en moins',
  notSummed: 'Ce chiffre n’est pas une somme d’échanges.',
  noExchange: 'Aucun échange n’y contribue ici.',
  dominated: (share) => `Un seul échange fait ${share} de ce chiffre : à lire avec prudence.`,
  dominatedWhich: (exchange) => `Il s’agit de : ${exchange}.`,
  publicPrivacy: 'Les échanges ne sont pas détaillés dans la vue grand public.',
  parameters: {
    substitution: 'Aurait acheté sans l’échange (part substituée)',
    facteur_donnee: 'Qualité des données (déclaré / confirmé / vérifié)',
    location_jour: 'Prix de location par jour',
    prix_neuf: 'Prix d’achat neuf',
    part_vie_restante_don: 'Part de vie restante d’un bien donné',
    prix_km_vehicule: 'Prix au kilomètre d’un véhicule loué',
    prix_locaux_heure: 'Prix d’une salle à l’heure',
    prix_locaux_jour: 'Prix d’une salle à la journée',
    heures_par_jour_locaux: 'Heures d’usage d’une salle prêtée à la journée',
    cout_transport_km: 'Coût d’un kilomètre en voiture',
    facteur_detour: 'Détour routier (vol d’oiseau → route)',
    distance_intracommunale_km: 'Distance supposée dans une même commune',
    energie_locaux_kwh_m2_h: 'Énergie d’une salle pendant l’usage',
    prix_energie_kwh: 'Prix de l’énergie d’une salle',
    ef_energie_kwh: 'Émissions de l’énergie d’une salle',
    ef_locaux_m2_an: 'Émissions d’une salle hors usage',
    heures_reference_locaux: 'Heures d’occupation d’une salle par an',
    valeur_heure_benevole: 'Valeur d’une heure de bénévolat',
    cout_etp_an: 'Coût complet d’un emploi à temps plein',
    ef_transport: 'Émissions des trajets par kilomètre',
    ef_fabrication: 'Émissions de fabrication des biens',
    duree_vie_jours: 'Durée de vie des biens',
    masse_unitaire_kg: 'Masse des biens (quand elle n’est pas déclarée)',
  },
  keys: {
    'substitution.oui': 'réponse « oui »',
    'substitution.partiel': 'réponse « en partie »',
    'substitution.non': 'réponse « non »',
    'substitution.inconnu': 'sans réponse',
    'facteur_donnee.declare': 'échanges déclarés',
    'facteur_donnee.confirme': 'échanges confirmés',
    'facteur_donnee.verifie': 'échanges vérifiés',
  },
};

const en: SensitivityMessages = {
  summary: 'What moves this figure',
  intro:
    'Each bar moves one parameter (for « would have bought » and data quality, one answer or one tier) from its low to its high bound, the others staying at their central value (vertical line).',
  figurePicker: 'Figure analysed',
  loading: 'Computing…',
  error: (detail) => `The computation failed: ${detail}`,
  central: (label, value) => `${label}: ${value}`,
  centralLine: 'central value',
  notProvided: 'This figure is not provided here: nothing moves it.',
  parametersHeading: 'The coefficients that move it most',
  chartTitle: (label) => `${label}: effect of each coefficient, from its low to its high value`,
  swing: (parameter, range) => `${parameter}: ${range}`,
  lowers: 'lowers it',
  raises: 'raises it',
  noSwing: 'No coefficient moves this figure here.',
  exchangesHeading: 'The exchanges that weigh most',
  exchangesOf: (shown, contributing, formatted) =>
    contributing <= shown
      ? `${contributing > 1 ? `The ${shown} contributing exchanges` : 'The only contributing exchange'}.`
      : `The first ${shown}, of ${formatted} contributing exchanges.`,
  untitled: 'Untitled exchange',
  reduces: 'subtracted',
  notSummed: 'This figure is not a sum of exchanges.',
  noExchange: 'No exchange contributes to it here.',
  dominated: (share) => `A single exchange makes ${share} of this figure: read it with care.`,
  dominatedWhich: (exchange) => `It is: ${exchange}.`,
  publicPrivacy: 'Exchanges are not detailed in the public view.',
  parameters: {
    substitution: 'Would have bought without the exchange (substituted share)',
    facteur_donnee: 'Data quality (declared / confirmed / verified)',
    location_jour: 'Rental price per day',
    prix_neuf: 'New purchase price',
    part_vie_restante_don: 'Remaining share of life of a gift',
    prix_km_vehicule: 'Price per kilometre of a rented vehicle',
    prix_locaux_heure: 'Hourly price of a room',
    prix_locaux_jour: 'Daily price of a room',
    heures_par_jour_locaux: 'Hours of use of a room lent for a day',
    cout_transport_km: 'Cost of a kilometre by car',
    facteur_detour: 'Road detour (straight line → road)',
    distance_intracommunale_km: 'Assumed distance within one commune',
    energie_locaux_kwh_m2_h: 'Energy of a room during use',
    prix_energie_kwh: 'Price of a room’s energy',
    ef_energie_kwh: 'Emissions of a room’s energy',
    ef_locaux_m2_an: 'Emissions of a room outside use',
    heures_reference_locaux: 'Hours a room is occupied per year',
    valeur_heure_benevole: 'Value of a volunteer hour',
    cout_etp_an: 'Full cost of a full-time job',
    ef_transport: 'Emissions of trips per kilometre',
    ef_fabrication: 'Manufacturing emissions of goods',
    duree_vie_jours: 'Lifetime of goods',
    masse_unitaire_kg: 'Mass of goods (when not declared)',
  },
  keys: {
    'substitution.oui': 'answer « yes »',
    'substitution.partiel': 'answer « partly »',
    'substitution.non': 'answer « no »',
    'substitution.inconnu': 'no answer',
    'facteur_donnee.declare': 'declared exchanges',
    'facteur_donnee.confirme': 'confirmed exchanges',
    'facteur_donnee.verifie': 'verified exchanges',
  },
};

/** The texts of the sensitivity section, French first. */
export const sensitivityMessages = { fr, en } as const satisfies Record<'fr' | 'en', SensitivityMessages>;

/**
 * A swung coefficient's label: its parameter's (`location_jour`), or for a parameter swung one key
 * at a time (`substitution.inconnu`) the parameter's and the key's; the code when unknown.
 */
export function parameterLabel(messages: SensitivityMessages, parametre: string): string {
  const dot = parametre.indexOf('.');
  if (dot < 0) return messages.parameters[parametre] ?? parametre;
  const base = messages.parameters[parametre.slice(0, dot)] ?? parametre.slice(0, dot);
  return `${base} — ${messages.keys[parametre] ?? parametre.slice(dot + 1)}`;
}
