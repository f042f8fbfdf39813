import { describe, expect, it } from 'vitest';

import { classify, colorOf, NO_DATA_COLOR } from '../../../src/map/classify.ts';

describe('classify(values)', () => {
  it('gives each of three distinct values its class, zero and « no data » apart', () => {
    const c = classify([1, 1, 2, 9, 9, null, 0]);
    // d3 YlGnBu with 4 colours: the lightest for zero, the three others for the classes.
    expect(c).toEqual({
      method: 'seuils-naturels',
      scheme: 'sequentiel',
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

describe('classify(values, { diverging }) — a balance', () => {
  // BrBG with 2·3 + 1 = 7 colours: #8c510a #d8b365 #f6e8c3 | #f5f5f5 | #c7eae5 #5ab4ac #01665e.
  const c = classify([-700, -700, -20, 0, 5, 6, 40, 41, 600, null], { diverging: true });

  it('groups each sign apart and centres the palette on zero', () => {
    expect(c.scheme).toBe('divergent');
    expect(c.zeroColor).toBe('#f5f5f5');
    expect(c.classes).toEqual([
      { min: -700, max: -700, color: '#d8b365' },
      { min: -20, max: -20, color: '#f6e8c3' },
      { min: 5, max: 6, color: '#c7eae5' },
      { min: 40, max: 41, color: '#5ab4ac' },
      { min: 600, max: 600, color: '#01665e' },
    ]);
  });

  it('never gives a positive value a negative class, nor the reverse', () => {
    expect(colorOf(1, c)).toBe('#c7eae5'); // below the first positive class: still blue-green
    expect(colorOf(-1, c)).toBe('#f6e8c3'); // between the nearest negative class and zero
    expect(colorOf(-5000, c)).toBe('#d8b365');
    expect(colorOf(0, c)).toBe('#f5f5f5');
  });

  it('is chosen for any negative value, even without the flag (no « -718 – 646 » class)', () => {
    const d = classify([-718, 646]);
    expect(d.scheme).toBe('divergent');
    // One class per side: BrBG with 3 colours.
    expect(d.classes).toEqual([
      { min: -718, max: -718, color: '#d8b365' },
      { min: 646, max: 646, color: '#5ab4ac' },
    ]);
  });
});
