import { useEffect } from 'react';

import type { BackgroundRunner } from '../data/query-priority.ts';

/** The performance measure of each hold, from taken to released (devtools, benches, tests). */
export const BACKGROUND_HELD_MEASURE = 'symbiose:background-held';

/**
 * Holds the engine's background door (`background`, query-priority.ts) while `drawing`: the page
 * draws the view the foreground answered, and the overview's statements wait until it is on
 * screen (or the hold's limit passes). Released when drawing ends or the page goes.
 */
export function useBackgroundHold(background: BackgroundRunner | null, drawing: boolean): void {
  useEffect(() => {
    if (!background || !drawing) return;
    const release = background.hold();
    const start = performance.now();
    return () => {
      release();
      performance.measure(BACKGROUND_HELD_MEASURE, { start });
    };
  }, [background, drawing]);
}
