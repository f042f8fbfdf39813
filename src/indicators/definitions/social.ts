import type { IndicatorDefinition } from '../types.ts';
import { both, part, ratio } from './helpers.ts';
import { EXCHANGE_VOLUME_INDICATORS } from './exchange-volumes.ts';

/**
 * Social indicators (methodology §2, S1–S12). S5 needs QPV data; S9 is internal only. The
 * cooperation network comes first, then the declared volumes of the exchanges (S10–S12).
 */
export const SOCIAL_INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'couverture',
    ref: '',
    family: 'social',
    label: both('Couverture des échanges déclarés', 'Coverage of declared exchanges'),
    unit: both('% des associations actives', '% of active associations'),
    formula: both(
      'Associations actives enquêtées (couvertes par les échanges déclarés) ÷ associations actives de la zone. Les indicateurs de coopération ne portent que sur elles ; sans aucune, ils sont non renseignés.',
      'Surveyed active associations (covered by the declared exchanges) ÷ active associations of the zone. Cooperation indicators are computed on them only; without any, they are not provided.',
    ),
    reading: both(
      'Plus elle approche 100 %, plus les chiffres de coopération décrivent toute la zone ; basse, ils ne disent que ce qu’ont déclaré quelques associations.',
      'The closer to 100 %, the more the cooperation figures describe the whole zone; when low, they only tell what a few associations declared.',
    ),
    fields: ['associations.statut', 'echanges.fournisseur_id', 'echanges.beneficiaire_id'],
    caveats: both(
      'Aucune source publique ne recense les échanges entre associations : la couverture dit qui a été enquêté, ou quelles associations un fichier d’échanges décrit.',
      'No public source lists exchanges between associations: coverage says who was surveyed, or which associations an exchange file describes.',
    ),
    parts: ['associations_couvertes', 'associations_actives'],
    percent: true,
    total: false,
    decimals: 0,
    value: (p, s) => ratio(p('associations_couvertes', s), p('associations_actives', s)),
  },
  {
    id: 'taux-cooperation',
    ref: 'S1',
    family: 'social',
    label: both('Taux de coopération', 'Cooperation rate'),
    unit: both('% des associations actives enquêtées', '% of surveyed active associations'),
    formula: both(
      'Associations actives enquêtées ayant au moins un partenaire sur la période ÷ associations actives enquêtées de la zone (couvertes par les échanges déclarés) ; non renseigné sans aucune.',
      'Surveyed active associations with at least one partner in the period ÷ surveyed active associations of the zone (covered by the declared exchanges); not provided without any.',
    ),
    reading: both(
      'Élevé : la plupart des associations enquêtées ont coopéré au moins une fois sur la période ; bas : la coopération déclarée est le fait de quelques-unes seulement.',
      'High: most surveyed associations cooperated at least once in the period; low: declared cooperation involves only a few of them.',
    ),
    fields: [
      'associations.statut',
      'associations.date_dissolution',
      'associations.date_derniere_declaration',
      'echanges.fournisseur_id',
      'echanges.beneficiaire_id',
      'echanges.date_debut',
    ],
    caveats: both(
      'À comparer aux enquêtes nationales (Le RAMEAU) avec prudence : ici, seules les coopérations déclarées comptent.',
      'Compare with national surveys (Le RAMEAU) with care: only declared cooperation counts here.',
    ),
    parts: ['associations_cooperantes', 'associations_couvertes'],
    percent: true,
    total: false,
    decimals: 0,
    value: (p, s) => ratio(p('associations_cooperantes', s), p('associations_couvertes', s)),
  },
  {
    id: 'associations-isolees',
    ref: 'S6',
    family: 'social',
    label: both('Associations isolées', 'Isolated associations'),
    unit: both('% des associations actives enquêtées', '% of surveyed active associations'),
    formula: both(
      'Associations actives enquêtées sans aucun partenaire déclaré sur la période ÷ associations actives enquêtées de la zone (1 − S1). Les associations non enquêtées ne sont pas isolées : leur coopération est inconnue (voir la couverture).',
      'Surveyed active associations without any declared partner in the period ÷ surveyed active associations of the zone (1 − S1). Associations not surveyed are not isolated: their cooperation is unknown (see coverage).',
    ),
    reading: both(
      'Élevé : beaucoup d’associations enquêtées n’ont déclaré aucun partenaire ; c’est le complément du taux de coopération (les deux font 100 %).',
      'High: many surveyed associations declared no partner; it is the complement of the cooperation rate (the two add up to 100 %).',
    ),
    fields: ['associations.statut', 'echanges.fournisseur_id', 'echanges.beneficiaire_id'],
    caveats: both(
      'Isolée au sens des échanges déclarés : une association peut coopérer sans le déclarer.',
      'Isolated as far as declared exchanges go: an association may cooperate without declaring it.',
    ),
    parts: ['associations_cooperantes', 'associations_couvertes'],
    percent: true,
    total: false,
    decimals: 0,
    value: (p, s) => {
      const active = p('associations_couvertes', s);
      const cooperating = p('associations_cooperantes', s);
      return active === null || cooperating === null ? null : ratio(active - cooperating, active);
    },
  },
  {
    id: 'partenariats',
    ref: 'S2',
    family: 'social',
    label: both('Partenariats actifs', 'Active partnerships'),
    unit: both('partenariats', 'partnerships'),
    formula: both(
      'Paires distinctes d’associations ayant échangé au moins une fois sur la période ; une paire de deux communes compte pour moitié dans chacune, une fois pour le territoire.',
      'Distinct pairs of associations with at least one exchange in the period; a pair spanning two communes counts half in each, once for the territory.',
    ),
    reading: both(
      'Le nombre de paires d’associations qui ont échangé : plus il est élevé, plus le réseau déclaré est étendu ; il grandit avec la taille de la zone.',
      'The number of pairs of associations that exchanged: the higher, the wider the declared network; it grows with the size of the zone.',
    ),
    fields: ['echanges.fournisseur_id', 'echanges.beneficiaire_id', 'echanges.date_debut'],
    caveats: both(
      'Une commune ou une intercommunalité peut compter des demi-partenariats (une paire avec une autre commune) ; son total est arrondi à l’unité à l’écran et dans le tableau exporté, le CSV de données garde la demie pour que les communes s’additionnent.',
      'A commune or intercommunalité may count half partnerships (a pair with another commune); its total is rounded to the unit on screen and in the exported table, the data CSV keeps the half so that communes add up.',
    ),
    parts: ['partenariats'],
    percent: false,
    total: true,
    decimals: 1,
    value: part('partenariats'),
  },
  {
    id: 'partenariats-pour-1000-hab',
    ref: 'S2',
    family: 'social',
    label: both('Partenariats pour 1 000 habitants', 'Partnerships per 1,000 inhabitants'),
    unit: both('pour 1 000 hab.', 'per 1,000 inh.'),
    formula: both(
      'Partenariats actifs (S2) ÷ population municipale × 1 000.',
      'Active partnerships (S2) ÷ municipal population × 1,000.',
    ),
    reading: both(
      'Les partenariats rapportés à la population, pour comparer des communes de tailles différentes : plus il est élevé, plus le réseau est dense pour le nombre d’habitants.',
      'Partnerships relative to population, to compare communes of different sizes: the higher, the denser the network for the number of inhabitants.',
    ),
    fields: ['echanges.fournisseur_id', 'echanges.beneficiaire_id', 'communes.population'],
    caveats: null,
    parts: ['partenariats', 'population'],
    percent: false,
    total: false,
    decimals: 1,
    value: (p, s) => ratio(p('partenariats', s), p('population', s), 1000),
  },
  {
    id: 'liens-intersectoriels',
    ref: 'S3',
    family: 'social',
    label: both('Liens entre secteurs', 'Cross-sector links'),
    unit: both('% des partenariats', '% of partnerships'),
    formula: both(
      'Partenariats entre deux associations de thèmes WALDEC de premier niveau différents ÷ partenariats.',
      'Partnerships between associations of different top-level WALDEC themes ÷ partnerships.',
    ),
    reading: both(
      'Élevé : les associations coopèrent souvent hors de leur domaine (le sport avec le social, la culture avec l’éducation…) ; bas : chacune reste dans son secteur.',
      'High: associations often cooperate outside their field (sport with social work, culture with education…); low: each stays within its sector.',
    ),
    fields: ['associations.theme_code', 'echanges.fournisseur_id', 'echanges.beneficiaire_id'],
    caveats: null,
    parts: ['partenariats_intersectoriels', 'partenariats'],
    percent: true,
    total: false,
    decimals: 0,
    value: (p, s) => ratio(p('partenariats_intersectoriels', s), p('partenariats', s)),
  },
  {
    id: 'liens-intercommunaux',
    ref: 'S4',
    family: 'social',
    label: both('Liens entre communes', 'Links between communes'),
    unit: both('% des partenariats', '% of partnerships'),
    formula: both(
      'Partenariats entre associations de deux communes différentes ÷ partenariats.',
      'Partnerships between associations of two different communes ÷ partnerships.',
    ),
    reading: both(
      'Élevé : les coopérations franchissent souvent les limites de la commune ; bas : elles restent entre voisins de la même commune.',
      'High: cooperation often crosses commune boundaries; low: it stays between neighbours of the same commune.',
    ),
    fields: ['associations.commune_code', 'echanges.fournisseur_id', 'echanges.beneficiaire_id'],
    caveats: null,
    parts: ['partenariats_intercommunaux', 'partenariats'],
    percent: true,
    total: false,
    decimals: 0,
    value: (p, s) => ratio(p('partenariats_intercommunaux', s), p('partenariats', s)),
  },
  {
    id: 'communes-liees',
    ref: 'S4',
    family: 'social',
    label: both('Paires de communes liées', 'Linked pairs of communes'),
    unit: both('paires de communes', 'pairs of communes'),
    formula: both(
      'Paires distinctes de communes reliées par au moins un partenariat, dont l’une est dans la zone (pour une commune : ses communes partenaires).',
      'Distinct pairs of communes linked by at least one partnership, one of them in the zone (for a commune: its partner communes).',
    ),
    reading: both(
      'Plus le nombre est élevé, plus la zone est reliée à des communes différentes par ses associations ; 0 : aucun partenariat ne relie deux communes.',
      'The higher the number, the more communes the zone is linked with through its associations; 0: no partnership links two communes.',
    ),
    fields: ['associations.commune_code', 'echanges.fournisseur_id', 'echanges.beneficiaire_id'],
    caveats: both('Ne s’additionne pas d’une zone à l’autre.', 'Does not add up across zones.'),
    parts: ['communes_liees'],
    percent: false,
    total: false,
    decimals: 0,
    value: part('communes_liees'),
  },
  {
    id: 'degre-moyen',
    ref: 'S7',
    family: 'social',
    label: both('Partenaires par association', 'Partners per association'),
    unit: both('partenaires par association active', 'partners per active association'),
    formula: both(
      'Somme des nombres de partenaires des associations actives de la zone ÷ associations actives enquêtées (degré moyen, 2m/n).',
      'Sum of the numbers of partners of the zone’s active associations ÷ surveyed active associations (mean degree, 2m/n).',
    ),
    reading: both(
      'Le nombre moyen de partenaires d’une association enquêtée : 2 veut dire qu’en moyenne chacune coopère avec deux autres.',
      'The average number of partners of a surveyed association: 2 means that each one cooperates with two others on average.',
    ),
    fields: ['echanges.fournisseur_id', 'echanges.beneficiaire_id', 'associations.statut'],
    caveats: null,
    parts: ['degres', 'associations_couvertes'],
    percent: false,
    total: false,
    decimals: 2,
    value: (p, s) => ratio(p('degres', s), p('associations_couvertes', s)),
  },
  {
    id: 'densite',
    ref: 'S7',
    family: 'social',
    label: both('Densité du réseau', 'Network density'),
    unit: both('part des paires possibles', 'share of possible pairs'),
    formula: both(
      'Partenariats entre associations actives de la zone ÷ paires possibles entre les n associations actives enquêtées, n(n−1)/2.',
      'Partnerships between active associations of the zone ÷ possible pairs among the n surveyed active associations, n(n−1)/2.',
    ),
    reading: both(
      '100 % : chaque association enquêtée coopère avec toutes les autres ; proche de 0 : peu des liens possibles existent, ce qui est normal dans une grande zone.',
      '100 %: every surveyed association cooperates with all the others; near 0: few of the possible links exist, which is usual in a large zone.',
    ),
    fields: ['echanges.fournisseur_id', 'echanges.beneficiaire_id', 'associations.statut'],
    caveats: both(
      'Diminue mécaniquement avec la taille de la zone ; comparer des zones de taille voisine.',
      'Falls mechanically with the size of the zone; compare zones of similar size.',
    ),
    parts: ['aretes_internes_actives', 'associations_couvertes'],
    percent: true,
    total: false,
    decimals: 2,
    value: (p, s) => {
      const n = p('associations_couvertes', s);
      return n === null ? null : ratio(p('aretes_internes_actives', s), (n * (n - 1)) / 2);
    },
  },
  {
    id: 'regroupement',
    ref: 'S8',
    family: 'social',
    label: both('Regroupement (clustering)', 'Clustering'),
    unit: both('coefficient de 0 à 1', 'coefficient from 0 to 1'),
    formula: both(
      'Moyenne, sur les associations actives d’au moins deux partenaires, de 2T/(k(k−1)) : la part des paires de partenaires qui sont elles-mêmes partenaires.',
      'Mean over active associations with at least two partners of 2T/(k(k−1)): the share of pairs of partners that are partners themselves.',
    ),
    reading: both(
      'Proche de 1 : les partenaires d’une association coopèrent aussi entre eux (des cercles soudés) ; proche de 0 : le réseau s’organise en étoile autour de quelques associations.',
      'Near 1: an association’s partners also cooperate with each other (tight-knit circles); near 0: the network is a star around a few associations.',
    ),
    fields: ['echanges.fournisseur_id', 'echanges.beneficiaire_id', 'associations.statut'],
    caveats: both(
      'Calculé sur le réseau de tout le territoire.',
      'Computed on the whole territory’s network.',
    ),
    parts: ['clustering_somme', 'clustering_noeuds'],
    percent: false,
    total: false,
    decimals: 3,
    value: (p, s) => ratio(p('clustering_somme', s), p('clustering_noeuds', s)),
  },
  ...EXCHANGE_VOLUME_INDICATORS,
];
