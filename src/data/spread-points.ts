import { destination } from '@turf/turf';

/**
 * Places the k-th of several points that share one location on a sunflower spiral around it
 * (Vogel's model: golden-angle steps, radius growing with √k), so that associations placed at
 * their commune do not stack on one pixel. Deterministic: the same k always gives the same spot.
 */
const GOLDEN_ANGLE_DEGREES = 180 * (3 - Math.sqrt(5));

export function spreadAroundPoint(
  longitude: number,
  latitude: number,
  k: number,
  spacingMetres = 60,
): [number, number] {
  if (k === 0) return [longitude, latitude];
  const target = destination(
    [longitude, latitude],
    spacingMetres * Math.sqrt(k),
    (k * GOLDEN_ANGLE_DEGREES) % 360,
    {
      units: 'meters',
    },
  );
  const [lon = longitude, lat = latitude] = target.geometry.coordinates;
  const round = (value: number): number => Math.round(value * 1e6) / 1e6;
  return [round(lon), round(lat)];
}
