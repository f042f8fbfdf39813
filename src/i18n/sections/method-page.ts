import type { IndicatorFamily } from '../../indicators/types.ts';

/** A paragraph of the method page: text, with dataset names set apart as code. */
export type RichText = readonly (string | { readonly code: string })[];

/** Texts of the method page (src/components/method/), French first; the page exists in both. */
export interface MethodPageTexts {
  readonly lang: 'fr' | 'en';
  readonly title: string;
  readonly description: string;
  readonly subtitle: string;
  readonly toc: string;
  /** Link to the same page in the other language. */
  readonly otherLanguage: { readonly label: string; readonly lang: 'fr' | 'en' };
  readonly lead: (version: string) => RichText;
  readonly conventionsTitle: string;
  readonly conventions: readonly { readonly term: string; readonly detail: RichText }[];
  readonly families: Readonly<Record<IndicatorFamily, string>>;
  readonly rules: {
    readonly coverage: string;
    readonly seats: string;
    readonly umbrellas: string;
    readonly inKind: string;
  };
  readonly calculationTitle: string;
  readonly calculation: RichText;
  readonly coefficientsTitle: string;
  /** What the coefficient file is, in the page's language (the file's own description is French). */
  readonly coefficientsDescription: string | null;
  readonly entry: {
    readonly formula: string;
    readonly reading: string;
    readonly unit: string;
    readonly percentUnit: string;
    readonly fields: string;
    readonly caveats: string;
    readonly range: string;
    readonly rangeYes: string;
    readonly rangeNo: string;
    readonly parts: string;
    readonly coefficients: string;
  };
  readonly table: {
    readonly caption: (version: string, date: string) => string;
    readonly coefficient: string;
    readonly central: string;
    readonly range: string;
    readonly unit: string;
    readonly status: string;
    readonly source: string;
    readonly read: string;
    readonly estimated: string;
    readonly decreases: string;
  };
}

