/**
 * Texts of the method page's rule sections (coverage, shared seats, umbrella structures, in-kind
 * support), French first. Counts, names of sheets and columns and vocabularies come from the code
 * and are passed in, so the text never disagrees with what the site does.
 */
export interface MethodRuleTexts {
  readonly coverage: {
    readonly intro: (notProvided: string) => string;
    readonly coveredTerm: string;
    readonly covered: (surveyedColumn: string, associationsSheet: string) => string;
    readonly declaredTerm: (count: number) => string;
    readonly need: (part: string, notProvided: string) => string;
    readonly noRankTerm: string;
    readonly noRank: (notProvided: string, noData: string) => string;
    readonly completeTerm: string;
    readonly complete: (names: {
      exchangesSheet: string;
      declareButton: string;
      associationsSheet: string;
      surveyed: string;
      surveyedOn: string;
    }) => string;
  };
  readonly seats: {
    readonly intro: (rules: number) => string;
    readonly normalising: (rules: number) => string;
    readonly vague: (reasons: number) => string;
    readonly privacy: string;
    readonly limit: string;
    readonly parts: string;
  };
  readonly umbrellas: {
    readonly intro: (groups: readonly string[], patterns: number) => string;
    readonly structure: string;
    readonly pattern: string;
    readonly part: string;
  };
  readonly inKind: {
    readonly intro: string;
    readonly indicators: string;
    readonly natureTerm: string;
    readonly nature: (values: string, inKind: string) => string;
    readonly columnsTerm: string;
    readonly columns: (aliases: string, name: string, nature: string, suffix: string) => string;
    readonly parts: string;
    readonly limit: string;
  };
  /** Values quoted the way the language does: « a », « b ». */
  readonly quoted: (values: readonly string[], separator?: string) => string;
  readonly or: string;
}

const quoted = (values: readonly string[], separator = ', ') => values.map((v) => `« ${v} »`).join(separator);

const fr: MethodRuleTexts = {
  coverage: {
    intro: (notProvided) =>
      `Aucune source publique ne recense les échanges entre associations : un territoire ne connaît la coopération que des associations qu’il a enquêtées. Les indicateurs de coopération sont donc calculés sur les seules associations couvertes par les échanges déclarés ; sans aucune association couverte dans une zone, ils y valent « ${notProvided} », jamais 0.`,
    coveredTerm: 'Association couverte',
    covered: (column, sheet) =>
      `Selon le manifeste du jeu de données (coverage.mode) : « toutes » pour un territoire entièrement enquêté, dont toutes les associations sont couvertes ; sinon (« echanges », « aucune »), les associations sollicitées par le coordinateur (table enquetes, lue dans la colonne « ${column} » de la feuille « ${sheet} » du modèle) et les deux parties de chaque échange déclaré. Une association sollicitée qui ne déclare aucun échange est couverte : elle est « sans partenaire déclaré », pas « non enquêtée ».`,
    declaredTerm: (count) => `Indicateurs sur les associations couvertes (${count})`,
    need: (part, notProvided) => `Quand la composante ${part} vaut 0, « ${notProvided} » pour : `,
    noRankTerm: 'Ni rang ni classe',
    noRank: (notProvided, noData) =>
      `Une zone « ${notProvided} » n’a pas de rang (« 1re sur 101 » ne compare que des zones qui ont une valeur) et n’entre pas dans les classes de couleur de la carte : elle y est grisée, « ${noData} » dans la légende.`,
    completeTerm: 'Compléter les données',
    complete: (n) =>
      `Le modèle d’échanges, construit avec le site (pour un territoire importé, la page le prépare), se remplit dans la feuille « ${n.exchangesSheet} » ou avec « ${n.declareButton} » ; le coordinateur note dans la feuille « ${n.associationsSheet} » qui a été sollicité (« ${n.surveyed} », « ${n.surveyedOn} »), puis importe les fichiers reçus : la couverture en découle.`,
  },
  seats: {
    intro: (rules) =>
      `Des associations dont le siège déclaré au registre est le même lieu — une maison des associations, un centre social, une mairie qui en domicilie des dizaines — partagent de fait des locaux : c’est un signal de coopération lisible dans les données ouvertes, pour tout territoire. L’import applique à chaque association du registre les ${rules} règles qui suivent. Indicateurs : `,
    normalising: (rules) => `Normalisation des adresses (${rules} règles)`,
    vague: (reasons) => `Trop vague pour compter (${reasons} motifs)`,
    privacy: 'Vie privée',
    limit: 'Limite',
    parts: 'Composantes (SQL)',
  },
  umbrellas: {
    intro: (groups, patterns) =>
      `Une structure faîtière regroupe ou sert d’autres associations : elle est un carrefour du réseau associatif. Sont comptées les associations actives qui sont, au registre (champ groupement), ${quoted(groups, ' ou ')}, et celles dont le nom — comparé en minuscules, sans accents — répond à l’un des ${patterns} motifs suivants. Indicateur : `,
    structure: 'Structure',
    pattern: 'Motif du nom (expression régulière)',
    part: 'Composante :',
  },
  inKind: {
    intro:
      'Des locaux, un véhicule, du matériel prêtés par une collectivité à une association sont une coopération entre acteurs publics et associatifs que les fichiers de subventions publient parfois. Elle est montrée à part des échanges déclarés entre associations.',
    indicators: 'Indicateurs',
    natureTerm: 'Champ SCDL « nature »',
    nature: (values, inKind) =>
      `Valeurs du jeu de données : ${values}. Une aide est en nature quand sa nature contient « nature » : ${inKind}.`,
    columnsTerm: 'Colonnes hors SCDL',
    columns: (aliases, name, nature, suffix) =>
      `Les listes de subventions qui ont une colonne ${aliases} (lue comme ${name}) en tirent une aide de nature « ${nature} » par ligne remplie, à part des montants en numéraire de la même ligne (identifiant terminé par -${suffix}) ; une case seulement cochée donne une aide sans montant, comptée mais non valorisée.`,
    parts: 'Composantes (SQL)',
    limit: 'Limite',
  },
  quoted,
  or: ' ou ',
};

