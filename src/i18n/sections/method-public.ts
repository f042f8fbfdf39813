/**
 * Texts of the method page's section « Secret statistique des données publiques » (the public
 * build: src/indicators/public/), French first. Thresholds, families, periods and measures come
 * from the code and are passed in, so the text never disagrees with what the build does.
 */
export interface MethodPublicTexts {
  readonly title: string;
  readonly intro: string;
  readonly cellsTerm: string;
  readonly cells: (families: number) => string;
  readonly familiesTerm: string;
  readonly all: string;
  readonly measuresTerm: string;
  readonly measures: string;
  readonly peopleRule: string;
  readonly primaryTerm: string;
  readonly frequency: (threshold: number) => string;
  readonly dominance: (percent: number) => string;
  readonly people: (threshold: number) => string;
  readonly quote: string;
  readonly unknown: string;
  readonly secondaryTerm: string;
  readonly secondary: string;
  readonly audit: string;
  readonly nonNegative: string;
  readonly sameTerm: string;
  readonly same: string;
  readonly exchangesTerm: string;
  readonly exchanges: string;
  readonly placesTerm: string;
  readonly places: (threshold: number) => string;
  readonly personalTerm: string;
  readonly personal: string;
  readonly tested: string;
}

const fr: MethodPublicTexts = {
  title: 'Secret statistique des données publiques',
  intro:
    'Une version publique du site (npm run build:public) ne livre aucun fichier du jeu de données : ni les échanges, ni les associations, ni les subventions, ni le rapport d’import. Elle livre des chiffres déjà agrégés, à des niveaux fixés d’avance, et protégés par les règles du secret statistique de l’INSEE. Aucun filtre ne peut donc découper une nouvelle différence entre deux chiffres publiés.',
  cellsTerm: 'Cellules publiées',
  cells: (families) =>
    `Chaque cellule croise une zone (commune, intercommunalité, territoire), une période (trimestre, année, période entière) et une famille de ressources (${families} familles, ou toutes). Les communes s’additionnent en intercommunalités, les intercommunalités en territoire, les trimestres en années, les années en période entière, les familles en « toutes ». Un échange compte dans la commune de l’association bénéficiaire.`,
  familiesTerm: 'Familles de ressources',
  all: 'toutes',
  measuresTerm: 'Chiffres publiés',
  measures:
    'Les totaux additifs calculés à partir des échanges déclarés, chacun avec sa fourchette basse et haute :',
  peopleRule: 'règle des 11',
  primaryTerm: 'Secret primaire',
  frequency: (threshold) =>
    `Règle de fréquence : une cellule qui repose sur moins de ${threshold} associations distinctes (les deux bouts de ses échanges) n’est pas publiée.`,
  dominance: (percent) =>
    `Règle de dominance : une cellule dont une seule association représente plus de ${percent} % d’un chiffre n’est pas publiée (un échange compte entièrement pour chacune de ses deux associations ; un solde est vérifié terme à terme).`,
  people: (threshold) =>
    `Seuil des personnes : les heures bénévoles, leur valeur et les bénéficiaires ne sont publiés que si la cellule repose sur au moins ${threshold} associations. La note de méthode (§5) l’énonce ainsi (traduit de l’anglais) :`,
  quote:
    '« Les totaux d’heures bénévoles et de bénéficiaires relèvent de la règle plus stricte des 11 unités lorsqu’ils peuvent provenir d’une poignée de personnes » (règle DGFiP pour les données des personnes physiques).',
  unknown:
    'Une cellule dont un chiffre est non renseigné alors qu’elle contient des échanges est masquée : « non renseigné » n’est jamais publié comme 0.',
  secondaryTerm: 'Secret secondaire',
  secondary:
    'Une cellule masquée ne doit pas pouvoir être retrouvée par soustraction (le total d’une intercommunalité moins ses autres communes, « toutes » moins les autres familles, l’année moins ses autres trimestres) ni en combinant plusieurs marges. Tant qu’une cellule masquée reste déterminée, la cellule publiée de plus petite valeur d’une équation qui la détermine est masquée à son tour.',
  audit:
    'Le contrôle est un calcul d’algèbre linéaire exact : une cellule masquée est déterminée quand son vecteur unité appartient à l’espace engendré par les équations des marges restreintes aux cellules masquées (élimination de Gauss–Jordan en arithmétique exacte).',
  nonNegative:
    'Les chiffres qui ne peuvent pas être négatifs donnent une information de plus : certaines cellules masquées valent forcément zéro, parfois par la combinaison de plusieurs marges (par exemple une cellule sous un total masqué dont les autres parties sont publiées). Un programme linéaire trouve toutes les cellules masquées qui valent zéro dans tout tableau compatible avec les chiffres publiés ; elles sont prises comme connues et le contrôle est refait, pour qu’aucune valeur non nulle ne puisse être retrouvée par ce biais. Ce contrôle est fait pour chaque chiffre publié : central, bas et haut. Deux connaissances de plus sont prises en compte. Un échange compte en entier dans chaque trimestre et chaque année qu’il traverse : le nombre d’échanges (et de bénéficiaires) d’une période est donc compris entre celui de son plus grand trimestre et la somme de ses trimestres, et ces bornes sont contrôlées comme des marges. Et la liste publique des échanges consentis donne à chaque cellule un nombre minimal d’échanges : le contrôle protège ce qui dépasse ce minimum.',
  sameTerm: 'Trois masques, un statut par cellule',
  same: 'Chaque cellule a trois masques, contrôlés chacun à part : le nombre d’échanges (statut_echanges) ; les coûts évités, l’emploi, le CO₂e et la matière, masqués ensemble (statut) ; les heures bénévoles, leur valeur et les bénéficiaires (statut_personnes, règle des 11), dont le masque contient celui des montants. Chacun publie publie, secret ou non-renseigne (chiffres manquants derrière ses échanges). Le motif d’un secret n’est pas publié : il dirait qu’une cellule repose sur une ou deux associations, ou lesquelles ne sont masquées que pour en protéger d’autres. Une cellule masquée ne publie aucun chiffre, ni central, ni bas, ni haut.',
  exchangesTerm: 'Échanges un par un',
  exchanges:
    'Un échange n’apparaît un par un que si les deux associations ont accepté sa publication (consentement_publication = oui) : les deux associations, leurs communes, les dates et le type de ressource, sans quantité, heures, valeur, libellé ni source. Sinon il ne compte que dans les cellules.',
  placesTerm: 'Lieux partagés',
  places: (threshold) =>
    `Un siège n’est montré comme lieu que s’il est partagé par au moins ${threshold} associations actives ; en deçà, c’est souvent le domicile d’un bénévole.`,
  personalTerm: 'Données personnelles',
  personal:
    'Aucun champ personnel du RNA n’est livré : déclarant, adresse de gestion, civilité du dirigeant, téléphone, courriel, sites web de particuliers.',
  tested:
    'Un test attaque le produit livré avec un solveur de programmation linéaire (chaque cellule masquée minimisée et maximisée sous toutes les marges et la positivité) : aucune valeur masquée n’est retrouvée, alors que la même attaque réussit sans secret secondaire.',
};

