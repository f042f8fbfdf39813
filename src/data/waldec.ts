/**
 * WALDEC top-level themes of the RNA (the « objet social » nomenclature), with their official
 * labels (methodology brief §4.1) and the display family we group them into on the map.
 */

/** Families of themes, for colours and filters: few enough to tell apart on a map. */
export type ThemeFamily =
  'sport' | 'culture' | 'loisirs' | 'social' | 'education' | 'environnement' | 'economie' | 'civique';

export const THEME_FAMILY_LABELS: Readonly<Record<ThemeFamily, string>> = {
  sport: 'Sport, plein air',
  culture: 'Culture, patrimoine',
  loisirs: 'Loisirs, vie sociale',
  social: 'Social, santé, solidarité',
  education: 'Éducation, formation',
  environnement: 'Environnement, cadre de vie',
  economie: 'Économie, emploi, tourisme',
  civique: 'Droits, citoyenneté, divers',
};

interface WaldecTheme {
  readonly label: string;
  readonly family: ThemeFamily;
}

// prettier-ignore
export const WALDEC_THEMES: Readonly<Record<string, WaldecTheme>> = {
  '001000': { label: 'activités politiques', family: 'civique' },
  '002000': { label: 'clubs, cercles de réflexion', family: 'civique' },
  '003000': { label: 'défense de droits fondamentaux, activités civiques', family: 'civique' },
  '004000': { label: 'justice', family: 'civique' },
  '005000': { label: 'information communication', family: 'culture' },
  '006000': { label: 'culture, pratiques d’activités artistiques, culturelles', family: 'culture' },
  '007000': { label: 'clubs de loisirs, relations', family: 'loisirs' },
  '009000': { label: 'action socio-culturelle', family: 'culture' },
  '010000': { label: 'préservation du patrimoine', family: 'culture' },
  '011000': { label: 'sports, activités de plein air', family: 'sport' },
  '013000': { label: 'chasse pêche', family: 'sport' },
  '014000': { label: 'amicales, groupements affinitaires, groupements d’entraide', family: 'loisirs' },
  '015000': { label: 'éducation formation', family: 'education' },
  '016000': { label: 'recherche', family: 'education' },
  '017000': { label: 'santé', family: 'social' },
  '018000': { label: 'services et établissements médico-sociaux', family: 'social' },
  '019000': { label: 'interventions sociales', family: 'social' },
  '020000': { label: 'associations caritatives, humanitaires, aide au développement, développement du bénévolat', family: 'social' },
  '021000': { label: 'services familiaux, services aux personnes âgées', family: 'social' },
  '022000': { label: 'conduite d’activités économiques', family: 'economie' },
  '023000': { label: 'représentation, promotion et défense d’intérêts économiques', family: 'economie' },
  '024000': { label: 'environnement, cadre de vie', family: 'environnement' },
  '030000': { label: 'aide à l’emploi, développement local, promotion de solidarités économiques, vie locale', family: 'economie' },
  '032000': { label: 'logement', family: 'social' },
  '034000': { label: 'tourisme', family: 'economie' },
  '036000': { label: 'sécurité, protection civile', family: 'civique' },
  '038000': { label: 'armée', family: 'civique' },
  '040000': { label: 'activités religieuses, spirituelles ou philosophiques', family: 'civique' },
  '050000': { label: 'domaines divers, domaines de nature à reclasser', family: 'civique' },
};

/**
 * The top-level theme of a WALDEC code: its first three digits followed by `000`, except
 * 011400, which belongs to 011000 (methodology brief §4.1).
 */
export function topLevelTheme(code: string): string {
  if (code === '011400') return '011000';
  return `${code.slice(0, 3)}000`;
}

/** Display family of a WALDEC code (any level); unknown codes fall in « civique / divers ». */
export function themeFamily(code: string): ThemeFamily {
  return WALDEC_THEMES[topLevelTheme(code)]?.family ?? 'civique';
}
