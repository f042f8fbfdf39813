import type { ExpressionSpecification } from 'maplibre-gl';

import type { MapSymbol } from './circles.ts';
import { classThresholds, NO_DATA_COLOR, type Classification } from './classify.ts';

/** Feature-state keys of a commune: its value, secrecy, being outside the chosen EPCI, selection, hover. */
export const VALUE_STATE = 'value';
export const SECRET_STATE = 'secret';
export const OUTSIDE_STATE = 'outside';
export const SELECTED_STATE = 'selected';
export const COMPARED_STATE = 'compared';
export const HOVER_STATE = 'hover';

/** One commune's state on the map: its value, whether it is masked, whether it lies outside the zone shown. */
export interface CommuneMapValue {
  readonly code_insee: string;
  readonly valeur: number | null;
  readonly secret: boolean;
  readonly outside: boolean;
}

/** Colour of communes under statistical secrecy (hatched on top, see style.ts). */
export const SECRET_COLOR = '#8a8f98';
/** Fill of communes under proportional circles: a quiet ground, the circles carry the value. */
export const CIRCLE_GROUND_COLOR = '#f4f2ec';

/**
 * The `fill-color` expression of the commune layer: reads each commune's value from its feature
 * state, so a new indicator or filter recolours the map without touching the GeoJSON source.
 * Mirrors `colorOf`.
 */
export function choroplethFillColor(
  classification: Classification,
  symbol: MapSymbol = 'aplats',
): ExpressionSpecification {
  const value: ExpressionSpecification = ['feature-state', VALUE_STATE];
  const [first, ...rest] = classification.classes;
  const thresholds = classThresholds(classification);
  const steps: (number | string)[] = rest.flatMap((c, i) => [thresholds[i + 1] ?? c.min, c.color]);
  const byClass: ExpressionSpecification | string = first
    ? (['step', value, first.color, ...steps] as ExpressionSpecification)
    : classification.zeroColor;
  const secret: ExpressionSpecification = ['boolean', ['feature-state', SECRET_STATE], false];
  const unknown: ExpressionSpecification = ['!=', ['typeof', value], 'number'];
  if (symbol === 'cercles')
    return ['case', secret, SECRET_COLOR, unknown, NO_DATA_COLOR, CIRCLE_GROUND_COLOR];
  return [
    'case',
    secret,
    SECRET_COLOR,
    unknown,
    NO_DATA_COLOR,
    ['==', value, 0],
    classification.zeroColor,
    byClass,
  ];
}

/** Communes outside the chosen intercommunalité fade out. */
export const FILL_OPACITY: ExpressionSpecification = [
  'case',
  ['boolean', ['feature-state', OUTSIDE_STATE], false],
  0.25,
  0.85,
];
