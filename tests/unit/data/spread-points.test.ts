import { describe, expect, it } from 'vitest';

import { spreadAroundPoint } from '../../../src/data/spread-points.ts';

describe('spreadAroundPoint(lon, lat, k)', () => {
  const centre: [number, number] = [3.1, 45.9];

  it('keeps the first point on the location itself', () => {
    expect(spreadAroundPoint(...centre, 0)).toEqual(centre);
  });

  /** Great-circle distance by the haversine formula, on the mean Earth radius (6 371 008.8 m). */
  function haversineMetres([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
    const rad = Math.PI / 180;
    const h =
      Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
      Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
    return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
  }

  it('puts the k-th point spacing × √k metres away', () => {
    for (const k of [1, 4, 25]) {
      const metres = haversineMetres(centre, spreadAroundPoint(...centre, k, 60));
      expect(Math.abs(metres - 60 * Math.sqrt(k))).toBeLessThan(0.2); // coordinates are rounded to 1e-6°
    }
  });

  it('never stacks two of the first 500 points', () => {
    const keys = new Set(Array.from({ length: 500 }, (_, k) => spreadAroundPoint(...centre, k).join(',')));
    expect(keys.size).toBe(500);
  });
});
