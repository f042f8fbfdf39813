import { useEffect } from 'react';

import type { BackgroundRunner } from '../data/query-priority.ts';

/**
 * Holds the engine's background door (`background`, query-priority.ts) while `drawing`: the page
 * draws the view the foreground answered, and the overview's statements wait until it is on
 * screen (or the hold's limit passes). Released when drawing ends or the page goes.
 */
export function useBackgroundHold(background: BackgroundRunner | null, drawing: boolean): void {
  useEffect(() => (background && drawing ? background.hold() : undefined), [background, drawing]);
}
