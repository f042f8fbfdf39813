/**
 * Places the k-th of several points that share one location on a sunflower spiral around it
 * (Vogel's model: golden-angle steps, radius growing with √k), so that associations placed at
 * their commune do not stack on one pixel. Deterministic: the same k always gives the same spot.
 */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const METRES_PER_DEGREE_LATITUDE = 110_574;

export function spreadAroundPoint(
  longitude: number,
  latitude: number,
  k: number,
  spacingMetres = 60,
): [number, number] {
  if (k === 0) return [longitude, latitude];
  const radius = spacingMetres * Math.sqrt(k);
  const angle = k * GOLDEN_ANGLE;
  const metresPerDegreeLongitude = METRES_PER_DEGREE_LATITUDE * Math.cos((latitude * Math.PI) / 180);
  const round = (value: number): number => Math.round(value * 1e6) / 1e6;
  return [
    round(longitude + (radius * Math.cos(angle)) / metresPerDegreeLongitude),
    round(latitude + (radius * Math.sin(angle)) / METRES_PER_DEGREE_LATITUDE),
  ];
}
