import {
  Color,
  createPropertyExpression,
  latest,
  validateStyleMin,
  type StylePropertySpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';

import {
  choroplethFillColor,
  CIRCLE_GROUND_COLOR,
  SECRET_COLOR,
  SECRET_STATE,
  VALUE_STATE,
} from '../../../src/map/choropleth-paint.ts';
import { classify, colorOf, NO_DATA_COLOR } from '../../../src/map/classify.ts';
import {
  buildBaseStyle,
  DETAIL_ZOOM,
  LAYERS,
  observatoryLayers,
  observatorySources,
} from '../../../src/map/style.ts';

describe('the observatory style', () => {
  it('is a valid MapLibre style with no remote resource', () => {
    const style = buildBaseStyle('/assets/inter.woff2');
    const full = {
      ...style,
      sources: observatorySources(),
      layers: [...style.layers, ...observatoryLayers(classify([0, 1, 2, 3, null]))],
    };
    expect(validateStyleMin(full)).toEqual([]);
    expect(JSON.stringify(full)).not.toMatch(/https?:\/\//);
  });
});

describe('choroplethFillColor(classification)', () => {
  const classification = classify([0, 1, 2, 10, 11, 20, 21, 40, 41, 100, null]);
  const fillColorSpec = latest.paint_fill['fill-color'] as unknown as StylePropertySpecification;
  const parsed = createPropertyExpression(choroplethFillColor(classification), 'fill-color', fillColorSpec);

  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const expression = parsed.value;

  /** The colour MapLibre's own expression engine paints for a feature state. */
  const painted = (state: Record<string, unknown>): string => {
    const color = expression.evaluate({ zoom: 9 }, { type: 'Polygon', properties: {} }, state) as Color;
    return color.toString();
  };

  it.each([0, 1, 5, 10, 40, 41, 99, 100, 1000, null])('paints %s as colorOf says', (value) => {
    const expected = Color.parse(colorOf(value, classification))?.toString();
    expect(painted(value === null ? {} : { [VALUE_STATE]: value })).toBe(expected);
  });
});

describe('choroplethFillColor of a balance and under circles', () => {
  const fillColorSpec = latest.paint_fill['fill-color'] as unknown as StylePropertySpecification;
  const painter = (expression: ReturnType<typeof choroplethFillColor>) => {
    const parsed = createPropertyExpression(expression, 'fill-color', fillColorSpec);
    if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
    const evaluated = parsed.value;
    return (state: Record<string, unknown>): string =>
      (evaluated.evaluate({ zoom: 9 }, { type: 'Polygon', properties: {} }, state) as Color).toString();
  };

  const balance = classify([-700, -700, -20, 0, 5, 6, 40, 41, 600], { diverging: true });
  const paintBalance = painter(choroplethFillColor(balance));
  it.each([-5000, -700, -300, -20, -1, 0, 1, 5, 20, 41, 600, 9000])(
    'paints %s of a balance as colorOf says (sign kept near zero)',
    (value) => {
      expect(paintBalance({ [VALUE_STATE]: value })).toBe(Color.parse(colorOf(value, balance))?.toString());
    },
  );

  it('leaves the values to the circles: a quiet ground, grey without data, secret apart', () => {
    const paint = painter(choroplethFillColor(classify([1, 2, 3]), 'cercles'));
    expect(paint({ [VALUE_STATE]: 3 })).toBe(Color.parse(CIRCLE_GROUND_COLOR)?.toString());
    expect(paint({ [VALUE_STATE]: 0 })).toBe(Color.parse(CIRCLE_GROUND_COLOR)?.toString());
    expect(paint({})).toBe(Color.parse(NO_DATA_COLOR)?.toString());
    expect(paint({ [VALUE_STATE]: 3, [SECRET_STATE]: true })).toBe(Color.parse(SECRET_COLOR)?.toString());
  });

  it('sets names beside circles, on their point over colours, and shows associations once zoomed in over circles', () => {
    const ids = (symbol: 'cercles' | 'aplats') => observatoryLayers(classify([1, 2]), symbol);
    const labels = ids('cercles').find((l) => l.id === LAYERS.labels);
    expect(labels?.layout).toMatchObject({ 'text-variable-anchor': ['top', 'bottom', 'left', 'right'] });
    const flat = ids('aplats').find((l) => l.id === LAYERS.labels);
    expect(flat?.layout).toMatchObject({
      'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
    });
    expect(ids('cercles').find((l) => l.id === LAYERS.clusters)?.minzoom).toBe(DETAIL_ZOOM);
    expect(ids('aplats').find((l) => l.id === LAYERS.clusters)?.minzoom).toBe(0);
    // Clusters are placed before names (above them), so that names give way.
    const order = ids('aplats').map((l) => l.id);
    expect(order.indexOf(LAYERS.clusters)).toBeGreaterThan(order.indexOf(LAYERS.labels));
    expect(
      validateStyleMin({
        ...buildBaseStyle('/f.woff2'),
        sources: observatorySources(),
        layers: ids('cercles'),
      }),
    ).toEqual([]);
  });
});
