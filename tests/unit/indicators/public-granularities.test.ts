/**
 * The fixed granularities of the public product (src/indicators/public/granularities.ts): the
 * periods of a dataset cut to it, and every margin of a small table written out by hand.
 */
import { describe, expect, it } from 'vitest';

import { CellIndex, FAMILIES, publicPeriods } from '../../../src/indicators/public/granularities.ts';

describe('public granularities', () => {
  it('cuts quarters and years to the dataset period, then adds the whole period', () => {
    const periods = publicPeriods({ start: '2024-02-15', end: '2025-03-31' });
    expect(periods.map((p) => [p.key, p.start, p.end, p.parent])).toEqual([
      ['2024-T1', '2024-02-15', '2024-03-31', '2024'],
      ['2024-T2', '2024-04-01', '2024-06-30', '2024'],
      ['2024-T3', '2024-07-01', '2024-09-30', '2024'],
      ['2024-T4', '2024-10-01', '2024-12-31', '2024'],
      ['2024', '2024-02-15', '2024-12-31', 'ensemble'],
      ['2025-T1', '2025-01-01', '2025-03-31', '2025'],
      ['2025', '2025-01-01', '2025-03-31', 'ensemble'],
      ['ensemble', '2024-02-15', '2025-03-31', null],
    ]);
  });

  it('writes every margin: communes → EPCI → territory, quarters → year → whole period, families → all', () => {
    const index = new CellIndex(
      [
        { code: 'c1', nom: 'C1', niveau: 'commune', parent: 'e1' },
        { code: 'c2', nom: 'C2', niveau: 'commune', parent: 'e1' },
        { code: 'e1', nom: 'E1', niveau: 'epci', parent: 'territoire' },
        { code: 'territoire', nom: 'Territoire', niveau: 'territoire', parent: null },
      ],
      publicPeriods({ start: '2024-01-01', end: '2024-06-30' }),
    );
    // 4 zones × 4 periods (T1, T2, 2024, whole) × 5 families.
    expect(index.keys).toHaveLength(4 * 4 * 5);
    const equations = index.equations();
    // Zones: (e1 = c1 + c2, territoire = e1) per period × family: 2 × 4 × 5 = 40.
    // Periods: (2024 = T1 + T2, whole = 2024) per zone × family: 2 × 4 × 5 = 40.
    // Families: all = the four families, per zone × period: 4 × 4 = 16.
    expect(equations).toHaveLength(40 + 40 + 16);
    expect(equations).toContainEqual({
      dimension: 'zone',
      total: index.of('e1', '2024-T2', 'materiel'),
      parts: [index.of('c1', '2024-T2', 'materiel'), index.of('c2', '2024-T2', 'materiel')],
    });
    expect(equations).toContainEqual({
      dimension: 'period',
      total: index.of('c2', '2024', 'locaux'),
      parts: [index.of('c2', '2024-T1', 'locaux'), index.of('c2', '2024-T2', 'locaux')],
    });
    expect(equations).toContainEqual({
      dimension: 'family',
      total: index.of('territoire', 'ensemble', 'toutes'),
      parts: Object.keys(FAMILIES).map((f) => index.of('territoire', 'ensemble', f as keyof typeof FAMILIES)),
    });
  });
});
