import type { ExpressionSpecification } from 'maplibre-gl';

import { NO_DATA_COLOR, type Classification } from './classify.ts';

/** Name of the feature-state key holding a commune's indicator value. */
export const VALUE_STATE = 'value';
/** Feature-state keys for the selected and hovered commune. */
export const SELECTED_STATE = 'selected';
export const HOVER_STATE = 'hover';

/**
 * The `fill-color` expression of the commune layer: reads each commune's value from its feature
 * state, so a new indicator or filter recolours the map without touching the GeoJSON source.
 * Mirrors `colorOf`.
 */
export function choroplethFillColor(classification: Classification): ExpressionSpecification {
  const value: ExpressionSpecification = ['feature-state', VALUE_STATE];
  const [first, ...rest] = classification.classes;
  const steps: (number | string)[] = rest.flatMap((c) => [c.min, c.color]);
  const byClass: ExpressionSpecification | string = first
    ? (['step', value, first.color, ...steps] as ExpressionSpecification)
    : classification.zeroColor;
  return [
    'case',
    ['!=', ['typeof', value], 'number'],
    NO_DATA_COLOR,
    ['==', value, 0],
    classification.zeroColor,
    byClass,
  ];
}
