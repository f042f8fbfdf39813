import type { IndicatorDefinition } from '../types.ts';
import { both, part, ratio } from './helpers.ts';

/** Days in an average year, to turn the period's length into years. */
const DAYS_PER_YEAR = 365.25;

const ACTIVE = both(
  'Active à la fin de la période : statut RNA « active », créée avant la fin de la période, sans dissolution avant elle.',
  'Active at the end of the period: RNA position “active”, created before the end of the period, not dissolved before it.',
);

/**
 * What the official files say of every territory (RNA, COG, SCDL grants): known on day one, with
 * or without declared exchanges. Family « registre ».
 */
export const REGISTER_INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'associations-actives',
    ref: 'R1',
    family: 'registre',
    label: both('Associations actives', 'Active associations'),
    unit: both('associations', 'associations'),
    formula: both(
      'Nombre d’associations du RNA actives à la fin de la période, dont le siège est dans la zone.',
      'Number of RNA associations active at the end of the period with their seat in the zone.',
    ),
    reading: both(
      'Le nombre d’associations vivantes au registre dont le siège est dans la zone : il grandit avec la taille de la zone.',
      'The number of associations alive in the register with their seat in the zone: it grows with the size of the zone.',
    ),
    fields: ['associations.statut', 'associations.date_creation', 'associations.date_dissolution'],
    caveats: ACTIVE,
    parts: ['associations_actives'],
    percent: false,
    total: true,
    decimals: 0,
    value: part('associations_actives'),
  },
  {
    id: 'associations-pour-1000-hab',
    ref: 'R2',
    family: 'registre',
    label: both('Associations pour 1 000 habitants', 'Associations per 1,000 inhabitants'),
    unit: both('associations pour 1 000 habitants', 'associations per 1,000 inhabitants'),
    formula: both(
      'Associations actives ÷ population municipale × 1 000.',
      'Active associations ÷ municipal population × 1,000.',
    ),
    reading: both(
      'Le tissu associatif rapporté à la population : plus il est élevé, plus il y a d’associations pour un même nombre d’habitants.',
      'The associative fabric relative to population: the higher, the more associations for the same number of inhabitants.',
    ),
    fields: ['associations.statut', 'communes.population'],
    caveats: both(
      'Le RNA compte aussi des associations en sommeil qui n’ont jamais déclaré leur dissolution : le chiffre surestime le tissu vivant.',
      'The RNA also counts dormant associations that never declared their dissolution: the figure overstates the living fabric.',
    ),
    parts: ['associations_actives', 'population'],
    percent: false,
    total: false,
    decimals: 1,
    value: (p, s) => ratio(p('associations_actives', s), p('population', s), 1000),
  },
  {
    id: 'creations-par-an',
    ref: 'R3',
    family: 'registre',
    label: both('Créations par an', 'Creations per year'),
    unit: both('associations par an', 'associations per year'),
    formula: both(
      'Associations créées sur la période (RNA date_creat) ÷ durée de la période en années (jours ÷ 365,25).',
      'Associations created in the period (RNA date_creat) ÷ length of the period in years (days ÷ 365.25).',
    ),
    reading: both(
      'Le rythme des créations d’associations : au-dessus des dissolutions par an, le tissu associatif grandit ; en dessous, il s’étiole.',
      'The pace at which associations are created: above dissolutions per year, the associative fabric grows; below, it thins out.',
    ),
    fields: ['associations.date_creation'],
    caveats: null,
    parts: ['creations', 'jours_periode'],
    percent: false,
    total: true,
    decimals: 1,
    value: (p, s) => ratio(p('creations', s), p('jours_periode', s), DAYS_PER_YEAR),
  },
  {
    id: 'dissolutions-par-an',
    ref: 'R4',
    family: 'registre',
    label: both('Dissolutions par an', 'Dissolutions per year'),
    unit: both('associations par an', 'associations per year'),
    formula: both(
      'Associations dissoutes sur la période (RNA date_disso) ÷ durée de la période en années.',
      'Associations dissolved in the period (RNA date_disso) ÷ length of the period in years.',
    ),
    reading: both(
      'Le rythme des dissolutions déclarées : plus il approche celui des créations par an, moins le tissu associatif grandit.',
      'The pace of declared dissolutions: the closer it gets to creations per year, the less the associative fabric grows.',
    ),
    fields: ['associations.date_dissolution'],
    caveats: both(
      'Seules les dissolutions déclarées en préfecture comptent : beaucoup d’associations s’éteignent sans le dire.',
      'Only dissolutions declared to the prefecture count: many associations fade away without saying so.',
    ),
    parts: ['dissolutions', 'jours_periode'],
    percent: false,
    total: true,
    decimals: 1,
    value: (p, s) => ratio(p('dissolutions', s), p('jours_periode', s), DAYS_PER_YEAR),
  },
  {
    id: 'age-moyen',
    ref: 'R5',
    family: 'registre',
    label: both('Âge moyen des associations', 'Mean age of associations'),
    unit: both('ans', 'years'),
    formula: both(
      'Moyenne, sur les associations actives dont la date de création est connue, des années écoulées de la création à la fin de la période.',
      'Mean, over active associations with a known creation date, of the years from creation to the end of the period.',
    ),
    reading: both(
      'Élevé : un tissu associatif ancien et stable ; bas : beaucoup d’associations créées récemment.',
      'High: an old, stable associative fabric; low: many recently created associations.',
    ),
    fields: ['associations.date_creation', 'associations.statut'],
    caveats: both(
      'Une association déclarée avant 2009 et jamais modifiée depuis peut manquer au fichier RNA « waldec » (elle est dans le fichier « import »).',
      'An association declared before 2009 and never changed since may be missing from the RNA “waldec” file (it is in the “import” file).',
    ),
    parts: ['age_somme', 'age_connus'],
    percent: false,
    total: false,
    decimals: 0,
    value: (p, s) => ratio(p('age_somme', s), p('age_connus', s)),
  },
  {
    id: 'part-siret',
    ref: 'R6',
    family: 'registre',
    label: both('Associations ayant un SIRET', 'Associations with a SIRET'),
    unit: both('% des associations actives', '% of active associations'),
    formula: both(
      'Associations actives ayant un SIRET (RNA siret) ÷ associations actives. Un SIRET signale une association qui emploie, reçoit des fonds publics ou a une activité économique.',
      'Active associations with a SIRET (RNA siret) ÷ active associations. A SIRET marks an association that employs, receives public money or trades.',
    ),
    reading: both(
      'Élevé : beaucoup d’associations emploient, reçoivent des fonds publics ou ont une activité économique ; bas : surtout des associations de bénévoles.',
      'High: many associations employ staff, receive public funds or have an economic activity; low: mostly volunteer-run associations.',
    ),
    fields: ['associations.siret', 'associations.statut'],
    caveats: both(
      'Le RNA ne reporte pas toujours le SIRET obtenu après la déclaration : la part est un minimum.',
      'The RNA does not always carry a SIRET obtained after the declaration: the share is a floor.',
    ),
    parts: ['avec_siret', 'associations_actives'],
    percent: true,
    total: false,
    decimals: 0,
    value: (p, s) => ratio(p('avec_siret', s), p('associations_actives', s)),
  },
  {
    id: 'unions-federations',
    ref: 'R7',
    family: 'registre',
    label: both('Unions et fédérations', 'Unions and federations'),
    unit: both('associations', 'associations'),
    formula: both(
      'Associations actives déclarées comme union (U) ou fédération (F) d’associations (RNA groupement).',
      'Active associations declared as a union (U) or federation (F) of associations (RNA groupement).',
    ),
    reading: both(
      'Le nombre d’associations qui en regroupent d’autres : plus il est élevé, plus le réseau associatif de la zone est structuré.',
      'The number of associations that group others: the higher, the more structured the zone’s associative network.',
    ),
    fields: ['associations.groupement', 'associations.statut'],
    caveats: null,
    parts: ['unions_federations'],
    percent: false,
    total: true,
    decimals: 0,
    value: part('unions_federations'),
  },
  {
    id: 'specialisation',
    ref: 'R8',
    family: 'registre',
    label: both('Spécialisation thématique', 'Thematic specialisation'),
    unit: both('indice de 0 à 1', 'index from 0 to 1'),
    formula: both(
      'Indice de Krugman : ½ × Σ sur les thèmes WALDEC |part du thème parmi les associations actives de la zone − part du thème dans tout le territoire|. 0 : même répartition que le territoire ; 1 : aucun thème en commun.',
      'Krugman index: ½ × Σ over WALDEC themes |share of the theme among the zone’s active associations − share of the theme in the whole territory|. 0: the same mix as the territory; 1: no theme in common.',
    ),
    reading: both(
      '0 : les associations de la zone se répartissent entre les thèmes comme dans tout le territoire ; plus l’indice approche 1, plus la zone est tournée vers quelques thèmes.',
      '0: the zone’s associations are spread across themes as in the whole territory; the closer the index gets to 1, the more the zone leans towards a few themes.',
    ),
    fields: ['associations.theme_code', 'associations.statut'],
    caveats: both(
      'Croît mécaniquement quand la zone compte peu d’associations : comparer des zones de taille voisine.',
      'Rises mechanically when the zone has few associations: compare zones of similar size.',
    ),
    parts: ['specialisation', 'associations_actives'],
    percent: false,
    total: false,
    decimals: 2,
    value: (p, s) => (p('associations_actives', s) ? p('specialisation', s) : null),
  },
  {
    id: 'subventions-montant',
    ref: 'R9',
    family: 'registre',
    label: both('Subventions reçues', 'Grants received'),
    unit: both('€', '€'),
    formula: both(
      'Σ montant × pourcentageSubvention des conventions signées sur la période (SCDL), pour les associations de la zone ; les aides en nature sans montant ne comptent pas.',
      'Σ amount × pourcentageSubvention of the agreements signed in the period (SCDL), for the zone’s associations; in-kind aid without an amount does not count.',
    ),
    reading: both(
      'Les financements publics versés aux associations de la zone sur la période, selon les fichiers publiés : plus il est élevé, plus le soutien public est important.',
      'Public funding paid to the zone’s associations in the period, according to the published files: the higher, the greater the public support.',
    ),
    fields: [
      'subventions.montant',
      'subventions.pourcentageSubvention',
      'subventions.dateConvention',
      'subventions.association_id',
    ],
    caveats: both(
      'Seuls les financeurs dont un fichier a été importé comptent ; non renseigné quand aucun fichier ne couvre la période.',
      'Only funders whose file was imported count; not provided when no file covers the period.',
    ),
    parts: ['subventions'],
    percent: false,
    total: true,
    decimals: 0,
    value: part('subventions'),
  },
  {
    id: 'subventions-nombre',
    ref: 'R10',
    family: 'registre',
    label: both('Subventions', 'Grants'),
    unit: both('conventions', 'agreements'),
    formula: both(
      'Conventions de subvention signées sur la période avec les associations de la zone (SCDL dateConvention).',
      'Grant agreements signed in the period with the zone’s associations (SCDL dateConvention).',
    ),
    reading: both(
      'Le nombre de conventions de subvention signées : à lire avec le montant, car une zone peut avoir beaucoup de petites aides ou peu de grosses.',
      'The number of grant agreements signed: read it with the amount, as a zone may have many small grants or a few large ones.',
    ),
    fields: ['subventions.dateConvention', 'subventions.association_id'],
    caveats: both(
      'Seuls les financeurs dont un fichier a été importé comptent.',
      'Only funders whose file was imported count.',
    ),
    parts: ['subventions_nombre'],
    percent: false,
    total: true,
    decimals: 0,
    value: part('subventions_nombre'),
  },
  {
    id: 'part-financees',
    ref: 'R11',
    family: 'registre',
    label: both('Associations financées', 'Funded associations'),
    unit: both('% des associations actives', '% of active associations'),
    formula: both(
      'Associations actives ayant au moins une convention de subvention signée sur la période ÷ associations actives.',
      'Active associations with at least one grant agreement signed in the period ÷ active associations.',
    ),
    reading: both(
      'Élevé : une grande partie des associations a reçu une subvention publique sur la période ; bas : peu d’associations sont financées.',
      'High: a large share of associations received a public grant in the period; low: few associations are funded.',
    ),
    fields: ['subventions.association_id', 'subventions.dateConvention', 'associations.statut'],
    caveats: both(
      'Une subvention dont le bénéficiaire n’a pu être rattaché à une association du RNA (ni RNA ni SIRET connus) ne compte pas.',
      'A grant whose beneficiary could not be matched to an RNA association (neither RNA number nor SIRET known) does not count.',
    ),
    parts: ['associations_financees', 'associations_actives'],
    percent: true,
    total: false,
    decimals: 0,
    value: (p, s) => ratio(p('associations_financees', s), p('associations_actives', s)),
  },
];
