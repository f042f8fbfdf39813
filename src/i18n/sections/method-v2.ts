import type { RichText } from './method-page.ts';

/*
 * Texts of the method page's v2 sections (src/components/method/*Section.astro): what Symbiose
 * publishes, what would have happened without the exchange, data quality, uncertainty with the
 * demo territory's tornado, time, and the versions of the method. French first. Rules, tiers,
 * coefficients, thresholds and SQL come from the code and are passed in, never typed here.
 */

/** A term and its explanation (a row of a definition list). */
export interface Term {
  readonly term: string;
  readonly detail: RichText;
}

/** The separate figures of « Ce que publie Symbiose », by indicator id. */
export type PublishedFigure =
  'cout-evite-net' | 'valeur-benevolat' | 'valeur-personnel' | 'valeur-marche-declaree';

/** Answers to « would have bought » (`aurait_achete`; `inconnu`: no answer), as in the coefficient file. */
export type Answer = 'oui' | 'partiel' | 'non' | 'inconnu';

/** Quality tiers (`statut_donnee`). */
export type Tier = 'declare' | 'confirme' | 'verifie';

export interface MethodV2Texts {
  /** The method version in the page's header, and the link to the version log. */
  readonly version: (version: string) => string;
  readonly versionTitle: string;
  readonly published: {
    readonly title: string;
    readonly intro: string;
    readonly columns: {
      readonly figure: string;
      readonly nature: string;
      readonly base: string;
      readonly caution: string;
    };
    readonly figures: Readonly<
      Record<PublishedFigure, { readonly nature: string; readonly base: string; readonly caution: string }>
    >;
    /** Said under the staff row, before the link to the re-invoiced part. */
    readonly reinvoiced: string;
    readonly noSum: string;
    readonly wordsTitle: string;
    readonly outputsTerm: string;
    readonly outputs: string;
    readonly effectsTerm: string;
    readonly effects: string;
    readonly valuationsTerm: string;
    readonly valuations: string;
    readonly impactTerm: string;
    readonly impact: string;
  };
  readonly counterfactual: {
    readonly title: string;
    readonly intro: RichText;
    readonly caption: (rules: number) => string;
    readonly columns: {
      readonly rule: string;
      readonly types: string;
      readonly modalities: string;
      readonly alternative: string;
    };
    readonly anyModality: string;
    readonly modalities: Readonly<Record<string, string>>;
    readonly sql: string;
    readonly sqlColumns: {
      readonly cost: string;
      readonly manufacturing: string;
      readonly premises: string;
      readonly matter: string;
    };
    readonly sqlNote: RichText;
    readonly commonTitle: string;
    readonly substitution: Term;
    readonly answersCaption: string;
    readonly answerColumns: { readonly answer: string; readonly central: string; readonly range: string };
    readonly answers: Readonly<Record<Answer, string>>;
    readonly declared: Term;
    readonly transport: Term;
    readonly energy: Term;
    readonly coefficients: string;
  };
  readonly quality: {
    readonly title: string;
    readonly intro: RichText;
    readonly caption: string;
    readonly columns: {
      readonly tier: string;
      readonly meaning: string;
      readonly factor: string;
      readonly range: string;
    };
    readonly tiers: Readonly<Record<Tier, string>>;
    readonly factorTerm: string;
    readonly factor: RichText;
    /** The dashboard's quality filter (its label and choices come from method-v2-figures.ts). */
    readonly filterTerm: (label: string) => string;
    readonly filter: string;
    readonly indicatorsTerm: string;
  };
  readonly uncertainty: {
    readonly title: string;
    readonly terms: {
      readonly intervals: Term;
      readonly envelope: Term;
      readonly why: Term;
      readonly oneAtATime: Term;
      readonly dominance: (threshold: string) => Term;
    };
  };
  readonly tornado: {
    readonly title: string;
    readonly intro: (name: string, period: string) => string;
    readonly missing: RichText;
    readonly value: string;
    readonly range: string;
    readonly caption: (figure: string) => string;
    readonly columns: { readonly parameter: string; readonly swing: string; readonly values: string };
    readonly centralLine: string;
    readonly zero: string;
    readonly strongest: (parameter: string, range: string) => string;
    readonly none: string;
    readonly exchanges: (share: string, count: string) => string;
    readonly dominated: (threshold: string) => string;
    readonly notDominated: (threshold: string) => string;
  };
  readonly time: {
    readonly title: string;
    readonly belongs: Term;
    readonly proRata: Term;
    readonly proRataSql: string;
    readonly counts: Term;
    readonly recurrent: Term;
    readonly valuesTerm: (date: string) => string;
  };
  readonly changelog: {
    readonly title: string;
    readonly intro: (version: string, date: string) => string;
    /** The summary of the folded log (written in French). */
    readonly log: string;
  };
}

