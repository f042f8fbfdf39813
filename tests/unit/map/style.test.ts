import {
  Color,
  createPropertyExpression,
  latest,
  validateStyleMin,
  type StylePropertySpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';

import {
  CIRCLE_GROUND_COLOR,
  COMMUNE_FILL_COLOR,
  communeFill,
  FILL_STATE,
  SECRET_COLOR,
} from '../../../src/map/choropleth-paint.ts';
import { CIRCLE_RADIUS_STATE } from '../../../src/map/circles.ts';
import { classify, colorOf, NO_DATA_COLOR, type Classification } from '../../../src/map/classify.ts';
import {
  buildBaseStyle,
  DETAIL_ZOOM,
  LAYERS,
  observatoryLayers,
  observatorySources,
  SOURCES,
} from '../../../src/map/style.ts';
import {
  communeSource,
  communeSourceLayer,
  communeTileTemplate,
  type CommuneGeometry,
} from '../../../src/map/commune-tiles.ts';

describe('the observatory style', () => {
  it('is a valid MapLibre style with no remote resource', () => {
    const style = buildBaseStyle('/assets/inter.woff2');
    const full = {
      ...style,
      sources: observatorySources(),
      layers: [...style.layers, ...observatoryLayers()],
    };
    expect(validateStyleMin(full)).toEqual([]);
    expect(JSON.stringify(full)).not.toMatch(/https?:\/\//);
  });

  it('draws the communes from the tiles cut at build: a valid style whose commune layers read their layer', () => {
    const style = buildBaseStyle('/assets/inter.woff2');
    const tiles: CommuneGeometry = {
      kind: 'tiles',
      url: communeTileTemplate('http://127.0.0.1:4321/apercu/tuiles', '9e392d9ba6da'),
      zooms: { minzoom: 0, maxzoom: 10 },
      bounds: [2.8, 45.7, 3.4, 46.1],
    };
    const layers = observatoryLayers('aplats', communeSourceLayer(tiles));
    const full = {
      ...style,
      sources: { ...observatorySources(), [SOURCES.communes]: communeSource(tiles) },
      layers: [...style.layers, ...layers],
    };
    expect(validateStyleMin(full)).toEqual([]);
    expect(full.sources[SOURCES.communes]).toMatchObject({
      type: 'vector',
      tiles: ['http://127.0.0.1:4321/apercu/tuiles/{z}/{x}/{y}.pbf?v=9e392d9ba6da'],
      maxzoom: 10,
      promoteId: 'code_insee',
    });
    const readingTiles = layers.filter((l) => 'source-layer' in l).map((l) => l.id);
    expect(readingTiles.sort()).toEqual(
      [LAYERS.communeFill, LAYERS.communeSecret, LAYERS.communeLine, LAYERS.communeHighlight].sort(),
    );
    expect(new Set(layers.flatMap((l) => ('source-layer' in l ? [l['source-layer']] : [])))).toEqual(
      new Set(['communes']),
    );
    // Outlines: the same layers, none reading a source layer.
    expect(observatoryLayers('aplats').filter((l) => 'source-layer' in l)).toEqual([]);
  });
});

describe('the communes’ fill (communeFill, COMMUNE_FILL_COLOR)', () => {
  const fillColorSpec = latest.paint_fill['fill-color'] as unknown as StylePropertySpecification;
  const parsed = createPropertyExpression(COMMUNE_FILL_COLOR, 'fill-color', fillColorSpec);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const expression = parsed.value;

  /** The colour MapLibre's own expression engine paints for a feature state. */
  const painted = (state: Record<string, unknown>): string =>
    (expression.evaluate({ zoom: 9 }, { type: 'Polygon', properties: {} }, state) as Color).toString();
  const css = (color: string) => Color.parse(color)?.toString();
  const paint = (valeur: number | null, classification: Classification, symbol?: 'cercles' | 'aplats') =>
    painted({ [FILL_STATE]: communeFill({ valeur, secret: false }, classification, symbol) });

  const classification = classify([0, 1, 2, 10, 11, 20, 21, 40, 41, 100, null]);
  it.each([0, 1, 5, 10, 40, 41, 99, 100, 1000, null])('paints %s as colorOf says', (value) => {
    expect(paint(value, classification)).toBe(css(colorOf(value, classification)));
  });

  const balance = classify([-700, -700, -20, 0, 5, 6, 40, 41, 600], { diverging: true });
  it.each([-5000, -700, -300, -20, -1, 0, 1, 5, 20, 41, 600, 9000])(
    'paints %s of a balance as colorOf says (sign kept near zero)',
    (value) => {
      expect(paint(value, balance)).toBe(css(colorOf(value, balance)));
    },
  );

  it('leaves the values to the circles: a quiet ground, grey without data, secret apart', () => {
    const scale = classify([1, 2, 3]);
    expect(paint(3, scale, 'cercles')).toBe(css(CIRCLE_GROUND_COLOR));
    expect(paint(0, scale, 'cercles')).toBe(css(CIRCLE_GROUND_COLOR));
    expect(paint(null, scale, 'cercles')).toBe(css(NO_DATA_COLOR));
    expect(communeFill({ valeur: 3, secret: true }, scale, 'cercles')).toBe(SECRET_COLOR);
    expect(communeFill({ valeur: null, secret: true }, scale)).toBe(SECRET_COLOR);
  });

  it('paints a commune grey until it has a state', () => {
    expect(painted({})).toBe(css(NO_DATA_COLOR));
  });
});

describe('observatoryLayers(symbol)', () => {
  it('draws circles only over a stock, sized by their feature state', () => {
    const circles = (symbol: 'cercles' | 'aplats') =>
      observatoryLayers(symbol).find((l) => l.id === LAYERS.circles);
    expect(circles('cercles')?.layout).toEqual({ visibility: 'visible' });
    expect(circles('aplats')?.layout).toEqual({ visibility: 'none' });
    const layer = circles('cercles');
    if (layer?.type !== 'circle') throw new Error('circle layer');
    const spec = (name: 'circle-radius' | 'circle-stroke-width') => {
      const parsed = createPropertyExpression(
        layer.paint?.[name],
        name,
        latest.paint_circle[name] as unknown as StylePropertySpecification,
      );
      if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
      return (state: Record<string, unknown>) =>
        parsed.value.evaluate({ zoom: 9 }, { type: 'Point', properties: {} }, state) as number;
    };
    expect(spec('circle-radius')({ [CIRCLE_RADIUS_STATE]: 12.5 })).toBe(12.5);
    expect(spec('circle-radius')({})).toBe(0);
    expect(spec('circle-stroke-width')({ [CIRCLE_RADIUS_STATE]: 12.5 })).toBe(1);
    expect(spec('circle-stroke-width')({ [CIRCLE_RADIUS_STATE]: 0 })).toBe(0);
  });

  it('sets names beside circles, on their point over colours, and shows associations once zoomed in over circles', () => {
    const ids = (symbol: 'cercles' | 'aplats') => observatoryLayers(symbol);
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
