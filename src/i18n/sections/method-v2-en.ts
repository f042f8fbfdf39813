/* The English texts of the method page's v2 sections (method-v2.ts: what each one says). */
import type { MethodV2Texts } from './method-v2.ts';

export const methodV2En: MethodV2Texts = {
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
