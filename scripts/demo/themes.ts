import { WALDEC_THEMES, type ThemeFamily } from '../../src/data/waldec.ts';

/**
 * Share of associations in each WALDEC top-level theme in the demo territory.
 *
 * [E] An approximation of the national mix (sport about a quarter, culture about a fifth,
 * leisure and social life, social action and health, education, environment…), after
 * V. Tchernonog and L. Prouteau, « Le paysage associatif français », 2019. They shape a fictional
 * territory; they are not a statistic.
 */
export const THEME_SHARES = {
  '011000': 0.22,
  '006000': 0.18,
  '007000': 0.1,
  '014000': 0.06,
  '009000': 0.04,
  '010000': 0.03,
  '013000': 0.03,
  '015000': 0.05,
  '019000': 0.04,
  '020000': 0.03,
  '017000': 0.03,
  '021000': 0.02,
  '024000': 0.04,
  '030000': 0.03,
  '003000': 0.02,
  '023000': 0.02,
  '034000': 0.015,
  '040000': 0.015,
  '005000': 0.01,
  '050000': 0.01,
} as const;

export type ThemeCode = keyof typeof THEME_SHARES;

/** Label and family of a theme used by the demo. */
export const THEMES = Object.fromEntries(
  Object.keys(THEME_SHARES).map((code) => {
    const theme = WALDEC_THEMES[code];
    if (!theme) throw new Error(`Unknown WALDEC theme ${code}`);
    return [code, { label: theme.label, group: theme.family, share: THEME_SHARES[code as ThemeCode] }];
  }),
) as Record<ThemeCode, { label: string; group: ThemeFamily; share: number }>;

/** Themes that often work together: used for the affinity of exchange partners. */
export type ThemeGroup = ThemeFamily;

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
