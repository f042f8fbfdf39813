import { atom } from 'nanostores';

/** Where the page is in its start-up: engine, then data, then ready — or a readable error. */
export type EngineState =
  | { readonly status: 'loading'; readonly message: string; readonly progress: number }
  | { readonly status: 'ready' }
  | { readonly status: 'error'; readonly message: string };

export const $engine = atom<EngineState>({ status: 'loading', message: 'Démarrage…', progress: 0 });

export function setEngineState(state: EngineState): void {
  $engine.set(state);
}