const en: MethodPublicTexts = {
  title: 'Statistical secrecy of the public data',
  intro:
    'A public version of the site (npm run build:public) ships no file of the dataset: no exchanges, associations, grants or import report. It ships figures aggregated in advance at fixed levels, protected by INSEE’s statistical secrecy rules. No filter can therefore cut a new difference between two published figures.',
  cellsTerm: 'Published cells',
  cells: (families) =>
    `Each cell crosses a zone (commune, intercommunalité, territory), a period (quarter, year, whole period) and a resource family (${families} families, or all). Communes add up to intercommunalités, intercommunalités to the territory, quarters to years, years to the whole period, families to « all ». An exchange counts in the commune of the receiving association.`,
  familiesTerm: 'Resource families',
  all: 'all',
  measuresTerm: 'Published figures',
  measures: 'The additive totals computed from declared exchanges, each with its low and high range:',
  peopleRule: 'rule of 11',
  primaryTerm: 'Primary secrecy',
  frequency: (threshold) =>
    `Frequency rule: a cell resting on fewer than ${threshold} distinct associations (both ends of its exchanges) is not published.`,
  dominance: (percent) =>
    `Dominance rule: a cell where one association accounts for more than ${percent} % of a figure is not published (an exchange counts whole for each of its two associations; a balance is checked term by term).`,
  people: (threshold) =>
    `People threshold: volunteer hours, their value and beneficiaries are published only when the cell rests on at least ${threshold} associations. The methodology note (§5) states it as:`,
  quote:
    '« Volunteer-hours and beneficiary totals get the stricter ≥11 rule when they can come from a handful of people » (the DGFiP rule for data on natural persons).',
  unknown:
    'A cell with exchanges whose figure is unknown is masked: « not provided » is never published as 0.',
  secondaryTerm: 'Secondary secrecy',
  secondary:
    'A masked cell must not be recoverable by subtraction (an intercommunalité’s total minus its other communes, « all » minus the other families, the year minus its other quarters) nor by combining several margins. While a masked cell stays determined, the published cell of smallest value in an equation that determines it is masked too.',
  audit:
    'The check is exact linear algebra: a masked cell is determined when its unit vector lies in the space spanned by the margin equations restricted to the masked cells (Gauss–Jordan elimination in exact arithmetic).',
  nonNegative:
    'Figures that cannot be negative tell one thing more: some masked cells must be zero, sometimes only through several margins together (for instance a cell under a masked total whose other parts are published). A linear program finds every masked cell that is zero in every table consistent with the published figures; those are taken as known and the check is run again, so that no non-zero value can be recovered that way. The check is made for each published figure: central, low and high. Two more pieces of knowledge are taken into account. An exchange counts whole in every quarter and year it runs through, so a period’s number of exchanges (and of beneficiaries) lies between that of its largest quarter and the sum of its quarters, and these bounds are checked like margins. And the public list of consented exchanges gives each cell a minimum number of exchanges: the check protects what lies above it.',
  sameTerm: 'Three masks, one status per cell',
  same: 'Each cell has three masks, each checked on its own: the number of exchanges (statut_echanges); avoided costs, staff, CO₂e and matter, masked together (statut); volunteer hours, their value and beneficiaries (statut_personnes, rule of 11), whose mask contains the amounts’. Each publishes publie (published), secret, or non-renseigne (figures missing behind its exchanges). A secret’s reason is not published: it would say that a cell rests on one or two associations, or which cells are masked only to protect others. A masked cell publishes no figure: neither central, nor low, nor high.',
  exchangesTerm: 'Exchanges one by one',
  exchanges:
    'An exchange appears on its own only when both associations agreed to its publication (consentement_publication = oui): the two associations, their communes, the dates and the resource type, without quantity, hours, value, label or source. Otherwise it counts in the cells only.',
  placesTerm: 'Shared places',
  places: (threshold) =>
    `A seat is shown as a place only when at least ${threshold} active associations share it; below that it is often a volunteer’s home.`,
  personalTerm: 'Personal data',
  personal:
    'No personal field of the RNA is shipped: declarant, management address, director’s civility, phone, e-mail, individuals’ websites.',
  tested:
    'A test attacks the shipped product with a linear programming solver (each masked cell minimised and maximised under every margin and non-negativity): no masked value is recovered, while the same attack succeeds without secondary secrecy.',
};

export const methodPublicTexts: Readonly<Record<'fr' | 'en', MethodPublicTexts>> = { fr, en };