const fr: MethodV2Texts = {
  version: (version) => `méthode ${version}`,
  versionTitle: 'Version de la méthode (fichier des coefficients) : voir le journal des versions',
  published: {
    title: 'Ce que publie Symbiose',
    intro:
      'Symbiose publie des chiffres séparés, chacun sur sa propre base. Ils ne sont jamais additionnés en une somme en euros : un coût évité, une valorisation conventionnelle du temps, un coût de personnel et des valeurs déclarées ne mesurent pas la même chose.',
    columns: {
      figure: 'Chiffre',
      nature: 'Ce que c’est',
      base: 'Base',
      caution: 'Précaution',
    },
    figures: {
      'cout-evite-net': {
        nature: 'Un effet estimé',
        base: 'Ce qu’aurait coûté l’alternative de chaque échange (règles ci-dessous), × la part substituée s, net des contreparties versées, moins les trajets de tous les échanges et l’énergie des salles prêtées.',
        caution:
          'Ne pas le lire comme une dépense constatée : c’est une estimation, avec sa fourchette, et il peut être négatif.',
      },
      'valeur-benevolat': {
        nature: 'Une valorisation conventionnelle, pas une économie',
        base: 'Heures bénévoles échangées × valeur conventionnelle d’une heure (SMIC chargé au centre).',
        caution:
          'Ne pas l’ajouter aux comptes des associations : elles la portent peut-être déjà en contributions volontaires en nature (comptes 86 et 87).',
      },
      'valeur-personnel': {
        nature: 'Un coût',
        base: 'Coût du personnel mis à disposition : la contrepartie refacturée quand elle est connue, sinon ETP-années × coût complet d’un ETP.',
        caution: 'Ne pas le lire comme une économie : la part refacturée au bénéficiaire n’en est pas une.',
      },
      'valeur-marche-declaree': {
        nature: 'Une déclaration',
        base: 'Somme des valeurs de marché déclarées par les associations, telles quelles, au prorata de la période ; leur nombre est donné à côté.',
        caution:
          'Ne pas la comparer au coût évité comme une mesure : ni contrefactuel ni coefficient, et seuls les échanges qui déclarent une valeur y sont.',
      },
    },
    reinvoiced: 'Dont refacturé au bénéficiaire :',
    noSum:
      'Aucune « valeur totale » n’est publiée : ces quatre montants ne s’additionnent pas, et aucun n’est ajouté à un autre.',
    wordsTitle: 'Réalisations et effets estimés',
    outputsTerm: 'Réalisations',
    outputs:
      'Ce qui a été fait et compté, tel que déclaré : échanges, heures, partenariats, bénéficiaires, personnel mis à disposition. Un compte, pas un effet.',
    effectsTerm: 'Effets estimés',
    effects:
      'Ce que les échanges ont probablement évité, estimé par une règle contrefactuelle et des coefficients, toujours avec une fourchette : coût évité, émissions évitées, matière évitée.',
    valuationsTerm: 'Valorisations',
    valuations:
      'Des réalisations traduites en euros à un taux conventionnel ou à leur coût : ni une économie ni un effet.',
    impactTerm: '« Impact »',
    impact:
      'Le mot n’est employé pour aucun de ces chiffres. Un impact, au sens du Conseil supérieur de l’économie sociale et solidaire, est un changement durable attribuable à l’action : aucun chiffre de Symbiose ne le mesure. Aucun ratio de type SROI n’est publié ; le rapport aux subventions est un contexte.',
  },
  counterfactual: {
    title: 'Ce qui se serait passé sans l’échange',
    intro: [
      'Chaque échange est comparé à ce que le bénéficiaire aurait fait sans lui. Il y a une seule règle par type de ressource et modalité, écrite une fois (',
      { code: 'src/indicators/method/counterfactuals.ts' },
      ') et appliquée de même au coût évité (€), au carbone évité (kgCO₂e) et à la matière évitée (kg). Les règles sont lues dans l’ordre : un échange suit la première qui lui correspond.',
    ],
    caption: (rules) => `Les ${rules} règles contrefactuelles, dans l’ordre où elles s’appliquent.`,
    columns: {
      rule: 'Règle',
      types: 'Types de ressource',
      modalities: 'Modalités',
      alternative: 'Alternative sans l’échange',
    },
    anyModality: 'toutes',
    modalities: {
      pret: 'prêt',
      don: 'don',
      mise_a_disposition: 'mise à disposition',
      co_realisation: 'co-réalisation',
    },
    sql: 'SQL de la règle',
    sqlColumns: {
      cost: 'Coût (€)',
      manufacturing: 'Fabrication évitée (kgCO₂e)',
      premises: 'Salle évitée (kgCO₂e)',
      matter: 'Matière évitée (kg)',
    },
    sqlNote: [
      'Avant la part substituée s et le facteur de donnée ; ',
      { code: 'q' },
      ' : quantités de l’échange, ',
      { code: 'b' },
      ' : coefficients de la catégorie du bien (voir « Calcul par échange »).',
    ],
    commonTitle: 'Règles communes au coût et au carbone',
    substitution: {
      term: 'Part substituée s',
      detail: [
        'Chaque valeur évitée (€, kgCO₂e, kg) est multipliée par s, selon la réponse du bénéficiaire à « aurait acheté » (',
        { code: 'aurait_achete' },
        '). Déclarée après coup, la réponse est incertaine : s a sa propre fourchette, qui entre dans celle du chiffre.',
      ],
    },
    answersCaption: 'Part substituée s selon la réponse « aurait acheté » (fichier des coefficients).',
    answerColumns: { answer: 'Réponse', central: 's central', range: 'Bas – haut' },
    answers: { oui: 'oui', partiel: 'en partie', non: 'non', inconnu: 'sans réponse' },
    declared: {
      term: 'Valeur déclarée, contreparties',
      detail: [
        'Une valeur de marché déclarée (',
        { code: 'valeur_marche_eur' },
        ') remplace le coût de l’alternative ; la contrepartie versée (',
        { code: 'contrepartie_eur' },
        ') en est déduite avant s, sans descendre sous zéro.',
      ],
    },
    transport: {
      term: 'Trajets de tous les échanges',
      detail: [
        'L’aller-retour de chaque échange, quel que soit son type, est soustrait : son coût (km × coût au km, rien à pied, à vélo ou sans trajet) du coût évité net, ses émissions (km × facteur du mode, voiture sans mode déclaré) du bilan carbone. Sans distance déclarée : 2 × facteur de détour × distance entre les communes.',
      ],
    },
    energy: {
      term: 'Énergie des salles prêtées',
      detail: [
        'La salle prêtée est chauffée et éclairée pendant l’usage quoi qu’aurait fait le bénéficiaire : son énergie (m² × heures × kWh par m²·h) est soustraite, sans s, du coût évité net (× prix du kWh) et du bilan carbone (× facteur d’émission du kWh).',
      ],
    },
    coefficients: 'Coefficients :',
  },
  quality: {
    title: 'Qualité des données',
    intro: [
      'Chaque échange porte un statut de qualité (',
      { code: 'statut_donnee' },
      ' ; sans statut, il est « déclaré »). Le statut élargit ou resserre la fourchette des chiffres ; il ne change pas leur valeur centrale.',
    ],
    caption: 'Statuts de qualité et facteur de donnée (fichier des coefficients).',
    columns: {
      tier: 'Statut',
      meaning: 'Signification',
      factor: 'Facteur central',
      range: 'Bas – haut',
    },
    tiers: {
      declare: 'Déclaré par une association',
      confirme: 'Confirmé par l’association partenaire',
      verifie: 'Vérifié par le coordinateur de l’enquête',
    },
    factorTerm: 'Facteur de donnée',
    factor: [
      'Le facteur de donnée multiplie toutes les valeurs de l’échange, valeurs de marché déclarées comprises : 1 dans le calcul central, ses bornes dans les calculs bas et haut (coefficients ',
      { code: 'facteur_donnee.*' },
      ').',
    ],
    filterTerm: (label) => `Filtre « ${label} »`,
    filter:
      'Le tableau de bord recalcule les chiffres sur les seuls échanges d’un statut au moins (paramètre $8 des requêtes) :',
    indicatorsTerm: 'Indicateurs',
  },
  uncertainty: {
    title: 'Incertitude',
    terms: {
      intervals: {
        term: 'Propagation par intervalles',
        detail: [
          'Un chiffre qui dépend de coefficients est donné avec une fourchette. Le calcul bas prend chaque coefficient et chaque facteur de donnée à la borne qui diminue le chiffre (la borne haute pour une durée de vie, qui divise ; pour une composante soustraite, comme les trajets, la borne qui l’augmente) ; le calcul haut prend l’autre borne.',
        ],
      },
      envelope: {
        term: 'Une enveloppe prudente',
        detail: [
          'Toutes les bornes défavorables sont prises ensemble : la fourchette est plus large qu’un intervalle probabiliste (à 90 % par exemple), où les écarts se compensent en partie. Elle ne dit pas que toutes ses valeurs sont également probables, mais qu’aucune combinaison des bornes publiées n’en sort.',
        ],
      },
      why: {
        term: 'Pourquoi ce choix',
        detail: [
          'Il est vérifiable et reproductible : trois calculs déterministes (bas, central, haut) par les mêmes requêtes SQL, sans tirage aléatoire ni loi de probabilité à supposer pour chaque coefficient ; chaque borne se retrouve à partir du fichier des coefficients.',
        ],
      },
      oneAtATime: {
        term: 'Un paramètre à la fois',
        detail: [
          'Pour voir ce qui fait bouger un chiffre, chaque paramètre du fichier des coefficients est mis à sa borne basse puis haute, les autres restant au centre (diagramme en tornade) : les barres les plus longues désignent les hypothèses à documenter d’abord. « Aurait acheté » et la qualité des données varient réponse par réponse et statut par statut (« sans réponse », « déclarés »…), pour voir laquelle pèse. Un paramètre qui entre à la fois dans ce qui est ajouté et dans ce qui est retranché (le facteur de qualité, l’énergie des salles) est pris à la borne qui baisse puis à celle qui monte le chiffre : sa barre est une enveloppe, pas un seul réglage. Ces écarts ne s’additionnent pas pour donner la fourchette.',
        ],
      },
      dominance: (threshold) => ({
        term: 'Un échange qui domine',
        detail: [
          `Pour un chiffre qui est une somme sur les échanges, la part d’un échange est |sa contribution| ÷ Σ |contributions|. Quand un seul échange dépasse ${threshold} du chiffre, celui-ci est signalé : il décrit cet échange plus que la coopération de la zone.`,
        ],
      }),
    },
  },
  tornado: {
    title: 'Ce qui fait bouger les chiffres : le territoire de démonstration',
    intro: (name, period) =>
      `Calculé à la construction du site sur le jeu de démonstration « ${name} », pour tout le territoire, sur toute sa période (${period}) et sans filtre.`,
    missing: [
      'Le jeu de démonstration (',
      { code: 'public/data/demo' },
      ') manquait quand le site a été construit : le diagramme n’a pas pu être calculé. Lancer ',
      { code: 'npm run demo' },
      ' puis reconstruire le site.',
    ],
    value: 'Valeur centrale',
    range: 'fourchette',
    caption: (figure) =>
      `${figure} : le chiffre quand un seul paramètre va de sa borne basse à sa borne haute.`,
    columns: { parameter: 'Paramètre', swing: 'Écart', values: 'Chiffre, paramètre en bas puis en haut' },
    centralLine: 'trait vertical : valeur centrale',
    zero: 'pointillés : zéro',
    strongest: (parameter, range) =>
      `Le paramètre qui pèse le plus est « ${parameter} » : à lui seul, il fait aller le chiffre de ${range}.`,
    none: 'Aucun paramètre ne fait bouger ce chiffre.',
    exchanges: (share, count) =>
      `L’échange qui pèse le plus en fait ${share} (${count} échanges y contribuent)`,
    dominated: (threshold) => ` : plus de ${threshold}, le chiffre est signalé.`,
    notDominated: (threshold) => ` : aucun ne dépasse ${threshold}.`,
  },
  time: {
    title: 'Temps',
    belongs: {
      term: 'Appartenance à une période',
      detail: [
        'Un échange appartient à toute période que ses jours touchent, de ',
        { code: 'date_debut' },
        ' à ',
        { code: 'date_fin' },
        ' (un seul jour sans date de fin).',
      ],
    },
    proRata: {
      term: 'Quantités au prorata',
      detail: [
        'Ses quantités (euros, heures, kgCO₂e, kg, ETP) sont réparties également sur ses jours : une période compte la part de ses jours qui y tombent. Un prêt de toute l’année compte pour un quart dans chaque trimestre, et non en entier dans son premier mois.',
      ],
    },
    proRataSql: 'Part de l’échange dans la période ($1 début, $2 fin) :',
    counts: {
      term: 'Comptes entiers',
      detail: [
        'Les comptes (échanges, bénéficiaires, partenariats, associations) ne sont pas répartis : un échange compte en entier dans chaque période qu’il touche. Un échange à cheval sur deux trimestres est donc compté dans chacun.',
      ],
    },
    recurrent: {
      term: 'Échanges réguliers',
      detail: [
        'Le champ ',
        { code: 'recurrent' },
        ' (l’usage hebdomadaire d’une salle, un prêt renouvelé…) alimente l’indicateur « Échanges réguliers ». Il ne multiplie aucune quantité : un échange régulier est déclaré avec sa quantité totale, répartie sur ses jours.',
      ],
    },
    valuesTerm: (date) => `Valeurs de quelle année (valeurs au ${date})`,
  },
  changelog: {
    title: 'Versions de la méthode',
    intro: (version, date) =>
      `La version de la méthode est celle du fichier des coefficients : ${version}, du ${date}. Elle est donnée avec chaque chiffre exporté.`,
    log: 'Journal des versions des coefficients',
  },
};

