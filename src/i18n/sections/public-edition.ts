/**
 * Texts of the page of a public build (src/components/public-edition/): the map of the public
 * product, French first.
 */
export interface PublicEditionTexts {
  readonly title: string;
  readonly edition: string;
  readonly notice: string;
  readonly method: string;
  readonly otherLanguage: string;
  readonly measure: string;
  readonly period: string;
  readonly family: string;
  readonly year: (year: string) => string;
  readonly whole: (range: string) => string;
  readonly families: Readonly<Record<'locaux' | 'materiel' | 'personnes' | 'cooperation' | 'toutes', string>>;
  readonly levels: Readonly<Record<'commune' | 'epci' | 'territoire', string>>;
  readonly secret: string;
  readonly secretLegend: string;
  readonly notProvided: string;
  readonly noExchange: string;
  readonly zones: string;
  readonly zone: string;
  readonly value: string;
  readonly range: string;
  readonly secretCount: (secret: number, communes: number) => string;
  readonly secretExplained: string;
  readonly notProvidedExplained: string;
  readonly loading: string;
  readonly failed: string;
  readonly retry: string;
  readonly mapLabel: (measure: string) => string;
  readonly close: string;
}

export const publicEditionTexts: Readonly<Record<'fr' | 'en', PublicEditionTexts>> = {
  fr: {
    title: 'Symbiose',
    edition: 'Version publique',
    notice:
      'Chiffres agrégés par commune, intercommunalité et territoire, par trimestre, année ou période entière, et par famille de ressources. Un chiffre qui reposerait sur moins de trois associations, qu’une association domine, ou qui permettrait d’en retrouver un tel, est masqué (secret statistique).',
    method: 'Méthode et règles du secret',
    otherLanguage: 'English',
    measure: 'Indicateur',
    period: 'Période',
    family: 'Ressources',
    year: (year) => `Année ${year}`,
    whole: (range) => `Toute la période (${range})`,
    families: {
      toutes: 'Toutes les ressources',
      locaux: 'Locaux',
      materiel: 'Matériel et véhicules',
      personnes: 'Compétences et personnel',
      cooperation: 'Information, formation, projets communs',
    },
    levels: { commune: 'Commune', epci: 'Intercommunalité', territoire: 'Territoire' },
    secret: 'secret',
    secretLegend: 'Secret statistique',
    notProvided: 'non renseigné',
    noExchange: 'Aucun échange',
    zones: 'Chiffres par zone',
    zone: 'Zone',
    value: 'Valeur',
    range: 'Fourchette',
    secretCount: (secret, communes) =>
      secret === 0
        ? 'Aucune commune masquée pour ce choix.'
        : `${secret} commune${secret > 1 ? 's' : ''} sur ${communes} masquée${secret > 1 ? 's' : ''} pour ce choix (hachurée${secret > 1 ? 's' : ''} sur la carte).`,
    secretExplained:
      'Secret statistique : ce chiffre reposerait sur trop peu d’associations, ou permettrait d’en retrouver un tel par soustraction.',
    notProvidedExplained:
      'Non renseigné : des échanges ont eu lieu mais leurs chiffres n’ont pas été déclarés.',
    loading: 'Chargement des chiffres publics…',
    failed: 'Les chiffres publics n’ont pas pu être lus.',
    retry: 'Réessayer',
    mapLabel: (measure) => `Carte des communes : ${measure}`,
    close: 'Fermer',
  },
  en: {
    title: 'Symbiose',
    edition: 'Public edition',
    notice:
      'Figures aggregated by commune, intercommunalité and territory, by quarter, year or whole period, and by family of resources. A figure that would rest on fewer than three associations, that one association dominates, or that would let one recover such a figure, is masked (statistical secrecy).',
    method: 'Method and secrecy rules',
    otherLanguage: 'Français',
    measure: 'Indicator',
    period: 'Period',
    family: 'Resources',
    year: (year) => `Year ${year}`,
    whole: (range) => `Whole period (${range})`,
    families: {
      toutes: 'All resources',
      locaux: 'Premises',
      materiel: 'Equipment and vehicles',
      personnes: 'Skills and staff',
      cooperation: 'Information, training, joint projects',
    },
    levels: { commune: 'Commune', epci: 'Intercommunalité', territoire: 'Territory' },
    secret: 'secret',
    secretLegend: 'Statistical secrecy',
    notProvided: 'not provided',
    noExchange: 'No exchange',
    zones: 'Figures by zone',
    zone: 'Zone',
    value: 'Value',
    range: 'Range',
    secretCount: (secret, communes) =>
      secret === 0
        ? 'No commune masked for this choice.'
        : `${secret} of ${communes} communes masked for this choice (hatched on the map).`,
    secretExplained:
      'Statistical secrecy: this figure would rest on too few associations, or would let one recover such a figure by subtraction.',
    notProvidedExplained: 'Not provided: exchanges took place but their figures were not declared.',
    loading: 'Loading the public figures…',
    failed: 'The public figures could not be read.',
    retry: 'Retry',
    mapLabel: (measure) => `Map of the communes: ${measure}`,
    close: 'Close',
  },
};