const en: MethodRuleTexts = {
  coverage: {
    intro: (notProvided) =>
      `No public source lists exchanges between associations: a territory only knows the cooperation of the associations it has surveyed. Cooperation indicators are therefore computed on the associations covered by the declared exchanges only; in a zone without any covered association, they read « ${notProvided} », never 0.`,
    coveredTerm: 'Covered association',
    covered: (column, sheet) =>
      `According to the dataset’s manifest (coverage.mode): « toutes » (all) for a fully surveyed territory, whose associations are all covered; otherwise (« echanges », « aucune »), the associations the coordinator asked (table enquetes, read from the column « ${column} » of the template’s sheet « ${sheet} ») and both parties of every declared exchange. An association that was asked and declares no exchange is covered: it is « without a declared partner », not « not surveyed ».`,
    declaredTerm: (count) => `Indicators on covered associations (${count})`,
    need: (part, notProvided) => `When the part ${part} is 0, « ${notProvided} » for: `,
    noRankTerm: 'Neither rank nor class',
    noRank: (notProvided, noData) =>
      `A zone « ${notProvided} » has no rank (« 1st of 101 » only compares zones that have a value) and is left out of the map’s colour classes: it is greyed out there, « ${noData} » in the legend.`,
    completeTerm: 'Completing the data',
    complete: (n) =>
      `The exchange template, built with the site (for an imported territory, the page prepares it), is filled in in the sheet « ${n.exchangesSheet} » or with « ${n.declareButton} »; the coordinator notes in the sheet « ${n.associationsSheet} » who was asked (« ${n.surveyed} », « ${n.surveyedOn} »), then imports the files received: coverage follows from them.`,
  },
  seats: {
    intro: (rules) =>
      `Associations whose seat declared in the register is the same place — a maison des associations, a community centre, a town hall that hosts dozens of them — in fact share premises: it is a cooperation signal readable in open data, for any territory. The import applies the ${rules} rules below to every association of the register. Indicators: `,
    normalising: (rules) => `Normalising addresses (${rules} rules)`,
    vague: (reasons) => `Too vague to count (${reasons} reasons)`,
    privacy: 'Privacy',
    limit: 'Limit',
    parts: 'Parts (SQL)',
  },
  umbrellas: {
    intro: (groups, patterns) =>
      `An umbrella structure groups or serves other associations: it is a crossroads of the associative network. Counted are the active associations that are, in the register (field groupement), ${quoted(groups, ' or ')}, and those whose name — compared in lower case, without accents — matches one of the ${patterns} patterns below. Indicator: `,
    structure: 'Structure',
    pattern: 'Name pattern (regular expression)',
    part: 'Part:',
  },
  inKind: {
    intro:
      'Premises, a vehicle, equipment lent by a local authority to an association are cooperation between public and associative actors that grants files sometimes publish. It is shown apart from the exchanges declared between associations.',
    indicators: 'Indicators',
    natureTerm: 'SCDL field « nature »',
    nature: (values, inKind) =>
      `Values of the dataset: ${values}. A support is in kind when its nature contains « nature »: ${inKind}.`,
    columnsTerm: 'Columns outside the SCDL',
    columns: (aliases, name, nature, suffix) =>
      `Grant lists that have a column ${aliases} (read as ${name}) yield one support of nature « ${nature} » per filled row, apart from the cash amounts of the same row (id ending in -${suffix}); a box that is only ticked gives a support without an amount, counted but not valued.`,
    parts: 'Parts (SQL)',
    limit: 'Limit',
  },
  quoted,
  or: ' or ',
};

export const methodRuleTexts = { fr, en } as const;
