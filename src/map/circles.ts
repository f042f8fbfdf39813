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
}

/**
 * One circle per commune with a non-zero value, largest first so that small circles are drawn
 * over large ones. Masked and unknown values have no circle (the commune's outline says why).
 */
export function toCommuneCircleFeatures(
  anchors: readonly CommuneAnchor[],
  values: readonly CommuneMapValue[],
  scale: CircleScale,
): FeatureCollection<Point> {
  const byCode = new Map(values.map((v) => [v.code_insee, v]));
  const drawn = anchors.flatMap((anchor) => {
    const value = byCode.get(anchor.code_insee);
    if (!value || value.secret || value.valeur === null || value.valeur === 0) return [];
    return [{ anchor, value: value.valeur, outside: value.outside }];
  });
  drawn.sort(
    (a, b) => Math.abs(b.value) - Math.abs(a.value) || a.anchor.code_insee.localeCompare(b.anchor.code_insee),
  );
  return {
    type: 'FeatureCollection',
    features: drawn.map(({ anchor, value, outside }) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [anchor.longitude, anchor.latitude] },
      properties: {
        code_insee: anchor.code_insee,
        valeur: value,
        rayon: Math.round(circleRadius(value, scale) * 100) / 100,
        couleur: value < 0 ? CIRCLE_COLORS.negative : CIRCLE_COLORS.positive,
        hors_zone: outside,
      },
    })),
  };
}
