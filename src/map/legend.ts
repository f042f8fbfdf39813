import { SECRET_COLOR } from './choropleth-paint.ts';
import { NO_DATA_COLOR, type Classification } from './classify.ts';

/** One line of the map legend. */
export interface LegendItem {
  readonly color: string;
  readonly label: string;
  /** Drawn hatched, as communes under statistical secrecy are on the map. */
  readonly hatched?: boolean;
}

/**
 * Legend lines for a classification, formatted with `format` (numbers in the page's language).
 * Zero, « no data » and « secret » get their own lines when the map has them.
 */
export function legendItems(
  classification: Classification,
  format: (value: number) => string,
  labels: { zero: string; noData: string; secret: string },
  hasSecret = false,
): LegendItem[] {
  const items: LegendItem[] = [];
  if (classification.hasZero) items.push({ color: classification.zeroColor, label: labels.zero });
  for (const c of classification.classes) {
    const label = c.min === c.max ? format(c.min) : `${format(c.min)} – ${format(c.max)}`;
    items.push({ color: c.color, label });
  }
  if (classification.hasNoData) items.push({ color: NO_DATA_COLOR, label: labels.noData });
  if (hasSecret) items.push({ color: SECRET_COLOR, label: labels.secret, hatched: true });
  return items;
}
