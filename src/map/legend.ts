import { NO_DATA_COLOR, type Classification } from './classify.ts';

/** One line of the map legend. */
export interface LegendItem {
  readonly color: string;
  readonly label: string;
}

/**
 * Legend lines for a classification, formatted with `format` (French numbers in the UI).
 * Zero and « sans donnée » get their own lines when present.
 */
export function legendItems(
  classification: Classification,
  format: (value: number) => string,
  labels: { zero: string; noData: string },
): LegendItem[] {
  const items: LegendItem[] = [];
  if (classification.hasZero) items.push({ color: classification.zeroColor, label: labels.zero });
  for (const c of classification.classes) {
    const label = c.min === c.max ? format(c.min) : `${format(c.min)} – ${format(c.max)}`;
    items.push({ color: c.color, label });
  }
  if (classification.hasNoData) items.push({ color: NO_DATA_COLOR, label: labels.noData });
  return items;
}