const fr: MethodPageTexts = {
  lang: 'fr',
  title: 'Méthode des indicateurs — Symbiose',
  description:
    'Comment Symbiose calcule ses indicateurs sociaux, financiers et environnementaux, ce que disent les fichiers publics et les signaux de coopération : formules, règles, coefficients et sources.',
  subtitle: 'Méthode des indicateurs',
  toc: 'Sommaire',
  otherLanguage: { label: 'English', lang: 'en' },
  lead: (version) => [
    'Chaque chiffre de Symbiose est calculé dans votre navigateur par les requêtes SQL décrites ici, les mêmes que celles de l’outil en ligne de commande (',
    { code: 'npm run indicators' },
    `). Les coefficients (méthode version ${version}) ont chacun une valeur basse, centrale et haute, une unité et une source ; les chiffres qui en dépendent sont donnés avec leur fourchette, qui tient compte aussi de la qualité des données. Base : la note méthodologique de Symbiose ; les écarts sont signalés.`,
  ],
  conventionsTitle: 'Conventions',
  conventions: [
    {
      term: 'Associations actives',
      detail: [
        'Créées au plus tard le dernier jour de la période, en position « active » au RNA, non dissoutes, et dont la dernière déclaration en préfecture date de moins de dix ans à la fin de la période (règle des cartographies publiques du RNA).',
      ],
    },
    {
      term: 'Attribution aux communes',
      detail: [
        'Un échange compte pour la commune de l’association bénéficiaire, là où le bénéfice se produit (ou, au choix, du côté du fournisseur). Si cette commune est hors du territoire, il compte pour l’autre côté. Pour un territoire ou une intercommunalité, chaque échange compte une fois. Un partenariat (une paire d’associations) entre deux communes compte pour moitié dans chacune et une fois dans la zone qui les contient toutes deux : les composantes des communes s’additionnent exactement.',
      ],
    },
    {
      term: 'Additionnalité',
      detail: [
        'Les valeurs évitées (coût, carbone, matière) sont multipliées par la part substituée s, selon la réponse « aurait acheté », et les contreparties versées sont déduites (voir « Ce qui se serait passé sans l’échange »). Une subvention qui finance aussi l’échange n’est jamais ajoutée à sa valeur : elle est montrée à côté (F6), comme un contexte et non comme une cause. Le déplacement d’un usager payant est ignoré à l’échelle du territoire ; rien n’est extrapolé au-delà des dates déclarées.',
      ],
    },
    {
      term: 'Une ressource, un compte',
      detail: [
        'Les ressources matérielles (locaux, matériel, véhicules, autres) entrent dans le coût évité (F1, F2), le temps bénévole dans F3, le personnel dans F4 : chaque valeur d’un échange est comptée une fois, dans un seul chiffre, et ces chiffres ne s’additionnent pas (voir « Ce que publie Symbiose »).',
      ],
    },
    {
      term: 'Déclaratif',
      detail: [
        'Les échanges sont déclarés par les associations : tous les chiffres sont déclaratifs, même confirmés ou vérifiés (voir « Qualité des données »).',
      ],
    },
    {
      term: 'Arrondis',
      detail: [
        'Une estimation est écrite avec deux chiffres significatifs de la largeur de sa fourchette (pas = 10^(⌊log₁₀(haut − bas)⌋ − 1), jamais plus fin que les décimales de l’indicateur) : la valeur centrale est arrondie au plus proche, la borne basse vers le bas et la borne haute vers le haut, pour que la fourchette affichée ne soit jamais plus étroite que la fourchette calculée. Ainsi 1 053 178 € (320 000 à 1 450 000 €) s’écrit 1 100 000 € (300 000 à 1 500 000 €) ; « ± » signale une fourchette qui passe par zéro, dont le signe n’est pas établi. Une valeur sans fourchette garde les décimales de l’indicateur ; un compte est écrit en entier. Les exports CSV ne sont pas arrondis ainsi : ils donnent chaque valeur, basse et haute, aux décimales de l’indicateur.',
      ],
    },
    {
      term: 'Valeurs manquantes',
      detail: [
        'Sans distance déclarée : 2 × facteur de détour × distance entre les points de référence des communes (ou distance intracommunale). Sans mode : voiture (hypothèse prudente pour les émissions). Sans masse : masse par défaut de la catégorie. Sans réponse à « aurait acheté » : s de 0 à 1. Sans statut de qualité : déclaré. Une catégorie de bien hors liste n’est pas chiffrée (0). Une population inconnue rend « sans donnée » les indicateurs par habitant de la zone.',
      ],
    },
    {
      term: 'Écarts à la note méthodologique',
      detail: [
        'N1 (fabrication évitée) et N5 (matière évitée) suivent les mêmes règles contrefactuelles que le coût évité : un don compte la part de vie restante du bien, un prêt la part de sa vie utilisée, pour ne pas compter un bien entier pour un prêt de deux jours. F1 ne porte que sur les ressources matérielles (voir « une ressource, un compte »). La « valeur de la coopération » (F2 + F3 + F4) n’est plus publiée : ses termes n’ont pas la même base. S5 (liens avec les quartiers prioritaires) attend les contours QPV ; S9 (intermédiaires) reste interne et n’est pas publié ; S12 n’ajoute pas encore les salariés des groupements d’employeurs (données SIRENE) ; N6 (km de véhicule évités) est remplacé par la distance moyenne des échanges, faute de données sur les trajets évités.',
      ],
    },
  ],
  families: {
    social: 'Indicateurs sociaux',
    financier: 'Indicateurs financiers',
    environnemental: 'Indicateurs environnementaux',
    registre: 'Ce que disent les fichiers publics',
    signaux: 'Signaux de coopération — pas des échanges déclarés',
  },
  rules: {
    coverage: 'Couverture et “non renseigné”',
    seats: 'Sièges partagés',
    umbrellas: 'Structures faîtières',
    inKind: 'Aides en nature',
  },
  calculationTitle: 'Calcul par échange',
  calculation: [
    'Les composantes ci-dessus additionnent ces valeurs, calculées pour chaque échange de la période et pour chacun des trois scénarios, en trois étapes : les quantités, l’alternative de la règle contrefactuelle avec ses facteurs, puis les valeurs (',
    { code: 'k' },
    ' : coefficients du scénario ; ',
    { code: 'b' },
    ' : coefficients de la catégorie du bien ; ',
    { code: 's' },
    ' : part substituée ; ',
    { code: 'facteur_donnee' },
    ' : facteur de qualité ; ',
    { code: 'part_periode' },
    ' : part des jours de l’échange dans la période).',
  ],
  coefficientsTitle: 'Coefficients',
  coefficientsDescription:
    'Coefficients de la méthode Symbiose. Chaque coefficient a une valeur basse, centrale et haute ; « effet » indique si une valeur plus haute augmente (+) ou diminue (−) la composante qu’il sert à calculer : le scénario bas prend, pour chaque coefficient, la borne qui diminue sa composante.',
  entry: {
    formula: 'Formule',
    reading: 'Comment le lire',
    unit: 'Unité',
    percentUnit: '% (rapport entre 0 et 1)',
    fields: 'Champs utilisés',
    caveats: 'Précautions',
    range: 'Fourchette',
    rangeYes:
      'Oui : valeur centrale, et valeurs basse et haute obtenues avec les coefficients et les facteurs de donnée aux bornes.',
    rangeNo: 'Non : l’indicateur ne dépend d’aucun coefficient.',
    parts: 'Composantes (SQL)',
    coefficients: 'Coefficients',
  },
  table: {
    caption: (version, date) =>
      `Coefficients, version ${version} (${date}). « Lu » : valeur lue dans la source citée ; « estimé » : estimation de Symbiose, à afficher comme telle.`,
    coefficient: 'Coefficient',
    central: 'Central',
    range: 'Bas – haut',
    unit: 'Unité',
    status: 'Statut',
    source: 'Source',
    read: 'lu',
    estimated: 'estimé',
    decreases: ' (↑ diminue)',
  },
};

