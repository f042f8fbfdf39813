import { describe, expect, it } from 'vitest';

import { formatNumber } from '../../../src/i18n/format.ts';
import { classify, NO_DATA_COLOR } from '../../../src/map/classify.ts';
import { circleScale } from '../../../src/map/circles.ts';
import { circleLegend, legendItems } from '../../../src/map/legend.ts';
import { SECRET_COLOR } from '../../../src/map/choropleth-paint.ts';

describe('legendItems(classification)', () => {
  it('lists zero, each class as a French range, then « no data »', () => {
    const items = legendItems(classify([0, 1.5, 2.25, 9, 9, null]), (v) => formatNumber(v, 1), {
      zero: 'Aucun échange',
      noData: 'Sans donnée',
      secret: 'Secret',
    });
    expect(items).toEqual([
      { color: '#ffffcc', label: 'Aucun échange' },
      { color: '#a1dab4', label: '1,5' },
      { color: '#41b6c4', label: '2,3' },
      { color: '#225ea8', label: '9,0' },
      { color: NO_DATA_COLOR, label: 'Sans donnée' },
    ]);
  });

  it('writes a class spanning several values as « min – max »', () => {
    const items = legendItems(classify([1, 2, 10, 11, 20, 21, 40, 41, 1200]), (v) => formatNumber(v), {
      zero: 'z',
      noData: 'n',
      secret: 's',
    });
    expect(items.map((i) => i.label)).toEqual(['1 – 2', '10 – 11', '20 – 21', '40 – 41', '1\u202f200']);
  });

  it('adds a hatched « secret » line when communes are masked', () => {
    const items = legendItems(
      classify([4, 8]),
      (v) => formatNumber(v),
      { zero: 'z', noData: 'n', secret: 's' },
      true,
    );
    expect(items.at(-1)).toEqual({ color: SECRET_COLOR, label: 's', hatched: true });
    expect(items).toHaveLength(3);
  });
});

describe('legend of proportional circles', () => {
  it('nests three round values drawn at the map’s sizes, the ground saying only what has no circle', () => {
    const scale = circleScale([8945, 300, -40], 20);
    if (!scale) throw new Error('scale');
    const legend = circleLegend(scale, (v) => formatNumber(v));
    expect(legend.circles.map((c) => c.label)).toEqual(['5\u202f000', '2\u202f000', '500']);
    // 5,000 of a maximum 8,945 at 20 px: 20·√(5000/8945).
    expect(legend.circles[0]?.radius).toBeCloseTo(20 * Math.sqrt(5000 / 8945), 10);
    expect(legend.colors.map((c) => c.sign)).toEqual(['positive', 'negative']);
    const items = legendItems(
      classify([8945, 300, -40, null]),
      (v) => formatNumber(v),
      { zero: 'z', noData: 'n', secret: 's' },
      true,
      'cercles',
    );
    expect(items).toEqual([
      { color: NO_DATA_COLOR, label: 'n' },
      { color: SECRET_COLOR, label: 's', hatched: true },
    ]);
  });
});
