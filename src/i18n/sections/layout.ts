/**
 * Texts of the phone and tablet layout: the header's menu, the folded filters and the bottom
 * sheet that holds the side panel (src/components/page/BottomSheet.tsx), French first.
 */
export interface LayoutMessages {
  /** The button that unfolds the toolbar's actions on a phone. */
  readonly menu: string;
  /** The button that unfolds the filters on a phone, before the summary of what is on. */
  readonly filters: string;
  /** Active filters beyond the indicator and the period, in the folded summary. */
  readonly activeFilters: (count: number) => string;
  /** The bottom sheet's handle. */
  readonly expandSheet: string;
  readonly collapseSheet: string;
  /** The legend's switch on a phone. */
  readonly showLegend: string;
  readonly hideLegend: string;
}

const fr: LayoutMessages = {
  menu: 'Menu',
  filters: 'Filtres',
  activeFilters: (count) => (count === 1 ? '1 filtre actif' : `${count} filtres actifs`),
  expandSheet: 'Agrandir le panneau',
  collapseSheet: 'Réduire le panneau',
  showLegend: 'Légende',
  hideLegend: 'Masquer la légende',
};

const en: LayoutMessages = {
  menu: 'Menu',
  filters: 'Filters',
  activeFilters: (count) => (count === 1 ? '1 active filter' : `${count} active filters`),
  expandSheet: 'Expand the panel',
  collapseSheet: 'Collapse the panel',
  showLegend: 'Legend',
  hideLegend: 'Hide the legend',
};

export const layoutMessages = { fr, en } as const;
