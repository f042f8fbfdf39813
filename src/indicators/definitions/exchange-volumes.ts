import type { IndicatorDefinition } from '../types.ts';
import { both, part, ratio } from './helpers.ts';

const DECLARED = both(
  'Déclaratif, non dédoublonné : une même personne peut être comptée par plusieurs échanges.',
  'Declared and not de-duplicated: one person may be counted by several exchanges.',
);

/**
 * What the declared exchanges add up to (methodology §2, S10–S12): volunteer hours, beneficiaries,
 * pooled staff, and the count of exchanges. Social family, listed after the cooperation network.
 */
export const EXCHANGE_VOLUME_INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'heures-benevoles',
    ref: 'S10',
    family: 'social',
    label: both('Heures bénévoles mises en commun', 'Volunteer hours pooled'),
    unit: both('heures', 'hours'),
    formula: both(
      'Somme des heures bénévoles déclarées par échange.',
      'Sum of the volunteer hours declared per exchange.',
    ),
    reading: both(
      'Le temps bénévole donné par une association à une autre : plus il est élevé, plus l’entraide en compétences et en bras est forte.',
      'Volunteer time given by one association to another: the higher, the more help in skills and hands.',
    ),
    fields: ['echanges.heures_benevoles'],
    caveats: DECLARED,
    parts: ['heures_benevoles'],
    percent: false,
    total: true,
    decimals: 0,
    value: part('heures_benevoles'),
  },
  {
    id: 'beneficiaires',
    ref: 'S11',
    family: 'social',
    label: both('Bénéficiaires touchés', 'Beneficiaries reached'),
    unit: both('personnes', 'persons'),
    formula: both(
      'Somme des bénéficiaires déclarés par échange (≈ IRIS+ PI4060).',
      'Sum of the beneficiaries declared per exchange (≈ IRIS+ PI4060).',
    ),
    reading: both(
      'Le nombre de personnes que les échanges ont servies, selon les déclarations : plus il est élevé, plus les échanges touchent de monde.',
      'The number of people the exchanges served, as declared: the higher, the more people the exchanges reach.',
    ),
    fields: ['echanges.beneficiaires'],
    caveats: DECLARED,
    parts: ['beneficiaires'],
    percent: false,
    total: true,
    decimals: 0,
    value: part('beneficiaires'),
  },
  {
    id: 'emploi-mutualise',
    ref: 'S12',
    family: 'social',
    label: both('Emploi mutualisé', 'Pooled employment'),
    unit: both('ETP-années', 'FTE-years'),
    formula: both(
      'Personnel mis à disposition : quantité en ETP-mois ÷ 12, ou ETP partagés × durée en mois ÷ 12.',
      'Staff made available: quantity in FTE-months ÷ 12, or shared FTE × duration in months ÷ 12.',
    ),
    reading: both(
      '1 ETP-année : l’équivalent d’une personne à temps plein pendant un an, mise à disposition d’autres associations.',
      '1 FTE-year: the equivalent of one full-time person for one year, made available to other associations.',
    ),
    fields: [
      'echanges.type_ressource',
      'echanges.quantite',
      'echanges.unite',
      'echanges.etp_partages',
      'echanges.date_debut',
      'echanges.date_fin',
    ],
    caveats: both(
      'Les salariés des groupements d’employeurs (WALDEC 030015) ne sont pas encore ajoutés : il faut SIRENE.',
      'Employees of employers’ groups (WALDEC 030015) are not added yet: that needs SIRENE.',
    ),
    parts: ['etp_annees'],
    percent: false,
    total: true,
    decimals: 1,
    value: part('etp_annees'),
  },
  {
    id: 'echanges',
    ref: '',
    family: 'social',
    label: both('Échanges', 'Exchanges'),
    unit: both('échanges', 'exchanges'),
    formula: both(
      'Échanges commencés dans la période, comptés côté bénéficiaire (ou fournisseur si choisi).',
      'Exchanges starting in the period, counted on the receiver’s side (or the provider’s if chosen).',
    ),
    reading: both(
      'Le nombre d’échanges déclarés commencés sur la période : une mesure d’activité, qui grandit avec la taille de la zone et le nombre d’associations enquêtées.',
      'The number of declared exchanges that began in the period: a measure of activity, which grows with the size of the zone and the number of surveyed associations.',
    ),
    fields: ['echanges.date_debut', 'echanges.beneficiaire_commune'],
    caveats: null,
    parts: ['echanges'],
    percent: false,
    total: true,
    decimals: 0,
    value: part('echanges'),
  },
  {
    id: 'echanges-pour-1000-hab',
    ref: '',
    family: 'social',
    label: both('Échanges pour 1 000 habitants', 'Exchanges per 1,000 inhabitants'),
    unit: both('échanges pour 1 000 hab.', 'exchanges per 1,000 inh.'),
    formula: both('Échanges ÷ population municipale × 1 000.', 'Exchanges ÷ municipal population × 1,000.'),
    reading: both(
      'Les échanges rapportés à la population, pour comparer des communes de tailles différentes : plus il est élevé, plus la coopération est active pour le nombre d’habitants.',
      'Exchanges relative to population, to compare communes of different sizes: the higher, the more active cooperation is for the number of inhabitants.',
    ),
    fields: ['echanges.date_debut', 'echanges.beneficiaire_commune', 'communes.population'],
    caveats: null,
    parts: ['echanges', 'population'],
    percent: false,
    total: false,
    decimals: 1,
    value: (p, s) => ratio(p('echanges', s), p('population', s), 1000),
  },
];