const en: MethodV2Texts = {
  version: (version) => `method ${version}`,
  versionTitle: 'Version of the method (coefficient file): see the version log',
  published: {
    title: 'What Symbiose publishes',
    intro:
      'Symbiose publishes separate figures, each on its own basis. They are never added into one euro sum: an avoided cost, a conventional valuation of time, a staff cost and declared values do not measure the same thing.',
    columns: {
      figure: 'Figure',
      nature: 'What it is',
      base: 'Basis',
      caution: 'Caution',
    },
    figures: {
      'cout-evite-net': {
        nature: 'An estimated effect',
        base: 'What each exchange’s alternative would have cost (rules below), × the substituted share s, net of payments made, minus the trips of every exchange and the energy of lent rooms.',
        caution:
          'Do not read it as an observed expense: it is an estimate, with its range, and it can be negative.',
      },
      'valeur-benevolat': {
        nature: 'A conventional valuation, not a saving',
        base: 'Volunteer hours exchanged × a conventional value of an hour (loaded minimum wage at the centre).',
        caution:
          'Do not add it to the associations’ accounts: they may already carry it as voluntary contributions in kind (accounts 86 and 87).',
      },
      'valeur-personnel': {
        nature: 'A cost',
        base: 'Cost of the staff made available: the compensation re-invoiced when known, else FTE-years × full cost of an FTE.',
        caution: 'Do not read it as a saving: the part re-invoiced to the receiver is none.',
      },
      'valeur-marche-declaree': {
        nature: 'A declaration',
        base: 'Sum of the market values declared by the associations, as declared, pro rata of the period; their number is given beside.',
        caution:
          'Do not compare it with the avoided cost as a measurement: no counterfactual, no coefficient, and only the exchanges that declare a value are in it.',
      },
    },
    reinvoiced: 'Of which re-invoiced to the receiver:',
    noSum: 'No « total value » is published: these four amounts do not add up, and none is added to another.',
    wordsTitle: 'Outputs and estimated effects',
    outputsTerm: 'Outputs',
    outputs:
      'What was done and counted, as declared: exchanges, hours, partnerships, beneficiaries, staff made available. A count, not an effect.',
    effectsTerm: 'Estimated effects',
    effects:
      'What the exchanges probably avoided, estimated with a counterfactual rule and coefficients, always with a range: avoided cost, avoided emissions, avoided material.',
    valuationsTerm: 'Valuations',
    valuations:
      'Outputs put into euros at a conventional rate or at their cost: neither a saving nor an effect.',
    impactTerm: '« Impact »',
    impact:
      'The word is used for none of these figures. An impact, in the sense of France’s Higher Council for the Social and Solidarity Economy (CSESS), is a lasting change attributable to the action: no figure of Symbiose measures one. No SROI-type ratio is published; the ratio to grants is context.',
  },
  counterfactual: {
    title: 'What would have happened without the exchange',
    intro: [
      'Each exchange is compared with what the receiver would have done without it. There is one rule per resource type and modality, written once (',
      { code: 'src/indicators/method/counterfactuals.ts' },
      ') and applied alike to the avoided cost (€), the avoided carbon (kgCO₂e) and the avoided material (kg). The rules are read in order: an exchange follows the first that matches it.',
    ],
    caption: (rules) => `The ${rules} counterfactual rules, in the order they apply.`,
    columns: {
      rule: 'Rule',
      types: 'Resource types',
      modalities: 'Modalities',
      alternative: 'Alternative without the exchange',
    },
    anyModality: 'all',
    modalities: {
      pret: 'loan',
      don: 'gift',
      mise_a_disposition: 'made available',
      co_realisation: 'joint production',
    },
    sql: 'SQL of the rule',
    sqlColumns: {
      cost: 'Cost (€)',
      manufacturing: 'Manufacturing avoided (kgCO₂e)',
      premises: 'Room avoided (kgCO₂e)',
      matter: 'Material avoided (kg)',
    },
    sqlNote: [
      'Before the substituted share s and the data factor; ',
      { code: 'q' },
      ': the exchange’s quantities, ',
      { code: 'b' },
      ': the coefficients of the goods’ category (see « Computation per exchange »).',
    ],
    commonTitle: 'Rules common to cost and carbon',
    substitution: {
      term: 'Substituted share s',
      detail: [
        'Each avoided value (€, kgCO₂e, kg) is multiplied by s, according to the receiver’s answer to « would have bought » (',
        { code: 'aurait_achete' },
        '). Declared after the fact, the answer is uncertain: s has its own range, which enters the figure’s.',
      ],
    },
    answersCaption: 'Substituted share s by the answer « would have bought » (coefficient file).',
    answerColumns: { answer: 'Answer', central: 'Central s', range: 'Low – high' },
    answers: { oui: 'yes', partiel: 'partly', non: 'no', inconnu: 'no answer' },
    declared: {
      term: 'Declared value, payments',
      detail: [
        'A declared market value (',
        { code: 'valeur_marche_eur' },
        ') replaces the cost of the alternative; the compensation paid (',
        { code: 'contrepartie_eur' },
        ') is deducted from it before s, never below zero.',
      ],
    },
    transport: {
      term: 'Trips of every exchange',
      detail: [
        'The round trip of each exchange, whatever its type, is subtracted: its cost (km × cost per km, nothing on foot, by bike or without travel) from the net avoided cost, its emissions (km × factor of the mode, car when no mode is declared) from the carbon balance. Without a declared distance: 2 × detour factor × distance between the communes.',
      ],
    },
    energy: {
      term: 'Energy of lent rooms',
      detail: [
        'The lent room is heated and lit during the use whatever the receiver would have done: its energy (m² × hours × kWh per m²·h) is subtracted, without s, from the net avoided cost (× price of a kWh) and from the carbon balance (× emission factor of a kWh).',
      ],
    },
    coefficients: 'Coefficients:',
  },
  quality: {
    title: 'Data quality',
    intro: [
      'Each exchange carries a quality tier (',
      { code: 'statut_donnee' },
      '; without one, it is « declared »). The tier widens or narrows the range of the figures; it does not change their central value.',
    ],
    caption: 'Quality tiers and data factor (coefficient file).',
    columns: {
      tier: 'Tier',
      meaning: 'Meaning',
      factor: 'Central factor',
      range: 'Low – high',
    },
    tiers: {
      declare: 'Declared by one association',
      confirme: 'Confirmed by the partner association',
      verifie: 'Verified by the survey’s coordinator',
    },
    factorTerm: 'Data factor',
    factor: [
      'The data factor multiplies every value of the exchange, declared market values included: 1 in the central run, its bounds in the low and high runs (coefficients ',
      { code: 'facteur_donnee.*' },
      ').',
    ],
    filterTerm: (label) => `Filter « ${label} »`,
    filter:
      'The dashboard computes the figures again on the exchanges of a tier at least (parameter $8 of the queries):',
    indicatorsTerm: 'Indicators',
  },
  uncertainty: {
    title: 'Uncertainty',
    terms: {
      intervals: {
        term: 'Propagation by intervals',
        detail: [
          'A figure that depends on coefficients is given with a range. The low run takes each coefficient and each data factor at the bound that lowers the figure (the high bound for a lifetime, which divides; for a subtracted part, such as trips, the bound that raises it); the high run takes the other bound.',
        ],
      },
      envelope: {
        term: 'A conservative envelope',
        detail: [
          'All unfavourable bounds are taken together: the range is wider than a probabilistic interval (at 90 %, say), where deviations partly cancel out. It does not say that all its values are equally likely, but that no combination of the published bounds falls outside it.',
        ],
      },
      why: {
        term: 'Why this choice',
        detail: [
          'It is auditable and reproducible: three deterministic runs (low, central, high) by the same SQL queries, with no random draw and no probability law to assume for each coefficient; every bound can be found again from the coefficient file.',
        ],
      },
      oneAtATime: {
        term: 'One parameter at a time',
        detail: [
          'To see what moves a figure, each parameter of the coefficient file is set to its low then its high bound, the others staying central (a tornado chart): the longest bars point to the assumptions to document first. « Would have bought » and data quality move answer by answer and tier by tier (« no answer », « declared »…), to see which one weighs. A parameter that enters both what is added and what is subtracted (the data factor, room energy) is taken at the bound that lowers then at the one that raises the figure: its bar is an envelope, not one setting. These swings do not add up to the range.',
        ],
      },
      dominance: (threshold) => ({
        term: 'One exchange that dominates',
        detail: [
          `For a figure that is a sum over exchanges, an exchange’s share is |its contribution| ÷ Σ |contributions|. When one exchange is more than ${threshold} of the figure, the figure is flagged: it describes that exchange more than the zone’s cooperation.`,
        ],
      }),
    },
  },
  tornado: {
    title: 'What moves the figures: the demo territory',
    intro: (name, period) =>
      `Computed when the site was built, on the demo dataset « ${name} », for the whole territory, over its whole period (${period}) and without filters.`,
    missing: [
      'The demo dataset (',
      { code: 'public/data/demo' },
      ') was missing when the site was built: the chart could not be computed. Run ',
      { code: 'npm run demo' },
      ', then build the site again.',
    ],
    value: 'Central value',
    range: 'range',
    caption: (figure) =>
      `${figure}: the figure when one parameter alone goes from its low to its high bound.`,
    columns: { parameter: 'Parameter', swing: 'Swing', values: 'Figure, parameter low then high' },
    centralLine: 'vertical line: central value',
    zero: 'dotted: zero',
    strongest: (parameter, range) =>
      `The parameter that weighs most is « ${parameter} »: on its own, it moves the figure from ${range}.`,
    none: 'No parameter moves this figure.',
    exchanges: (share, count) =>
      `The exchange that weighs most makes ${share} of it (${count} exchanges contribute)`,
    dominated: (threshold) => `: above ${threshold}, the figure is flagged.`,
    notDominated: (threshold) => `: none is above ${threshold}.`,
  },
  time: {
    title: 'Time',
    belongs: {
      term: 'Belonging to a period',
      detail: [
        'An exchange belongs to every period its days overlap, from ',
        { code: 'date_debut' },
        ' to ',
        { code: 'date_fin' },
        ' (one day without an end date).',
      ],
    },
    proRata: {
      term: 'Quantities pro rata',
      detail: [
        'Its quantities (euros, hours, kgCO₂e, kg, FTE) are spread evenly over its days: a period counts the share of its days that fall in it. A year-long loan counts one quarter in each quarter, not all of it in its first month.',
      ],
    },
    proRataSql: 'Share of the exchange in the period ($1 start, $2 end):',
    counts: {
      term: 'Whole counts',
      detail: [
        'Counts (exchanges, beneficiaries, partnerships, associations) are not spread: an exchange counts whole in every period it overlaps. An exchange across two quarters is therefore counted in each.',
      ],
    },
    recurrent: {
      term: 'Regular exchanges',
      detail: [
        'The field ',
        { code: 'recurrent' },
        ' (weekly use of a room, a renewed loan…) feeds the indicator « Regular exchanges ». It multiplies no quantity: a regular exchange is declared with its total quantity, spread over its days.',
      ],
    },
    valuesTerm: (date) => `Which year’s values (values at ${date})`,
  },
  changelog: {
    title: 'Versions of the method',
    intro: (version, date) =>
      `The version of the method is that of the coefficient file: ${version}, of ${date}. It is given with every exported figure.`,
    log: 'Version log of the coefficients (in French)',
  },
};

export const methodV2Texts: Readonly<Record<'fr' | 'en', MethodV2Texts>> = { fr, en };
