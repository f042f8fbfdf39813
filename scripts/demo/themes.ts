/**
 * WALDEC top-level themes used by the demo, with the share of associations in each.
 *
 * Labels: WALDEC nomenclature, as listed in docs/methodology (methodology brief §4.1).
 * Shares [E]: an approximation of the national mix (sport about a quarter, culture about a fifth,
 * leisure and social life, social action and health, education, environment…), after
 * V. Tchernonog and L. Prouteau, « Le paysage associatif français », 2019. They shape a fictional
 * territory; they are not a statistic.
 */
export const THEMES = {
  '011000': { label: 'sports, activités de plein air', share: 0.22, group: 'sport' },
  '006000': { label: 'culture, pratiques d’activités artistiques, culturelles', share: 0.18, group: 'culture' },
  '007000': { label: 'clubs de loisirs, relations', share: 0.1, group: 'loisirs' },
  '014000': { label: 'amicales, groupements affinitaires, groupements d’entraide', share: 0.06, group: 'loisirs' },
  '009000': { label: 'action socio-culturelle', share: 0.04, group: 'culture' },
  '010000': { label: 'préservation du patrimoine', share: 0.03, group: 'culture' },
  '013000': { label: 'chasse pêche', share: 0.03, group: 'sport' },
  '015000': { label: 'éducation formation', share: 0.05, group: 'education' },
  '019000': { label: 'interventions sociales', share: 0.04, group: 'social' },
  '020000': {
    label: 'associations caritatives, humanitaires, aide au développement, développement du bénévolat',
    share: 0.03,
    group: 'social',
  },
  '017000': { label: 'santé', share: 0.03, group: 'social' },
  '021000': { label: 'services familiaux, services aux personnes âgées', share: 0.02, group: 'social' },
  '024000': { label: 'environnement, cadre de vie', share: 0.04, group: 'environnement' },
  '030000': {
    label: 'aide à l’emploi, développement local, promotion de solidarités économiques, vie locale',
    share: 0.03,
    group: 'economie',
  },
  '003000': { label: 'défense de droits fondamentaux, activités civiques', share: 0.02, group: 'civique' },
  '023000': {
    label: 'représentation, promotion et défense d’intérêts économiques',
    share: 0.02,
    group: 'economie',
  },
  '034000': { label: 'tourisme', share: 0.015, group: 'economie' },
  '040000': { label: 'activités religieuses, spirituelles ou philosophiques', share: 0.015, group: 'civique' },
  '005000': { label: 'information communication', share: 0.01, group: 'culture' },
  '050000': { label: 'domaines divers, domaines de nature à reclasser', share: 0.01, group: 'civique' },
} as const;

export type ThemeCode = keyof typeof THEMES;
/** Themes that often work together: used for the affinity of exchange partners. */
export type ThemeGroup = (typeof THEMES)[ThemeCode]['group'];

export const THEME_CODES = Object.keys(THEMES) as ThemeCode[];

/** WALDEC sub-codes the demo uses for its hub associations (methodology brief §4.1). */
export const SUBTHEMES = {
  '030015': { parent: '030000', label: 'groupements d’employeurs' },
  '007075': { parent: '007000', label: 'échanges locaux, réseaux d’échanges' },
  '020025': { parent: '020000', label: 'développement du bénévolat' },
} as const;

/**
 * How much more likely two associations are to cooperate when their themes are the same, or in
 * the same group, than when they are unrelated [E].
 */
export function themeAffinity(a: ThemeCode, b: ThemeCode): number {
  if (a === b) return 3;
  return THEMES[a].group === THEMES[b].group ? 1.8 : 1;
}
