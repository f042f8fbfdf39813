import type { UmbrellaKind } from '../../indicators/explore/shared-places.ts';

/**
 * Texts of the cooperation signals read in open data (shared places, umbrella structures) on the
 * map, its legend and the commune portrait. Numbers arrive formatted.
 */
export interface SignalMessages {
  /** Legend group of the signal layers, with their switches. */
  readonly legendHeading: string;
  readonly legendPlaces: string;
  readonly legendHubs: string;
  /** A place's tooltip: its label, associations, themes (« Sport 3, Culture 2 »), approximate position. */
  readonly placeTooltip: (label: string, associations: string, themes: string) => string;
  /** Theme families with their associations (formatted), most first: « Sport, plein air : 3 ; … ». */
  readonly themes: (items: readonly { label: string; count: string }[]) => string;
  readonly hubTooltip: (name: string, kind: UmbrellaKind) => string;
  readonly kind: (kind: UmbrellaKind) => string;
  readonly heading: string;
  readonly intro: string;
  readonly placesHeading: string;
  readonly associations: (count: number, formatted: string) => string;
  readonly noPlace: string;
  /** Seat addresses unknown in the dataset. */
  readonly notProvided: string;
  readonly notProvidedHint: string;
  /** The dataset has seat addresses, but none of this commune's active associations a countable one. */
  readonly noCountableSeat: string;
  /** Addresses shared by exactly two associations: counted, never shown. */
  readonly pairs: (count: number, formatted: string) => string;
  readonly hubsHeading: string;
  readonly noHub: string;
}

const fr: SignalMessages = {
  legendHeading: 'Signaux de coopération (données ouvertes)',
  legendPlaces: 'Lieux partagés (≥ 3 associations) — signal, pas un échange déclaré',
  legendHubs: 'Structures faîtières',
  placeTooltip: (label, associations, themes) =>
    `${label} — ${associations} associations (${themes}) · position approchée`,
  themes: (items) => items.map((i) => `${i.label} : ${i.count}`).join(' ; '),
  hubTooltip: (name, kind) => `${name} — structure faîtière (${fr.kind(kind)})`,
  kind: (kind) => (kind === 'union' ? 'union' : kind === 'federation' ? 'fédération' : 'repérée à son nom'),
  heading: 'Signaux de coopération',
  intro:
    'Lus dans les données ouvertes (registre des associations) : des indices de coopération, pas des échanges déclarés.',
  placesHeading: 'Lieux partagés (≥ 3 associations)',
  associations: (count, formatted) => `${formatted} association${count > 1 ? 's' : ''}`,
  noPlace: 'Aucun lieu partagé par au moins 3 associations.',
  notProvided: 'non renseigné',
  notProvidedHint: 'les adresses de siège ne figurent pas dans les données de ce territoire.',
  noCountableSeat:
    'aucune association active de la commune n’a une adresse de siège assez précise pour être comparée (voir la méthode).',
  pairs: (count, formatted) =>
    count === 0
      ? 'Aucune adresse partagée par 2 associations seulement.'
      : count === 1
        ? '1 adresse partagée par 2 associations, non montrée'
        : `${formatted} adresses partagées par 2 associations, non montrées`,
  hubsHeading: 'Structures faîtières',
  noHub: 'Aucune structure faîtière repérée.',
};

const en: SignalMessages = {
  legendHeading: 'Cooperation signals (open data)',
  legendPlaces: 'Shared places (≥ 3 associations) — a signal, not a declared exchange',
  legendHubs: 'Umbrella structures',
  placeTooltip: (label, associations, themes) =>
    `${label} — ${associations} associations (${themes}) · approximate position`,
  themes: (items) => items.map((i) => `${i.label}: ${i.count}`).join('; '),
  hubTooltip: (name, kind) => `${name} — umbrella structure (${en.kind(kind)})`,
  kind: (kind) => (kind === 'union' ? 'union' : kind === 'federation' ? 'federation' : 'found by its name'),
  heading: 'Cooperation signals',
  intro: 'Read in open data (register of associations): evidence of cooperation, not declared exchanges.',
  placesHeading: 'Shared places (≥ 3 associations)',
  associations: (count, formatted) => `${formatted} association${count > 1 ? 's' : ''}`,
  noPlace: 'No place shared by at least 3 associations.',
  notProvided: 'not provided',
  notProvidedHint: 'seat addresses are not in this territory’s data.',
  noCountableSeat:
    'no active association of the commune has a seat address precise enough to be compared (see the method).',
  pairs: (count, formatted) =>
    count === 0
      ? 'No address shared by only 2 associations.'
      : count === 1
        ? '1 address shared by 2 associations, not shown'
        : `${formatted} addresses shared by 2 associations, not shown`,
  hubsHeading: 'Umbrella structures',
  noHub: 'No umbrella structure found.',
};

/** The cooperation signals' texts, French first. */
export const signalMessages = { fr, en } as const satisfies Record<'fr' | 'en', SignalMessages>;