const en: MethodPageTexts = {
  lang: 'en',
  title: 'How the indicators are computed — Symbiose',
  description:
    'How Symbiose computes its social, financial and environmental indicators, what the public files say and the cooperation signals: formulas, rules, coefficients and sources.',
  subtitle: 'How the indicators are computed',
  toc: 'Contents',
  otherLanguage: { label: 'Français', lang: 'fr' },
  lead: (version) => [
    'Every figure of Symbiose is computed in your browser by the SQL queries described here, the same as those of the command-line tool (',
    { code: 'npm run indicators' },
    `). The coefficients (method version ${version}) each have a low, central and high value, a unit and a source; figures that depend on them are given with their range, which also accounts for the quality of the data. Basis: Symbiose’s methodology note; departures from it are stated.`,
  ],
  conventionsTitle: 'Conventions',
  conventions: [
    {
      term: 'Active associations',
      detail: [
        'Created on or before the last day of the period, « active » in the RNA, not dissolved, and whose last filing at the prefecture is less than ten years old at the end of the period (the rule of the RNA’s public maps).',
      ],
    },
    {
      term: 'Attribution to communes',
      detail: [
        'An exchange counts for the commune of the beneficiary association, where the benefit happens (or, if chosen, on the provider’s side). If that commune is outside the territory, it counts for the other side. For a territory or an intercommunalité, each exchange counts once. A partnership (a pair of associations) between two communes counts half in each and once in the zone that contains both: the parts of communes add up exactly.',
      ],
    },
    {
      term: 'Additionality',
      detail: [
        'Avoided values (cost, carbon, material) are multiplied by the substituted share s, according to the answer « would have bought », and payments made are deducted (see « What would have happened without the exchange »). A grant that also funds the exchange is never added to its value: it is shown beside it (F6), as context and not as a cause. The displacement of a paying user is ignored at the territory’s scale; nothing is extrapolated beyond the declared dates.',
      ],
    },
    {
      term: 'One resource, one account',
      detail: [
        'Material resources (premises, equipment, vehicles, other) enter the avoided cost (F1, F2), volunteer time F3, staff F4: each value of an exchange is counted once, in one figure only, and these figures do not add up (see « What Symbiose publishes »).',
      ],
    },
    {
      term: 'Declared',
      detail: [
        'Exchanges are declared by associations: all figures are declared, even when confirmed or verified (see « Data quality »).',
      ],
    },
    {
      term: 'Rounding',
      detail: [
        'An estimate is written to two significant digits of its range’s width (step = 10^(⌊log₁₀(high − low)⌋ − 1), never finer than the indicator’s decimals): the central value is rounded to the nearest step, the low bound down and the high bound up, so the range shown is never narrower than the range computed. Thus €1,053,178 (€320,000 to €1,450,000) is written €1,100,000 (€300,000 to €1,500,000); « ± » marks a range that crosses zero, whose sign is not established. A value without a range keeps the indicator’s decimals; a count is written whole. CSV exports are not rounded this way: they give each value, low and high, to the indicator’s decimals.',
      ],
    },
    {
      term: 'Missing values',
      detail: [
        'Without a declared distance: 2 × detour factor × distance between the communes’ reference points (or the intra-commune distance). Without a mode: car (a cautious assumption for emissions). Without a mass: the category’s default mass. Without an answer to « would have bought »: s from 0 to 1. Without a quality tier: declared. A category of goods outside the list is not valued (0). An unknown population makes the zone’s per-inhabitant indicators « no data ».',
      ],
    },
    {
      term: 'Departures from the methodology note',
      detail: [
        'N1 (avoided manufacturing) and N5 (avoided material) follow the same counterfactual rules as the avoided cost: a gift counts the good’s remaining share of life, a loan the share of its life used, so as not to count a whole item for a two-day loan. F1 covers material resources only (see « one resource, one account »). The « value of cooperation » (F2 + F3 + F4) is no longer published: its terms do not have the same basis. S5 (links with priority neighbourhoods) awaits the QPV boundaries; S9 (intermediaries) stays internal and is not published; S12 does not yet add the employees of employer groups (SIRENE data); N6 (vehicle km avoided) is replaced by the average distance of exchanges, for lack of data on avoided trips.',
      ],
    },
  ],
  families: {
    social: 'Social indicators',
    financier: 'Financial indicators',
    environnemental: 'Environmental indicators',
    registre: 'What the public files say',
    signaux: 'Cooperation signals — not declared exchanges',
  },
  rules: {
    coverage: 'Coverage and “not provided”',
    seats: 'Shared seats',
    umbrellas: 'Umbrella structures',
    inKind: 'In-kind support',
  },
  calculationTitle: 'Computation per exchange',
  calculation: [
    'The parts above add up these values, computed for each exchange of the period and for each of the three scenarios, in three steps: the quantities, the alternative of the counterfactual rule with its factors, then the values (',
    { code: 'k' },
    ': the scenario’s coefficients; ',
    { code: 'b' },
    ': the coefficients of the goods’ category; ',
    { code: 's' },
    ': substituted share; ',
    { code: 'facteur_donnee' },
    ': quality factor; ',
    { code: 'part_periode' },
    ': share of the exchange’s days in the period).',
  ],
  coefficientsTitle: 'Coefficients',
  coefficientsDescription:
    'Coefficients of the Symbiose method. Each coefficient has a low, central and high value; « effect » says whether a higher value increases (+) or decreases (−) the part it is used to compute: the low scenario takes, for each coefficient, the bound that lowers its part.',
  entry: {
    formula: 'Formula',
    reading: 'How to read it',
    unit: 'Unit',
    percentUnit: '% (ratio between 0 and 1)',
    fields: 'Fields used',
    caveats: 'Caveats',
    range: 'Range',
    rangeYes:
      'Yes: central value, and low and high values obtained with the coefficients and data factors at their bounds.',
    rangeNo: 'No: the indicator depends on no coefficient.',
    parts: 'Parts (SQL)',
    coefficients: 'Coefficients',
  },
  table: {
    caption: (version, date) =>
      `Coefficients, version ${version} (${date}). « Read »: value read in the cited source; « estimated »: Symbiose’s estimate, to be shown as such. Sources are cited as published.`,
    coefficient: 'Coefficient',
    central: 'Central',
    range: 'Low – high',
    unit: 'Unit',
    status: 'Status',
    source: 'Source',
    read: 'read',
    estimated: 'estimated',
    decreases: ' (↑ decreases)',
  },
};

export const methodPageTexts = { fr, en } as const;
