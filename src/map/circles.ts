import type { FeatureCollection, Point } from 'geojson';

import type { IndicatorDefinition } from '../indicators/registry.ts';
import type { CommuneMapValue } from './choropleth-paint.ts';

/**
 * How the map draws an indicator. A stock — a count or a sum (associations, exchanges, euros,
 * kilograms) — is drawn as proportional circles over the communes: a coloured area would show
 * the size of the towns rather than the quantity. Rates, shares and amounts per inhabitant are
 * drawn as a choropleth (« aplats »), which compares communes of any size.
 */
export type MapSymbol = 'cercles' | 'aplats';

export function mapSymbolOf(shown: Pick<IndicatorDefinition, 'total' | 'percent'>): MapSymbol {
  return shown.total && !shown.percent ? 'cercles' : 'aplats';
}

/** Radius in pixels of the circle of the largest value. */
export const CIRCLE_MAX_RADIUS = 26;
/** Fill colours of circles: positive and negative values of a balance (ColorBrewer BrBG ends). */
export const CIRCLE_COLORS = { positive: '#35978f', negative: '#bf812d' } as const;

/**
 * The size scale of proportional circles: areas proportional to values (radius ∝ √|value|),
 * the largest absolute value drawn at `maxRadius`. `legend` holds three round values for the
 * nested circles of the legend, the largest at most the maximum.
 */
export interface CircleScale {
  readonly maxValue: number;
  readonly maxRadius: number;
  readonly legend: readonly number[];
  /** Some values are negative: circles are coloured by sign. */
  readonly signed: boolean;
}

/** The largest 1, 2 or 5 × 10ⁿ not above `value` (value > 0). */
export function roundDown125(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const mantissa = value / power;
  const step = mantissa >= 5 ? 5 : mantissa >= 2 ? 2 : 1;
  return step * power;
}

/** The scale of the values shown (masked and unknown values left out), or null when none is above zero. */
export function circleScale(
  values: readonly (number | null)[],
  maxRadius = CIRCLE_MAX_RADIUS,
): CircleScale | null {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const maxValue = known.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
  if (maxValue === 0) return null;
  const legend = [...new Set([maxValue, maxValue / 4, maxValue / 16].map(roundDown125))];
  return { maxValue, maxRadius, legend, signed: known.some((v) => v < 0) };
}

/** Radius in pixels of a value's circle (0 for zero). */
export function circleRadius(value: number, scale: CircleScale): number {
  return scale.maxRadius * Math.sqrt(Math.abs(value) / scale.maxValue);
}

/** A commune's reference point, where its circle and its name are drawn. */
export interface CommuneAnchor {
  readonly code_insee: string;
  readonly longitude: number;
  readonly latitude: number;
  readonly population?: number | null;
}

/** Feature-state keys of a commune's circle: radius in pixels (0: no circle), sign, zone. */
export const CIRCLE_RADIUS_STATE = 'rayon';
export const CIRCLE_NEGATIVE_STATE = 'negatif';
export const CIRCLE_OUTSIDE_STATE = 'hors_zone';

/**
 * The points circles are drawn on: every commune, set once per dataset; the circles themselves
 * are feature states (`toCommuneCircleStates`), so a new indicator or filter resizes them
 * without sending the map new data. Largest towns first, so that their circles — the largest as
 * a rule — are drawn under the smaller ones of their neighbours.
 */
export function toCommuneCircleAnchors(anchors: readonly CommuneAnchor[]): FeatureCollection<Point> {
  const ordered = [...anchors].sort(
    (a, b) => (b.population ?? 0) - (a.population ?? 0) || a.code_insee.localeCompare(b.code_insee),
  );
  return {
    type: 'FeatureCollection',
    features: ordered.map((anchor) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [anchor.longitude, anchor.latitude] },
      properties: { code_insee: anchor.code_insee },
    })),
  };
}

/** One commune's circle as the map's feature state. */
export interface CommuneCircleState {
  readonly code_insee: string;
  readonly state: {
    readonly [CIRCLE_RADIUS_STATE]: number;
    readonly [CIRCLE_NEGATIVE_STATE]: boolean;
    readonly [CIRCLE_OUTSIDE_STATE]: boolean;
  };
}

/**
 * Every commune's circle: radius by value (0, no circle, for a masked, unknown or zero value:
 * the commune's outline says why), coloured by sign, faded outside the zone shown.
 */
export function toCommuneCircleStates(
  values: readonly CommuneMapValue[],
  scale: CircleScale,
): CommuneCircleState[] {
  return values.map((value) => {
    const shown = !value.secret && value.valeur !== null && Number.isFinite(value.valeur);
    const valeur = shown ? (value.valeur ?? 0) : 0;
    return {
      code_insee: value.code_insee,
      state: {
        [CIRCLE_RADIUS_STATE]: Math.round(circleRadius(valeur, scale) * 100) / 100,
        [CIRCLE_NEGATIVE_STATE]: valeur < 0,
        [CIRCLE_OUTSIDE_STATE]: value.outside,
      },
    };
  });
}

/** What the map draws as circles: the communes' points and, over a stock, each one's circle. */
export interface CommuneCircles {
  readonly anchors: FeatureCollection<Point>;
  /** Null when the indicator is drawn as colours (no circle). */
  readonly states: readonly CommuneCircleState[] | null;
}
