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
 * What a map finished drawing (by identity), and which map drew it: `map` names it by its basemap
 * (`mapKey`), as a new basemap mounts another map that has drawn nothing yet.
 */
export interface Drawn {
  readonly drawn: object;
  readonly map: string;
}

/** What the map now shown (`map`) has drawn: nothing, if another map drew it. */
export function drawnBy(drawn: Drawn | null, map: string): Drawn | null {
  return drawn?.map === map ? drawn : null;
}

/** Whether `what` is on screen: drawn, by the map now shown (`map`). */
export function drawnOn(drawn: Drawn | null, what: object | null, map: string): boolean {
  return what !== null && drawnBy(drawn, map)?.drawn === what;
}

/**
 * The commune values the map last finished drawing: the page is ready when they are the current
 * ones, and the time animation waits for them before moving on.
 */
export const $mapDrawn = atom<Drawn | null>(null);

/** Left each time the map has drawn new values (scripts/bench/interaction.ts reads it). */
export const MAP_DRAWN_MARK = 'symbiose:map-drawn';

export function setMapDrawn(drawn: object, map: string): void {
  performance.mark(MAP_DRAWN_MARK);
  $mapDrawn.set({ drawn, map });
}

/**
 * The association points the map last finished drawing: the page is ready when they are the
 * current ones too. On the default view the values drawn first (the build's) are already the
 * current ones, so the values alone would call the page ready before its points are on screen.
 */
export const $pointsDrawn = atom<Drawn | null>(null);

export function setPointsDrawn(drawn: object, map: string): void {
  $pointsDrawn.set({ drawn, map });
}

/** A new dataset or generation: nothing the map drew before is current. */
export function forgetMapDrawn(): void {
  $mapDrawn.set(null);
  $pointsDrawn.set(null);
}
