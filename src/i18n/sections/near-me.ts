/**
 * Texts of « Près de chez moi », the public view: a commune or the person's position, then the
 * associations, shared places and open offers and needs nearby. Plain words, no dashboard terms.
 * Numbers and dates arrive formatted.
 */
export interface NearMeMessages {
  readonly kicker: string;
  readonly title: string;
  readonly intro: string;
  readonly communeLabel: string;
  readonly communePlaceholder: string;
  readonly locate: string;
  readonly locating: string;
  /** Said beside the button, before anything is asked. */
  readonly locatePrivacy: string;
  readonly denied: string;
  readonly unavailable: string;
  readonly unsupported: string;
  /** The position lies outside every commune of the data. */
  readonly outside: string;
  readonly aroundCommune: (name: string) => string;
  readonly aroundPosition: (commune: string | null) => string;
  /** « dans un rayon de 10 km ». */
  readonly within: (km: string) => string;
  readonly busy: string;
  readonly error: (detail: string) => string;
  readonly associationsHeading: string;
  readonly placesHeading: string;
  readonly offersHeading: string;
  readonly distance: (km: string) => string;
  readonly distanceUnder1: string;
  readonly approximate: string;
  readonly rna: string;
  readonly purpose: string;
  readonly website: string;
  readonly offers: (types: string) => string;
  readonly seeks: (types: string) => string;
  /** « et 12 autres » below a list cut at its first items. */
  readonly more: (count: number, formatted: string) => string;
  readonly noAssociation: (km: string) => string;
  readonly noPlace: (km: string) => string;
  readonly noOffer: (km: string) => string;
  readonly placeAssociations: (formatted: string) => string;
  readonly placeWhere: (commune: string) => string;
  readonly offer: string;
  readonly need: string;
  readonly by: (name: string, commune: string) => string;
  readonly since: (date: string) => string;
  readonly showOnMap: string;
}

const fr: NearMeMessages = {
  kicker: 'Près de chez moi',
  title: 'Les associations autour de vous',
  intro:
    'Choisissez votre commune ou laissez votre navigateur vous situer : vous verrez les associations proches, les lieux qu’elles partagent et ce qu’elles proposent ou recherchent.',
  communeLabel: 'Votre commune',
  communePlaceholder: 'Tapez le nom de votre commune',
  locate: 'Me situer',
  locating: 'Recherche de votre position…',
  locatePrivacy:
    'Votre navigateur vous demandera votre accord. Votre position reste dans cette page : elle n’est ni envoyée ni enregistrée.',
  denied:
    'Vous n’avez pas autorisé la localisation. Vous pouvez choisir votre commune dans le champ ci-dessus.',
  unavailable:
    'Votre position n’a pas pu être trouvée. Vous pouvez choisir votre commune dans le champ ci-dessus.',
  unsupported:
    'Ce navigateur ne peut pas donner votre position. Vous pouvez choisir votre commune dans le champ ci-dessus.',
  outside:
    'Votre position est en dehors des communes de ce territoire : les distances sont comptées depuis votre position.',
  aroundCommune: (name) => `Autour de ${name}`,
  aroundPosition: (commune) =>
    commune ? `Autour de votre position (${commune})` : 'Autour de votre position',
  within: (km) => `Dans un rayon de ${km} km.`,
  busy: 'Recherche en cours…',
  error: (detail) => `La recherche n’a pas abouti : ${detail}`,
  associationsHeading: 'Associations',
  placesHeading: 'Lieux partagés',
  offersHeading: 'Offres et besoins en cours',
  distance: (km) => `à ${km} km`,
  distanceUnder1: 'à moins d’1 km',
  approximate: 'position approximative : placée dans sa commune',
  rna: 'N° RNA',
  purpose: 'Objet',
  website: 'Site web',
  offers: (types) => `Propose : ${types}`,
  seeks: (types) => `Recherche : ${types}`,
  more: (count, formatted) => `et ${formatted} ${count > 1 ? 'autres' : 'autre'}`,
  noAssociation: (km) => `Aucune association à moins de ${km} km.`,
  noPlace: (km) => `Aucun lieu partagé par au moins 3 associations à moins de ${km} km.`,
  noOffer: (km) => `Aucune offre ni aucun besoin en cours à moins de ${km} km.`,
  placeAssociations: (formatted) => `${formatted} associations y ont leur siège`,
  placeWhere: (commune) => `à ${commune}`,
  offer: 'Offre',
  need: 'Besoin',
  by: (name, commune) => `${name} (${commune})`,
  since: (date) => `depuis le ${date}`,
  showOnMap: 'Voir sur la carte',
};

const en: NearMeMessages = {
  kicker: 'Near me',
  title: 'Associations around you',
  intro:
    'Choose your commune or let your browser find where you are: you will see the associations nearby, the places they share and what they offer or look for.',
  communeLabel: 'Your commune',
  communePlaceholder: 'Type the name of your commune',
  locate: 'Find me',
  locating: 'Finding your position…',
  locatePrivacy:
    'Your browser will ask for your consent. Your position stays in this page: it is neither sent nor stored.',
  denied: 'You did not allow location. You can choose your commune in the field above.',
  unavailable: 'Your position could not be found. You can choose your commune in the field above.',
  unsupported: 'This browser cannot give your position. You can choose your commune in the field above.',
  outside:
    'Your position is outside the communes of this territory: distances are measured from your position.',
  aroundCommune: (name) => `Around ${name}`,
  aroundPosition: (commune) => (commune ? `Around your position (${commune})` : 'Around your position'),
  within: (km) => `Within ${km} km.`,
  busy: 'Searching…',
  error: (detail) => `The search failed: ${detail}`,
  associationsHeading: 'Associations',
  placesHeading: 'Shared places',
  offersHeading: 'Current offers and needs',
  distance: (km) => `${km} km away`,
  distanceUnder1: 'less than 1 km away',
  approximate: 'approximate position: placed in its commune',
  rna: 'RNA number',
  purpose: 'Purpose',
  website: 'Website',
  offers: (types) => `Offers: ${types}`,
  seeks: (types) => `Looking for: ${types}`,
  more: (count, formatted) => `and ${formatted} ${count > 1 ? 'others' : 'other'}`,
  noAssociation: (km) => `No association within ${km} km.`,
  noPlace: (km) => `No place shared by at least 3 associations within ${km} km.`,
  noOffer: (km) => `No current offer or need within ${km} km.`,
  placeAssociations: (formatted) => `${formatted} associations have their seat here`,
  placeWhere: (commune) => `in ${commune}`,
  offer: 'Offer',
  need: 'Need',
  by: (name, commune) => `${name} (${commune})`,
  since: (date) => `since ${date}`,
  showOnMap: 'Show on the map',
};

/** The texts of « Près de chez moi », French first. */
export const nearMeMessages = { fr, en } as const satisfies Record<'fr' | 'en', NearMeMessages>;
