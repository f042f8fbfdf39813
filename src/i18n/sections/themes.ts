/** Texts of the theme mix of a commune's associations (commune portrait). Shares arrive formatted. */
export interface ThemeMixMessages {
  readonly title: string;
  readonly commune: (name: string) => string;
  readonly territory: string;
  readonly note: string;
  readonly none: string;
  readonly cell: (share: string, count: string) => string;
}

export const themeMixMessages: Readonly<Record<'fr' | 'en', ThemeMixMessages>> = {
  fr: {
    title: 'Thèmes des associations actives (registre)',
    commune: (name) => name,
    territory: 'Territoire',
    note: 'Part des associations actives de chaque famille de thèmes (RNA, objet social WALDEC). L’indice de spécialisation résume l’écart entre les deux profils.',
    none: 'Aucune association active dans cette commune sur la période.',
    cell: (share, count) => `${share} (${count})`,
  },
  en: {
    title: 'Themes of active associations (register)',
    commune: (name) => name,
    territory: 'Territory',
    note: 'Share of active associations in each theme family (RNA, WALDEC purpose). The specialisation index sums the gap between both profiles.',
    none: 'No active association in this commune over the period.',
    cell: (share, count) => `${share} (${count})`,
  },
};
