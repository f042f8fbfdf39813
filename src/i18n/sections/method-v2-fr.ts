/* The French texts of the method page's v2 sections (method-v2.ts: what each one says). */
import type { MethodV2Texts } from './method-v2.ts';

export const methodV2Fr: MethodV2Texts = {
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
