import { RESOURCE_TYPES, type ResourceType } from '../data/schema/index.ts';
import { THEME_FAMILY_LABELS, type ThemeFamily } from '../data/waldec.ts';

/** The filters of the view that narrow what the map shows. */
export interface LegendFilterView {
  /** The chosen funder (or programme) as named on screen; null when none is chosen. */
  readonly funderName: string | null;
  readonly types: readonly string[];
  readonly families: readonly string[];
  /** The lowest quality tier kept, named on screen; null when every exchange is kept. */
  readonly quality?: string | null;
}

/** Names of the filters and of their values in the page's language. */
export interface LegendFilterNames {
  readonly funder: string;
  readonly types: string;
  readonly themes: string;
  /** « Qualité des données » */
  readonly quality?: string;
  readonly resourceTypes: Readonly<Record<ResourceType, string>>;
  readonly themeFamilies: Readonly<Record<ThemeFamily, string>>;
  /** « Financeur : Département » */
  readonly line: (label: string, value: string) => string;
}

const FAMILIES = Object.keys(THEME_FAMILY_LABELS) as ThemeFamily[];

/** The chosen values in the vocabulary's order; none when nothing or everything is chosen (no filter). */
function chosen<T extends string>(vocabulary: readonly T[], selected: readonly string[]): T[] {
  const values = vocabulary.filter((value) => selected.includes(value));
  return values.length === vocabulary.length ? [] : values;
}

/**
 * One line per active filter, for the map legend: the funder, then the resource types and the
 * theme families when not all are kept, then the quality tier when not every exchange is kept.
 * Empty when the map shows everything.
 */
export function legendFilters(view: LegendFilterView, names: LegendFilterNames): string[] {
  const lines: string[] = [];
  if (view.funderName) lines.push(names.line(names.funder, view.funderName));
  const types = chosen(RESOURCE_TYPES, view.types);
  if (types.length > 0)
    lines.push(names.line(names.types, types.map((type) => names.resourceTypes[type]).join(', ')));
  const families = chosen(FAMILIES, view.families);
  if (families.length > 0)
    lines.push(names.line(names.themes, families.map((family) => names.themeFamilies[family]).join(', ')));
  if (view.quality && names.quality) lines.push(names.line(names.quality, view.quality));
  return lines;
}
