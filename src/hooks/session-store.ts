import { atom } from 'nanostores';

import type { BrowserSession } from '../data/browser-session.ts';
import { forgetMapDrawn } from '../state/engine.ts';
import { startNewTerritory } from '../state/view.ts';

/** The DuckDB session the page shows: the served dataset, or one built from the user's files. */
export const $session = atom<BrowserSession | null>(null);

export function setSession(session: BrowserSession): void {
  $session.set(session);
}

/**
 * Shows another dataset, already loaded in `current`'s database: a new session generation (the
 * page is rebuilt around it), the view's choices that belong to the old territory dropped.
 */
export function replaceSession(
  current: BrowserSession,
  next: Pick<BrowserSession, 'manifest' | 'outlines' | 'dataset'>,
): void {
  startNewTerritory();
  forgetMapDrawn();
  setSession({
    ...next,
    runner: current.runner,
    background: current.background,
    generation: current.generation + 1,
  });
}
