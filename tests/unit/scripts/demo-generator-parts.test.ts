import type { MultiPolygon, Polygon } from 'geojson';
import validator from 'validator';
import { describe, expect, it } from 'vitest';

import { AssociationIndex } from '../../../scripts/demo/association-index.ts';
import { CompactGeometry } from '../../../scripts/demo/compact-geometry.ts';
import { withLuhnDigit } from '../../../scripts/demo/identifiers.ts';

describe('withLuhnDigit', () => {
  it('appends the digit worked out by hand', () => {
    // 1234567 from the right, every other digit doubled: 14→5, 6, 10→1, 4, 6, 2, 2 = 26 → 4.
    expect(withLuhnDigit('1234567')).toBe('12345674');
    // The textbook example: 7992739871 takes 3.
    expect(withLuhnDigit('7992739871')).toBe('79927398713');
  });

  it('gives the number validator checks as Luhn-valid, for SIREN and SIRET bodies', () => {
    for (let n = 0; n < 20_000; n += 7) {
      for (const digits of [String(70_000_000 + n).padStart(8, '0'), `${String(n).padStart(9, '0')}0001`]) {
        const number = withLuhnDigit(digits);
        expect(number.slice(0, -1)).toBe(digits);
        expect(validator.isLuhnNumber(number), number).toBe(true);
      }
    }
  });
});

describe('CompactGeometry', () => {
  it.each<[string, Polygon | MultiPolygon]>([
    [
      'a polygon with a hole',
      {
        type: 'Polygon',
        coordinates: [
          [
            [3.1, 45.9],
            [3.2, 45.9],
            [3.2, 46],
            [3.1, 45.9],
          ],
          [
            [3.15, 45.93],
            [3.16, 45.95],
            [3.17, 45.93],
            [3.15, 45.93],
          ],
        ],
      },
    ],
    [
      'a multipolygon',
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [1, 0],
              [0, 1],
              [0, 0],
            ],
          ],
          [
            [
              [-2.5, -0],
              [-2, 0.125],
              [-2.25, 1e-7],
              [-2.5, -0],
            ],
          ],
        ],
      },
    ],
    ['an empty polygon', { type: 'Polygon', coordinates: [] }],
  ])('gives back %s as it was', (_, geometry) => {
    const compact = new CompactGeometry(geometry);
    expect(compact.toGeoJson()).toEqual(geometry);
    expect(JSON.stringify(compact.toGeoJson())).toBe(JSON.stringify(geometry));
  });
});

describe('AssociationIndex names', () => {
  it('gives back each name, accents and apostrophes included, and "" for one not named yet', () => {
    const index = new AssociationIndex(3, ['00001']);
    index.setName(0, 'Club de l’amitié d’Écully');
    index.setName(1, 'Harmonie de Bel');
    expect([index.name(0), index.name(1), index.name(2)]).toEqual([
      'Club de l’amitié d’Écully',
      'Harmonie de Bel',
      '',
    ]);
  });

  it('refuses a name out of order', () => {
    const index = new AssociationIndex(3, ['00001']);
    expect(() => index.setName(1, 'Chorale')).toThrow(RangeError);
  });

  it('keeps names when its buffer grows', () => {
    const index = new AssociationIndex(5_000, ['00001']);
    const names = Array.from({ length: 5_000 }, (_, i) => `Comité des fêtes n° ${i} de Saint-Genès-la-Forêt`);
    names.forEach((name, i) => index.setName(i, name));
    expect(index.name(0)).toBe(names[0]);
    expect(index.name(4_999)).toBe(names[4_999]);
    expect(names.every((name, i) => index.name(i) === name)).toBe(true);
  });
});
