import { atom } from 'nanostores';

import type { BrowserSession } from '../data/browser-session.ts';

/** The DuckDB session the page shows: the served dataset, or one built from the user's files. */
export const $session = atom<BrowserSession | null>(null);

export function setSession(session: BrowserSession): void {
  $session.set(session);
}
