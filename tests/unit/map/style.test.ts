import {
  Color,
  createPropertyExpression,
  latest,
  validateStyleMin,
  type StylePropertySpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';

import { choroplethFillColor, VALUE_STATE } from '../../../src/map/choropleth-paint.ts';
import { classify, colorOf } from '../../../src/map/classify.ts';
import { buildBaseStyle, observatoryLayers, observatorySources } from '../../../src/map/style.ts';

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
