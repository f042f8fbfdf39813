import type { QualityTier } from '../../indicators/filters.ts';

/**
 * Texts of the method v2 figures on the dashboard and in its outputs: the value of cooperation as
 * a decomposition (four figures on four bases, never added up), the quality filter and the split of
 * exchanges by quality tier, the method version and the counts of active and isolated associations
 * in exports and on the printed sheet. Numbers arrive formatted.
 */
export interface MethodV2FigureMessages {
  /** The four figures of the decomposition. */
  readonly netAvoidedCost: string;
  readonly volunteerTime: string;
  readonly sharedStaff: string;
  readonly declaredMarket: string;
  /** Under the volunteer time: its hours, and that it is a valuation, not a saving. */
  readonly volunteerHint: (hours: string) => string;
  /** Under the shared staff: what the receivers paid back. */
  readonly staffHint: (reinvoiced: string) => string;
  /** Under the declared market values: as declared, by how many exchanges out of how many. */
  readonly marketHint: (declaring: string, exchanges: string) => string;
  /** The one line under the decomposition: the figures are not added up. */
  readonly notAdded: string;
  /** The survey's coverage beside the figures: « sur les échanges de 120 associations enquêtées sur 400 actives (30 %) ». */
  readonly coverageLine: (surveyed: string, active: string, share: string) => string;
  /** The quality filter: its label, and each tier as a choice. */
  readonly qualityLabel: string;
  readonly qualityOptions: Readonly<Record<QualityTier, string>>;
  /** The tier kept, short, in the folded filters' summary and in export captions. */
  readonly qualityShort: Readonly<Record<QualityTier, string>>;
  /** A caption line of an export when the quality filter is on. */
  readonly qualityLine: (tier: string) => string;
  /** The exchanges the figures rest on, and how many of them are confirmed or verified. */
  readonly tierSplit: (exchanges: string, confirmed: string, verified: string) => string;
  /** « Méthode Symbiose v2.0.0 ». */
  readonly methodVersion: (version: string) => string;
  /** Active associations of a zone, and how many of the surveyed ones declared no partner. */
  readonly associationsLine: (active: string, isolated: string, surveyed: string) => string;
  /** The same where no association is surveyed (isolation unknown). */
  readonly associationsLineUnknown: (active: string) => string;
  /** Columns of the French CSV. */
  readonly activeColumn: string;
  readonly isolatedColumn: string;
  readonly methodColumn: string;
}

const fr: MethodV2FigureMessages = {
  netAvoidedCost: 'Coût évité net',
  volunteerTime: 'Temps bénévole valorisé',
  sharedStaff: 'Personnel partagé',
  declaredMarket: 'Valeurs de marché déclarées',
  volunteerHint: (hours) => `${hours} h · valorisation conventionnelle, pas une économie`,
  staffHint: (reinvoiced) => `au coût, dont refacturé ${reinvoiced}`,
  marketHint: (declaring, exchanges) => `telles que déclarées, par ${declaring} échanges sur ${exchanges}`,
  notAdded: 'Ces quatre chiffres ont chacun leur base : ils ne s’additionnent pas.',
  coverageLine: (surveyed, active, share) =>
    `Ils reposent sur les échanges déclarés par ${surveyed} associations enquêtées sur ${active} actives (${share})\u00a0: les autres ne sont pas comptées, pas comptées pour zéro.`,
  qualityLabel: 'Qualité des données',
  qualityOptions: {
    declare: 'Tous les échanges déclarés',
    confirme: 'Confirmés par le partenaire ou vérifiés',
    verifie: 'Vérifiés par le coordinateur seulement',
  },
  qualityShort: {
    declare: 'tous les échanges',
    confirme: 'échanges confirmés ou vérifiés',
    verifie: 'échanges vérifiés seulement',
  },
  qualityLine: (tier) => `Qualité : ${tier}`,
  tierSplit: (exchanges, confirmed, verified) =>
    `${exchanges} échanges, dont ${confirmed} confirmés par le partenaire et ${verified} vérifiés par le coordinateur.`,
  methodVersion: (version) => `Méthode Symbiose v${version}`,
  associationsLine: (active, isolated, surveyed) =>
    `Associations actives : ${active} · isolées : ${isolated} sur ${surveyed} enquêtées`,
  associationsLineUnknown: (active) =>
    `Associations actives : ${active} · isolées : non renseigné (aucune enquêtée)`,
  activeColumn: 'Associations actives (associations)',
  isolatedColumn: 'Associations isolées (associations)',
  methodColumn: 'Méthode',
};

const en: MethodV2FigureMessages = {
  netAvoidedCost: 'Net avoided cost',
  volunteerTime: 'Volunteer time valued',
  sharedStaff: 'Shared staff',
  declaredMarket: 'Declared market values',
  volunteerHint: (hours) => `${hours} h · a conventional valuation, not a saving`,
  staffHint: (reinvoiced) => `at cost, of which re-invoiced ${reinvoiced}`,
  marketHint: (declaring, exchanges) => `as declared, by ${declaring} exchanges out of ${exchanges}`,
  notAdded: 'These four figures each have their own basis: they are not added up.',
  coverageLine: (surveyed, active, share) =>
    `They rest on the exchanges declared by ${surveyed} surveyed associations out of ${active} active ones (${share}): the others are not counted, not counted as zero.`,
  qualityLabel: 'Data quality',
  qualityOptions: {
    declare: 'All declared exchanges',
    confirme: 'Confirmed by the partner or verified',
    verifie: 'Verified by the coordinator only',
  },
  qualityShort: {
    declare: 'all exchanges',
    confirme: 'confirmed or verified exchanges',
    verifie: 'verified exchanges only',
  },
  qualityLine: (tier) => `Quality: ${tier}`,
  tierSplit: (exchanges, confirmed, verified) =>
    `${exchanges} exchanges, of which ${confirmed} confirmed by the partner and ${verified} verified by the coordinator.`,
  methodVersion: (version) => `Symbiose method v${version}`,
  associationsLine: (active, isolated, surveyed) =>
    `Active associations: ${active} · isolated: ${isolated} of ${surveyed} surveyed`,
  associationsLineUnknown: (active) =>
    `Active associations: ${active} · isolated: not provided (none surveyed)`,
  activeColumn: 'Active associations (associations)',
  isolatedColumn: 'Isolated associations (associations)',
  methodColumn: 'Method',
};

export const methodV2FigureMessages: Readonly<Record<'fr' | 'en', MethodV2FigureMessages>> = { fr, en };
