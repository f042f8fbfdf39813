import type { Scenario } from '../../data/method/coefficients.ts';
import type { IndicatorDefinition, PartReader } from '../types.ts';
import { both, net, part, ratio } from './helpers.ts';

const MATERIAL_FIELDS = [
  'echanges.type_ressource',
  'echanges.quantite',
  'echanges.unite',
  'echanges.categorie_bien',
  'echanges.modalite',
  'echanges.duree_heures',
  'echanges.valeur_marche_eur',
];

/**
 * F2, net avoided cost: what the alternatives would have cost (× s, net of payments), minus the
 * trips of every exchange and the energy of the rooms lent. Volunteer time (F3) and staff (F4) are
 * separate figures with their own bases: never added to it (method v2).
 */
const netAvoidedCost = net(['valeur_substituee'], ['cout_transport', 'energie_locaux']);

const NET_PARTS = ['valeur_substituee', 'cout_transport', 'energie_locaux'] as const;

/**
 * Financial indicators (methodology §2, F1–F6) and the declared market values: three figures on
 * three bases (avoided cost, volunteer time, staff at cost), never one euro sum.
 */
export const FINANCIAL_INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'cout-evite-brut',
    ref: 'F1',
    family: 'financier',
    label: both('Coût évité brut', 'Gross avoided cost'),
    unit: both('€', '€'),
    formula: both(
      'Σ f × w × coût de l’alternative (règles contrefactuelles) : la valeur déclarée (valeur_marche_eur) quand elle l’est ; sinon heures ou jours de salle × tarif, unités × min(jours × location, prix neuf) pour un prêt, unités × prix neuf × part de vie restante pour un don, jours × location + km × prix au km pour un véhicule ; f = facteur de qualité de la donnée, w = part des jours de l’échange dans la période.',
      'Σ f × w × cost of the alternative (counterfactual rules): the declared value (valeur_marche_eur) when there is one; else hours or days of room × rate, units × min(days × rent, new price) for a loan, units × new price × remaining share of life for a gift, days × rent + km × price per km for a vehicle; f = data quality factor, w = share of the exchange’s days in the period.',
    ),
    reading: both(
      'Ce qu’auraient coûté, au prix du marché, les locaux, le matériel et les véhicules échangés : plus il est élevé, plus les ressources partagées sont importantes. Un total, qui grandit avec la taille de la zone. Ne dit pas ce qui a été économisé (voir le coût évité net) : il compte aussi ce que personne n’aurait acheté.',
      'What the premises, equipment and vehicles exchanged would have cost at market price: the higher, the larger the shared resources. A total, which grows with the size of the zone. Does not say what was saved (see the net avoided cost): it also counts what nobody would have bought.',
    ),
    fields: MATERIAL_FIELDS,
    caveats: both(
      'Valeur brute, avant additionnalité : ce n’est pas une économie réelle. Les ressources « temps » sont valorisées par F3 et F4.',
      'Gross value, before additionality: not an actual saving. Time resources are valued by F3 and F4.',
    ),
    parts: ['valeur_brute'],
    percent: false,
    total: true,
    decimals: 0,
    value: part('valeur_brute'),
  },
  {
    id: 'cout-evite-net',
    balance: true,
    ref: 'F2',
    family: 'financier',
    label: both('Coût évité net', 'Net avoided cost'),
    unit: both('€', '€'),
    formula: both(
      'Σ s × max(0, F1 − contrepartie versée) − coût des trajets de tous les échanges − énergie des salles prêtées ; s = part substituée selon « aurait acheté » (oui 0,7 à 1, partiel 0,25 à 0,75, non 0 à 0,2, sans réponse 0 à 1) ; trajets = f × w × km aller-retour × coût au km (0 à pied, à vélo ou sans trajet) ; énergie = f × w × m² × heures × kWh par m²·h × prix du kWh.',
      'Σ s × max(0, F1 − compensation paid) − travel cost of every exchange − energy of the rooms lent; s = substituted share from « would have bought » (yes 0.7 to 1, partly 0.25 to 0.75, no 0 to 0.2, no answer 0 to 1); travel = f × w × round-trip km × cost per km (0 on foot, by bike or without travel); energy = f × w × m² × hours × kWh per m²·h × price of a kWh.',
    ),
    reading: both(
      'Positif : la somme que les associations ont économisée, une fois déduits les achats qu’elles n’auraient pas faits, les contreparties, les trajets et l’énergie des salles prêtées ; négatif : ces coûts ont dépassé ce qui a été économisé. Comparable entre zones de même taille seulement (voir par habitant). Ne montre ni le temps bénévole ni le personnel partagé, chiffrés à part.',
      'Positive: the amount associations saved, after removing purchases they would not have made, payments, travel and the energy of lent rooms; negative: these costs exceeded what was saved. Comparable only between zones of similar size (see per inhabitant). Does not show volunteer time or shared staff, valued apart.',
    ),
    fields: [
      ...MATERIAL_FIELDS,
      'echanges.aurait_achete',
      'echanges.contrepartie_eur',
      'echanges.distance_km',
      'echanges.mode_transport',
      'echanges.surface_m2',
      'echanges.statut_donnee',
    ],
    caveats: both(
      'Une estimation des effets, pas une dépense constatée : « aurait acheté » est déclaré après coup. Point de vue : l’économie du bénéficiaire (ce qu’il aurait payé moins ce qu’il a versé), moins les coûts que l’échange fait naître chez l’un ou l’autre (trajets, énergie de la salle prêtée) ; la contrepartie reçue par le prêteur n’est pas comptée comme un gain. Peut être négatif, par exemple dans une zone qui n’échange que du temps (ses trajets comptent, le temps est chiffré à part). Le déplacement d’un usager payant (salle prêtée) est ignoré à l’échelle du territoire.',
      'An estimate of effects, not an observed expense: « would have bought » is declared after the fact. Point of view: the receiver’s saving (what it would have paid minus what it paid), minus the costs the exchange creates for either party (travel, energy of the lent room); the compensation the lender receives is not counted as a gain. May be negative, e.g. in a zone that only exchanges time (its trips count, time is valued apart). Displacement of a paying user (a lent room) is ignored at territory scale.',
    ),
    parts: [...NET_PARTS],
    percent: false,
    total: true,
    decimals: 0,
    value: netAvoidedCost,
  },
  {
    id: 'valeur-benevolat',
    ref: 'F3',
    family: 'financier',
    label: both('Valeur du temps bénévole', 'Volunteer time value'),
    unit: both('€', '€'),
    formula: both(
      'Σ f × w × heures bénévoles × valeur d’une heure de bénévolat (les heures de S10, avec le facteur de qualité de la donnée f).',
      'Σ f × w × volunteer hours × value of a volunteer hour (the hours of S10, with the data quality factor f).',
    ),
    reading: both(
      'Le temps bénévole échangé, valorisé à un taux conventionnel : plus il est élevé, plus l’apport en temps est important. Ce n’est pas de l’argent économisé et il ne s’ajoute pas au coût évité.',
      'The volunteer time exchanged, valued at a conventional rate: the higher, the larger the contribution in time. It is not money saved and is not added to the avoided cost.',
    ),
    fields: ['echanges.heures_benevoles', 'echanges.statut_donnee'],
    caveats: both(
      'Une valorisation conventionnelle (SMIC horaire chargé), pas une dépense évitée. Les associations valorisent parfois déjà ce temps dans leurs comptes (contributions volontaires en nature, comptes 86 et 87) : ne pas l’additionner à leurs comptes.',
      'A conventional valuation (loaded hourly minimum wage), not an expense avoided. Associations sometimes already value this time in their accounts (voluntary contributions in kind, accounts 86 and 87): do not add it to their accounts.',
    ),
    parts: ['valeur_benevolat'],
    percent: false,
    total: true,
    decimals: 0,
    value: part('valeur_benevolat'),
  },
  {
    id: 'valeur-personnel',
    ref: 'F4',
    family: 'financier',
    label: both('Valeur du personnel partagé', 'Shared staff value'),
    unit: both('€', '€'),
    formula: both(
      'Σ f × w × coût du personnel mis à disposition : ETP-années × coût complet d’un ETP ; sans ETP déclaré, le montant refacturé (un prêt de personnel à but non lucratif est refacturé au coût réel).',
      'Σ f × w × cost of the staff made available: FTE-years × full cost of an FTE; without a declared FTE, the amount re-invoiced (a non-profit loan of staff is re-invoiced at actual cost).',
    ),
    reading: both(
      'Le coût du personnel mis à disposition : plus il est élevé, plus l’emploi partagé pèse dans la coopération. La part refacturée au bénéficiaire (indicateur suivant) n’est pas une économie pour lui.',
      'The cost of the staff made available: the higher, the more shared employment weighs in cooperation. The part re-invoiced to the receiver (next indicator) is no saving for it.',
    ),
    fields: [
      'echanges.type_ressource',
      'echanges.quantite',
      'echanges.unite',
      'echanges.etp_partages',
      'echanges.contrepartie_eur',
    ],
    caveats: both(
      'Un prêt de personnel à but non lucratif est refacturé au coût réel (Code du travail, L8241-1 et -2).',
      'A non-profit loan of staff is re-invoiced at actual cost (Labour Code, L8241-1 and -2).',
    ),
    parts: ['valeur_personnel'],
    percent: false,
    total: true,
    decimals: 0,
    value: part('valeur_personnel'),
  },
  {
    id: 'personnel-refacture',
    ref: '',
    family: 'financier',
    label: both('Personnel partagé refacturé', 'Shared staff re-invoiced'),
    unit: both('€', '€'),
    formula: both(
      'Σ f × w × min(contrepartie versée, coût du personnel) pour le personnel mis à disposition : jamais plus que la valeur du personnel partagé.',
      'Σ f × w × min(compensation paid, cost of the staff) for staff made available: never more than the shared staff value.',
    ),
    reading: both(
      'La part du personnel partagé que le bénéficiaire a payée : proche de la valeur du personnel partagé, la mise à disposition n’a presque rien économisé ; faible, elle a été en grande partie offerte.',
      'The part of the shared staff the receiver paid for: close to the shared staff value, the loan saved almost nothing; low, it was largely given.',
    ),
    fields: ['echanges.contrepartie_eur', 'echanges.type_ressource'],
    caveats: both(
      'Déclaré ; sa fourchette vient de la qualité de la donnée et, quand la contrepartie dépasse le coût d’un ETP, de ce coût.',
      'Declared; its range comes from the data quality and, when the compensation exceeds the cost of an FTE, from that cost.',
    ),
    parts: ['personnel_refacture'],
    percent: false,
    total: true,
    decimals: 0,
    value: part('personnel_refacture'),
  },
  {
    id: 'valeur-marche-declaree',
    ref: '',
    family: 'financier',
    label: both('Valeur de marché déclarée', 'Declared market value'),
    unit: both('€', '€'),
    formula: both(
      'Σ w × valeur_marche_eur, pour les échanges qui en déclarent une (leur nombre est donné à côté).',
      'Σ w × valeur_marche_eur, for the exchanges that declare one (their number is given beside).',
    ),
    reading: both(
      'La somme des valeurs que les associations ont elles-mêmes déclarées, telle quelle : ni contrefactuel ni coefficient. Elle ne couvre que les échanges où une valeur est déclarée.',
      'The sum of the values the associations declared themselves, as is: no counterfactual, no coefficient. It covers only the exchanges where a value is declared.',
    ),
    fields: ['echanges.valeur_marche_eur'],
    caveats: both(
      'Déclaratif : à lire avec la part des échanges qui déclarent une valeur.',
      'Declared: read with the share of exchanges that declare a value.',
    ),
    parts: ['valeur_marche_declaree', 'echanges_valeur_declaree'],
    percent: false,
    total: true,
    decimals: 0,
    value: part('valeur_marche_declaree'),
  },
  {
    id: 'cout-evite-par-habitant',
    balance: true,
    ref: 'F5',
    family: 'financier',
    label: both('Coût évité net par habitant', 'Net avoided cost per inhabitant'),
    unit: both('€ par habitant', '€ per inhabitant'),
    formula: both('F2 ÷ population municipale.', 'F2 ÷ municipal population.'),
    reading: both(
      'Le coût évité net rapporté à la population, pour comparer des zones de tailles différentes : 2 € veut dire 2 € économisés par habitant sur la période. Le temps bénévole et le personnel partagé n’y sont pas.',
      'The net avoided cost relative to population, to compare zones of different sizes: €2 means €2 saved per inhabitant over the period. Volunteer time and shared staff are not in it.',
    ),
    fields: ['communes.population'],
    caveats: null,
    parts: [...NET_PARTS, 'population'],
    percent: false,
    total: false,
    decimals: 2,
    value: (p: PartReader, scenario: Scenario) =>
      ratio(netAvoidedCost(p, scenario), p('population', scenario)),
  },
  {
    id: 'ratio-subventions',
    ref: 'F6',
    family: 'financier',
    label: both(
      'Coût évité rapporté aux subventions (contexte)',
      'Avoided cost relative to grants (context)',
    ),
    unit: both('€ évité par € de subvention en numéraire', '€ avoided per € of cash grant'),
    formula: both(
      'F2 ÷ subventions en numéraire reçues par les associations de la zone sur la période (montant × pourcentage, SCDL, aides en nature exclues).',
      'F2 ÷ cash grants received by the zone’s associations in the period (amount × percentage, SCDL, in-kind support excluded).',
    ),
    reading: both(
      'Un ordre de grandeur : 0,1 veut dire que la coopération a évité 10 centimes de dépenses pour chaque euro de subvention reçu sur la période. Ce n’est ni un rendement des subventions ni un SROI.',
      'An order of magnitude: 0.1 means cooperation avoided 10 cents of spending for each euro of grant received in the period. It is neither a return on grants nor an SROI.',
    ),
    fields: [
      'subventions.montant',
      'subventions.pourcentageSubvention',
      'subventions.dateConvention',
      'subventions.nature',
    ],
    caveats: both(
      'Un contexte, pas une causalité : la subvention ne « produit » pas ce coût évité, et rien n’est ajouté à la subvention. Ce n’est pas un SROI : aucun scénario sans subvention (contrefactuel) n’est estimé. Les aides en nature sont montrées à part (signaux) et retirées du dénominateur. Avec un financeur choisi, le dénominateur est ce que ce financeur a versé aux associations de la zone.',
      'Context, not causality: the grant does not « produce » this avoided cost, and nothing is added to the grant. It is not an SROI: no scenario without the grant (counterfactual) is estimated. In-kind support is shown apart (signals) and removed from the denominator. With a funder chosen, the denominator is what this funder paid to the zone’s associations.',
    ),
    parts: [...NET_PARTS, 'subventions', 'subventions_nature_montant'],
    percent: false,
    total: false,
    decimals: 2,
    value: (p: PartReader, scenario: Scenario) => {
      const grants = p('subventions', scenario);
      const cash = grants === null ? null : grants - (p('subventions_nature_montant', scenario) ?? 0);
      return ratio(netAvoidedCost(p, scenario), cash);
    },
  },
];
