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

/** F2 + F3 + F4: the value of the cooperation, each part counted once (see the conventions). */
const totalValue = net(['valeur_substituee', 'valeur_benevolat', 'valeur_personnel'], ['cout_transport']);

const TOTAL_PARTS = ['valeur_substituee', 'cout_transport', 'valeur_benevolat', 'valeur_personnel'] as const;

/** Financial indicators (methodology §2, F1–F6), plus the total value F2 + F3 + F4. */
export const FINANCIAL_INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'cout-evite-brut',
    ref: 'F1',
    family: 'financier',
    label: both('Coût évité brut', 'Gross avoided cost'),
    unit: both('€', '€'),
    formula: both(
      'Valeur de marché des ressources matérielles échangées (locaux, matériel, véhicules, autres) : la valeur déclarée (valeur_marche_eur) quand elle l’est ; sinon heures ou jours de salle × tarif, unités × min(jours × location, prix neuf) pour un prêt, unités × prix neuf × part d’occasion pour un don, jours × location + km × coût au km pour un véhicule.',
      'Market value of the material resources exchanged (premises, equipment, vehicles, other): the declared value (valeur_marche_eur) when there is one; else hours or days of room × rate, units × min(days × rent, new price) for a loan, units × new price × second-hand share for a gift, days × rent + km × cost per km for a vehicle.',
    ),
    reading: both(
      'Ce qu’auraient coûté, au prix du marché, les locaux, le matériel et les véhicules échangés : plus il est élevé, plus les ressources partagées sont importantes.',
      'What the premises, equipment and vehicles exchanged would have cost at market price: the higher, the larger the shared resources.',
    ),
    fields: MATERIAL_FIELDS,
    caveats: both(
      'Valeur brute, avant additionnalité : ce n’est pas une économie réelle. Les ressources « temps » sont valorisées par F3 et F4.',
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
      'Σ s × max(0, F1 − contrepartie versée) − coût des trajets ; s = part substituée selon « aurait acheté » (oui 1, partiel 0,5, non 0, inconnu 0,5) ; trajets = km aller-retour × coût au km.',
      'Σ s × max(0, F1 − compensation paid) − travel cost; s = substituted share from « would have bought » (yes 1, partly 0.5, no 0, unknown 0.5); travel = round-trip km × cost per km.',
    ),
    reading: both(
      'Positif : la somme que les associations ont réellement économisée, une fois déduits les achats qu’elles n’auraient pas faits, les contreparties et les trajets ; négatif : les trajets ont coûté plus que ce qui a été économisé.',
      'Positive: the amount associations really saved, after removing purchases they would not have made, payments and travel; negative: travel cost more than what was saved.',
    ),
    fields: [
      ...MATERIAL_FIELDS,
      'echanges.aurait_achete',
      'echanges.contrepartie_eur',
      'echanges.distance_km',
    ],
    caveats: both(
      'Peut être négatif si les trajets coûtent plus que ce qui est évité. Le déplacement d’un usager payant (salle prêtée) est ignoré à l’échelle du territoire.',
      'May be negative when travel costs more than what is avoided. Displacement of a paying user (a lent room) is ignored at territory scale.',
    ),
    parts: ['valeur_substituee', 'cout_transport'],
    percent: false,
    total: true,
    decimals: 0,
    value: net(['valeur_substituee'], ['cout_transport']),
  },
  {
    id: 'valeur-benevolat',
    ref: 'F3',
    family: 'financier',
    label: both('Valeur du temps bénévole', 'Volunteer time value'),
    unit: both('€', '€'),
    formula: both(
      'Heures bénévoles (S10) × valeur d’une heure de bénévolat.',
      'Volunteer hours (S10) × value of a volunteer hour.',
    ),
    reading: both(
      'Le temps bénévole échangé, valorisé à un coût horaire : plus il est élevé, plus l’apport en temps est important.',
      'The volunteer time exchanged, valued at an hourly cost: the higher, the larger the contribution in time.',
    ),
    fields: ['echanges.heures_benevoles'],
    caveats: both(
      'Une valorisation conventionnelle (SMIC chargé), pas une dépense évitée.',
      'A conventional valuation (loaded minimum wage), not an expense avoided.',
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
      'Pour le personnel mis à disposition : le coût refacturé (contrepartie) quand il est connu, sinon ETP-années × coût complet d’un ETP.',
      'For staff made available: the re-invoiced cost (compensation) when known, else FTE-years × full cost of an FTE.',
    ),
    reading: both(
      'Ce qu’a coûté ou aurait coûté le personnel mis à disposition : plus il est élevé, plus l’emploi partagé pèse dans la coopération.',
      'What the staff made available cost or would have cost: the higher, the more shared employment weighs in cooperation.',
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
    id: 'valeur-totale',
    balance: true,
    ref: '',
    family: 'financier',
    label: both('Valeur de la coopération', 'Value of cooperation'),
    unit: both('€', '€'),
    formula: both(
      'Coût évité net (F2) + temps bénévole (F3) + personnel partagé (F4).',
      'Net avoided cost (F2) + volunteer time (F3) + shared staff (F4).',
    ),
    reading: both(
      'La valeur économique de la coopération (ressources, temps bénévole, personnel), sans rien compter deux fois : plus elle est élevée, plus la coopération rapporte ; négative seulement si les trajets coûtent plus que les ressources économisées.',
      'The economic value of cooperation (resources, volunteer time, staff), with nothing counted twice: the higher, the more cooperation yields; negative only when travel costs more than the resources saved.',
    ),
    fields: [
      ...MATERIAL_FIELDS,
      'echanges.heures_benevoles',
      'echanges.etp_partages',
      'echanges.contrepartie_eur',
    ],
    caveats: both(
      'Chaque ressource n’est comptée qu’une fois : matériel en F2, temps en F3, personnel en F4.',
      'Each resource is counted once: material in F2, time in F3, staff in F4.',
    ),
    parts: [...TOTAL_PARTS],
    percent: false,
    total: true,
    decimals: 0,
    value: totalValue,
  },
  {
    id: 'valeur-par-habitant',
    balance: true,
    ref: 'F5',
    family: 'financier',
    label: both('Valeur par habitant', 'Value per inhabitant'),
    unit: both('€ par habitant', '€ per inhabitant'),
    formula: both('(F2 + F3 + F4) ÷ population municipale.', '(F2 + F3 + F4) ÷ municipal population.'),
    reading: both(
      'La valeur de la coopération rapportée à la population, pour comparer des zones de tailles différentes : 10 € veut dire 10 € de valeur par habitant sur la période.',
      'The value of cooperation relative to population, to compare zones of different sizes: €10 means €10 of value per inhabitant over the period.',
    ),
    fields: ['communes.population'],
    caveats: null,
    parts: [...TOTAL_PARTS, 'population'],
    percent: false,
    total: false,
    decimals: 2,
    value: (p: PartReader, scenario: Scenario) => ratio(totalValue(p, scenario), p('population', scenario)),
  },
  {
    id: 'ratio-subventions',
    ref: 'F6',
    family: 'financier',
    label: both('Valeur rapportée aux subventions', 'Value relative to grants'),
    unit: both('€ de valeur par € de subvention', '€ of value per € of grant'),
    formula: both(
      '(F2 + F3 + F4) ÷ subventions reçues par les associations de la zone sur la période (montant × pourcentage, SCDL).',
      '(F2 + F3 + F4) ÷ grants received by the zone’s associations in the period (amount × percentage, SCDL).',
    ),
    reading: both(
      'Au-dessus de 1 : la coopération entre associations produit plus de valeur que les subventions reçues sur la période ; 0,5 : moitié moins. Ce n’est pas un rendement des subventions.',
      'Above 1: cooperation between associations produces more value than the grants received in the period; 0.5: half as much. It is not a return on grants.',
    ),
    fields: ['subventions.montant', 'subventions.pourcentageSubvention', 'subventions.dateConvention'],
    caveats: both(
      'Un contexte, pas une causalité : la subvention ne « produit » pas cette valeur, et la valeur n’est pas ajoutée à la subvention. Ce n’est pas un SROI : aucun scénario sans subvention (contrefactuel) n’est estimé. Avec un financeur choisi, le dénominateur est ce que ce financeur a versé aux associations de la zone.',
      'Context, not causality: the grant does not « produce » this value, and the value is never added to the grant. It is not an SROI: no scenario without the grant (counterfactual) is estimated. With a funder chosen, the denominator is what this funder paid to the zone’s associations.',
    ),
    parts: [...TOTAL_PARTS, 'subventions'],
    percent: false,
    total: false,
    decimals: 2,
    value: (p: PartReader, scenario: Scenario) => ratio(totalValue(p, scenario), p('subventions', scenario)),
  },
];
