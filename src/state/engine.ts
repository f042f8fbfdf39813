import { atom } from 'nanostores';

/** Where the page is in its start-up: engine, then data, then ready — or a readable error. */
export type EngineState =
  | { readonly status: 'loading'; readonly message: string; readonly progress: number }
  | { readonly status: 'ready' }
  | { readonly status: 'error'; readonly message: string }
  /**
   * The served dataset is beyond what a browser loads (DatasetTooLargeError): no engine, the map
   * shows the figures computed when the site was built, if any.
   */
  | { readonly status: 'overview'; readonly message: string };

export const $engine = atom<EngineState>({ status: 'loading', message: 'Démarrage…', progress: 0 });

export function setEngineState(state: EngineState): void {
  $engine.set(state);
}

/**
 * The commune values the map last finished drawing (by identity): the page is ready when they are
 * the current ones, and the time animation waits for them before moving on.
 */
export const $mapDrawn = atom<object | null>(null);

/** Left each time the map has drawn new values (scripts/bench/interaction.ts reads it). */
export const MAP_DRAWN_MARK = 'symbiose:map-drawn';

export function setMapDrawn(drawn: object | null): void {
  if (drawn !== null) performance.mark(MAP_DRAWN_MARK);
  $mapDrawn.set(drawn);
}

/**
 * The association points the map last finished drawing (by identity): the page is ready when they
 * are the current ones too. On the default view the values drawn first (the build's) are already
 * the current ones, so the values alone would call the page ready before its points are on screen.
 */
export const $pointsDrawn = atom<object | null>(null);

export function setPointsDrawn(drawn: object): void {
  $pointsDrawn.set(drawn);
}

/** A new dataset or generation, or the map removed: nothing the map drew before is current. */
export function forgetMapDrawn(): void {
  $mapDrawn.set(null);
  $pointsDrawn.set(null);
}
