import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';

import {
  defaultSignalVisibility,
  hubIcon,
  SIGNAL_LAYERS,
  signalLayers,
  signalLayerVisibility,
  signalSources,
} from '../../../src/map/signal-layers.ts';
import { buildBaseStyle, LAYERS, observatoryLayers, observatorySources } from '../../../src/map/style.ts';

describe('defaultSignalVisibility(mode)', () => {
  it('shows both signal layers where no exchange is declared, neither beside declared exchanges', () => {
    expect(defaultSignalVisibility('aucune')).toEqual({ places: true, hubs: true });
    expect(defaultSignalVisibility('echanges')).toEqual({ places: false, hubs: false });
    expect(defaultSignalVisibility('toutes')).toEqual({ places: false, hubs: false });
  });
});

describe('signalLayers()', () => {
  it('are valid MapLibre layers on their own sources, hidden until switched on', () => {
    const style = {
      ...buildBaseStyle('/assets/inter.woff2'),
      sources: signalSources(),
      layers: signalLayers(),
    };
    expect(validateStyleMin(style)).toEqual([]);
    expect(signalLayers().map((l) => [l.id, l.type, l.layout?.visibility])).toEqual([
      ['shared-places', 'circle', 'none'],
      ['umbrella-hubs', 'symbol', 'none'],
    ]);
  });

  it('sit above the association points and under the commune outline and names', () => {
    expect(Object.keys(observatorySources())).toEqual(
      expect.arrayContaining([SIGNAL_LAYERS.places, SIGNAL_LAYERS.hubs]),
    );
    const ids = observatoryLayers().map((l) => l.id);
    const at = (id: string) => ids.indexOf(id);
    expect(at(LAYERS.associationSelected)).toBeLessThan(at(LAYERS.places));
    expect(at(LAYERS.places)).toBeLessThan(at(LAYERS.hubs));
    expect(at(LAYERS.hubs)).toBeLessThan(at(LAYERS.communeHighlight));
  });

  it('switch one by one', () => {
    expect(signalLayerVisibility({ places: true, hubs: false })).toEqual({
      'shared-places': 'visible',
      'umbrella-hubs': 'none',
    });
  });
});

describe('hubIcon(size)', () => {
  const icon = hubIcon(28);
  const pixel = (x: number, y: number) => [...icon.data.slice((y * 28 + x) * 4, (y * 28 + x) * 4 + 4)];

  it('is a dark diamond with a white outline on a transparent square', () => {
    expect([icon.width, icon.height, icon.data.length]).toEqual([28, 28, 28 * 28 * 4]);
    // Centre 13.5: |x − 13.5| + |y − 13.5| ≤ 9.5 dark, ≤ 13.5 white, beyond transparent.
    expect(pixel(13, 13)).toEqual([26, 26, 46, 255]); // #1a1a2e
    expect(pixel(13, 5)).toEqual([26, 26, 46, 255]); // 0.5 + 8.5 = 9
    expect(pixel(13, 1)).toEqual([255, 255, 255, 255]); // 0.5 + 12.5 = 13
    expect(pixel(13, 0)).toEqual([0, 0, 0, 0]); // 0.5 + 13.5 = 14
    expect(pixel(0, 0)).toEqual([0, 0, 0, 0]);
  });
});
