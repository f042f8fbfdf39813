import { schemeTableau10 } from 'd3-scale-chromatic';

import { THEME_FAMILY_LABELS, type ThemeFamily } from '../data/waldec.ts';

const FAMILIES = Object.keys(THEME_FAMILY_LABELS) as ThemeFamily[];

/** One colour per theme family (Tableau 10: distinct, colour-blind aware). */
export const THEME_FAMILY_COLORS: Readonly<Record<ThemeFamily, string>> = Object.fromEntries(
  FAMILIES.map((family, i) => [family, schemeTableau10[i] ?? '#777777']),
) as Record<ThemeFamily, string>;
