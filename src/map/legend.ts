import { CIRCLE_GROUND_COLOR, SECRET_COLOR } from './choropleth-paint.ts';
import { CIRCLE_COLORS, circleRadius, type CircleScale, type MapSymbol } from './circles.ts';
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
  symbol: MapSymbol = 'aplats',
): LegendItem[] {
  const items: LegendItem[] = [];
  if (symbol === 'cercles') {
    // Circles carry the values (circleLegend); the ground says only what has none.
    if (classification.hasNoData) items.push({ color: NO_DATA_COLOR, label: labels.noData });
    if (hasSecret) items.push({ color: SECRET_COLOR, label: labels.secret, hatched: true });
    return items;
  }
  if (classification.hasZero) items.push({ color: classification.zeroColor, label: labels.zero });
  for (const c of classification.classes) {
    const label = c.min === c.max ? format(c.min) : `${format(c.min)} – ${format(c.max)}`;
    items.push({ color: c.color, label });
  }
  if (classification.hasNoData) items.push({ color: NO_DATA_COLOR, label: labels.noData });
  if (hasSecret) items.push({ color: SECRET_COLOR, label: labels.secret, hatched: true });
  return items;
}

/** One circle of the nested-circles legend of a stock. */
export interface LegendCircle {
  readonly label: string;
  readonly radius: number;
}

/**
 * The nested circles of the legend: the scale's round values, largest first, drawn at the size
 * the map gives them; their colours (by sign for a balance) and the ground's meaning apart.
 */
export function circleLegend(
  scale: CircleScale,
  format: (value: number) => string,
): { circles: LegendCircle[]; colors: { color: string; sign: 'positive' | 'negative' }[]; ground: string } {
  return {
    circles: scale.legend.map((value) => ({ label: format(value), radius: circleRadius(value, scale) })),
    colors: scale.signed
      ? [
          { color: CIRCLE_COLORS.positive, sign: 'positive' },
          { color: CIRCLE_COLORS.negative, sign: 'negative' },
        ]
      : [{ color: CIRCLE_COLORS.positive, sign: 'positive' }],
    ground: CIRCLE_GROUND_COLOR,
  };
}
