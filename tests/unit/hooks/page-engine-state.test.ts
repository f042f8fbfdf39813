import { describe, expect, it } from 'vitest';

import { pageEngineState } from '../../../src/hooks/use-page-status.ts';
import { drawnBy, drawnOn, type EngineState } from '../../../src/state/engine.ts';

/*
 * What the page says of its start-up when the served dataset is beyond the browser: the overview
 * once the build's map is drawn, « drawing » while it is read or drawn, an error when the build
 * left no figures; any other engine state is said as it is.
 */

const overview: EngineState = { status: 'overview', message: 'manifest.json : trop grand' };
const DRAWING = 'Dessin de la carte…';

describe('pageEngineState', () => {
  it('is the overview once its map is drawn, whatever the first view’s status', () => {
    for (const first of ['reading', 'shown', 'none'] as const)
      expect(pageEngineState(overview, first, true, DRAWING)).toBe(overview);
  });

  it('says the map is being drawn while the build’s figures are read or drawn', () => {
    const drawing = { status: 'loading', message: DRAWING, progress: 0.95 };
    expect(pageEngineState(overview, 'reading', false, DRAWING)).toEqual(drawing);
    expect(pageEngineState(overview, 'shown', false, DRAWING)).toEqual(drawing);
  });

  it('is an error naming the dataset when the build left no figures to show', () => {
    expect(pageEngineState(overview, 'none', false, DRAWING)).toEqual({
      status: 'error',
      message: 'manifest.json : trop grand',
    });
  });

  it('leaves every other engine state as it is', () => {
    const states: EngineState[] = [
      { status: 'loading', message: 'Démarrage…', progress: 0.1 },
      { status: 'ready' },
      { status: 'error', message: 'wasm' },
    ];
    for (const state of states)
      for (const first of ['reading', 'shown', 'none'] as const)
        for (const drawn of [true, false]) expect(pageEngineState(state, first, drawn, DRAWING)).toBe(state);
  });
});

describe('drawnOn: what the page counts as on screen', () => {
  const values = [{ code_insee: '01001' }];

  it('is what the map shown drew, by identity', () => {
    expect(drawnOn({ drawn: values, map: 'offline' }, values, 'offline')).toBe(true);
    // Equal figures in another array were not drawn.
    expect(drawnOn({ drawn: values, map: 'offline' }, [...values], 'offline')).toBe(false);
  });

  it('is not what another map drew: a new basemap mounts a map that has drawn nothing yet', () => {
    expect(drawnOn({ drawn: values, map: 'offline' }, values, 'https://tiles.example/style.json')).toBe(
      false,
    );
    expect(drawnBy({ drawn: values, map: 'offline' }, 'https://tiles.example/style.json')).toBeNull();
    expect(drawnBy({ drawn: values, map: 'offline' }, 'offline')).toEqual({ drawn: values, map: 'offline' });
  });

  it('is nothing before a first drawing, nor when there is nothing to draw', () => {
    expect(drawnOn(null, values, 'offline')).toBe(false);
    expect(drawnOn({ drawn: values, map: 'offline' }, null, 'offline')).toBe(false);
  });
});
