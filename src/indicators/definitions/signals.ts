import type { IndicatorDefinition } from '../types.ts';
import { both, part } from './helpers.ts';

const SEAT_FIELDS = ['associations.siege_cle', 'associations.statut'];

const CO_LOCATION = both(
  'Un siège partagé atteste une co-localisation, pas une coopération : des associations domiciliées en mairie peuvent ne jamais se croiser. Les adresses trop vagues (sans voie, nom de la commune ou d’un lieu-dit seul, boîte postale) ne comptent pas.',
  'A shared seat is evidence of co-location, not proof of cooperation: associations registered at the town hall may never meet. Addresses too vague to count (no street, only the name of the commune or of a lieu-dit, a post-office box) are left out.',
);

/**
 * Cooperation signals read in open data: evidence, labelled as such, never counted as declared
 * exchanges. Family « signaux ».
 */
export const SIGNAL_INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'sieges-partages',
    ref: 'O1',
    family: 'signaux',
    label: both('Sièges partagés', 'Shared seats'),
    unit: both('adresses', 'addresses'),
    formula: both(
      'Adresses de siège (RNA adrs_*, normalisées) partagées par au moins 2 associations actives de la zone : maisons des associations, centres sociaux, mairies…',
      'Seat addresses (RNA adrs_*, normalised) shared by at least 2 active associations of the zone: maisons des associations, social centres, town halls…',
    ),
    reading: both(
      'Le nombre de lieux qui hébergent au moins deux associations : plus il est élevé, plus la zone compte de maisons communes.',
      'The number of places that host at least two associations: the higher, the more shared houses the zone has.',
    ),
    fields: SEAT_FIELDS,
    caveats: CO_LOCATION,
    parts: ['sieges_partages', 'sieges_renseignes'],
    percent: false,
    total: true,
    decimals: 0,
    value: part('sieges_partages'),
  },
  {
    id: 'associations-siege-partage',
    ref: 'O2',
    family: 'signaux',
    label: both('Associations à un siège partagé', 'Associations at a shared seat'),
    unit: both('associations', 'associations'),
    formula: both(
      'Associations actives dont l’adresse de siège normalisée est partagée avec au moins une autre association active.',
      'Active associations whose normalised seat address is shared with at least one other active association.',
    ),
    reading: both(
      'Le nombre d’associations qui partagent leur adresse de siège avec une autre : plus il est élevé, plus les associations vivent sous un même toit.',
      'The number of associations that share their seat address with another: the higher, the more associations live under one roof.',
    ),
    fields: SEAT_FIELDS,
    caveats: CO_LOCATION,
    parts: ['associations_siege_partage', 'sieges_renseignes'],
    percent: false,
    total: true,
    decimals: 0,
    value: part('associations_siege_partage'),
  },
  {
    id: 'structures-faitieres',
    ref: 'O3',
    family: 'signaux',
    label: both('Structures faîtières', 'Umbrella structures'),
    unit: both('associations', 'associations'),
    formula: both(
      'Associations actives qui en regroupent ou en servent d’autres : unions et fédérations (RNA groupement U, F), maisons des associations, offices municipaux ou intercommunaux (des sports, de la culture…), comités de la vie associative (motifs de nom publiés sur cette page).',
      'Active associations that group or serve others: unions and federations (RNA groupement U, F), maisons des associations, municipal or intercommunal offices (of sports, culture…), committees of associative life (name patterns published on this page).',
    ),
    reading: both(
      'Le nombre d’associations qui servent de carrefour au réseau associatif : plus il est élevé, plus la zone a de points d’appui pour coopérer.',
      'The number of associations that act as crossroads of the associative network: the higher, the more footholds the zone has for cooperation.',
    ),
    fields: ['associations.groupement', 'associations.nom', 'associations.statut'],
    caveats: both(
      'Reconnues par leur nom : une structure au nom inhabituel échappe au repérage.',
      'Recognised by their name: a structure with an unusual name is missed.',
    ),
    parts: ['structures_faitieres'],
    percent: false,
    total: true,
    decimals: 0,
    value: part('structures_faitieres'),
  },
  {
    id: 'aides-en-nature',
    ref: 'O4',
    family: 'signaux',
    label: both('Aides en nature des financeurs publics', 'In-kind support from public funders'),
    unit: both('aides', 'aids'),
    formula: both(
      'Conventions SCDL de nature « aide en nature » signées sur la période avec les associations de la zone : locaux, véhicules, matériel mis à disposition par une collectivité.',
      'SCDL agreements of nature “aide en nature” signed in the period with the zone’s associations: premises, vehicles, equipment made available by a local authority.',
    ),
    reading: both(
      'Le nombre d’aides en nature (locaux, véhicules, matériel) des collectivités aux associations : plus il est élevé, plus le soutien public passe par autre chose que l’argent.',
      'The number of in-kind supports (premises, vehicles, equipment) from local authorities to associations: the higher, the more public support goes beyond money.',
    ),
    fields: ['subventions.nature', 'subventions.dateConvention', 'subventions.association_id'],
    caveats: both(
      'Beaucoup de collectivités ne publient pas leurs aides en nature : l’absence d’aide dans les fichiers n’est pas l’absence d’aide.',
      'Many local authorities do not publish their in-kind support: no aid in the files is not no aid.',
    ),
    parts: ['subventions_nature'],
    percent: false,
    total: true,
    decimals: 0,
    value: part('subventions_nature'),
  },
];
