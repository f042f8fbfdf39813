import { describe, expect, it } from 'vitest';

import { classify, colorOf, NO_DATA_COLOR } from '../../../src/map/classify.ts';

describe('classify(values)', () => {
  it('gives each of three distinct values its class, zero and « no data » apart', () => {
    const c = classify([1, 1, 2, 9, 9, null, 0]);
    // d3 YlGnBu with 4 colours: the lightest for zero, the three others for the classes.
    expect(c).toEqual({
      method: 'seuils-naturels',
      zeroColor: '#ffffcc',
      classes: [
        { min: 1, max: 1, color: '#a1dab4' },
        { min: 2, max: 2, color: '#41b6c4' },
        { min: 9, max: 9, color: '#225ea8' },
      ],
      hasZero: true,
      hasNoData: true,
    });
  });

  it('finds the natural groups of a clearly grouped series (five classes at most)', () => {
    const c = classify([1, 2, 10, 11, 20, 21, 40, 41, 100]);
    expect(c.classes.map((k) => [k.min, k.max])).toEqual([
      [1, 2],
      [10, 11],
      [20, 21],
      [40, 41],
      [100, 100],
    ]);
    expect(c.hasZero).toBe(false);
    expect(c.hasNoData).toBe(false);
  });

  it('copes with only zeros and unknowns', () => {
    const c = classify([0, null, 0]);
    expect(c.classes).toEqual([]);
    expect(colorOf(0, c)).toBe(c.zeroColor);
    expect(colorOf(null, c)).toBe(NO_DATA_COLOR);
  });
});

describe('colorOf(value, classification)', () => {
  const c = classify([1, 2, 10, 11, 20, 21, 40, 41, 100]);
  it.each([
    [1, 0],
    [2, 0],
    [5, 0], // between classes: belongs to the lower one, as `step` paints it
    [10, 1],
    [41, 3],
    [100, 4],
    [250, 4],
  ])('%s falls in class %s', (value, index) => {
    expect(colorOf(value, c)).toBe(c.classes[index]?.color);
  });
});
