import type { ExpressionSpecification } from 'maplibre-gl';

import type { MapSymbol } from './circles.ts';
import { colorOf, NO_DATA_COLOR, type Classification } from './classify.ts';

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

/** Feature-state key of a commune's fill colour, computed by `communeFill`. */
export const FILL_STATE = 'fill';

/**
 * A commune's fill: grey hatched under secrecy, grey without data, the quiet ground under
 * proportional circles, else its class colour (`colorOf`: zero has its own colour).
 */
export function communeFill(
  value: Pick<CommuneMapValue, 'valeur' | 'secret'>,
  classification: Classification,
  symbol: MapSymbol = 'aplats',
): string {
  if (value.secret) return SECRET_COLOR;
  if (value.valeur === null || !Number.isFinite(value.valeur)) return NO_DATA_COLOR;
  return symbol === 'cercles' ? CIRCLE_GROUND_COLOR : colorOf(value.valeur, classification);
}

/**
 * The `fill-color` of the commune layer: the colour each commune's feature state carries
 * (`communeFill`), grey until it has one. The expression never changes: new classes, a new
 * indicator or the switch to circles only set feature states, which MapLibre repaints at once,
 * whereas a new data-driven paint value makes it lay every commune tile out again.
 */
export const COMMUNE_FILL_COLOR: ExpressionSpecification = [
  'to-color',
  ['coalesce', ['feature-state', FILL_STATE], NO_DATA_COLOR],
];

/** Communes outside the chosen intercommunalité fade out. */
export const FILL_OPACITY: ExpressionSpecification = [
  'case',
  ['boolean', ['feature-state', OUTSIDE_STATE], false],
  0.25,
  0.85,
];
