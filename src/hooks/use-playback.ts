import { useStore } from '@nanostores/react';
import { useCallback, useEffect, useState } from 'react';

import { $view, setPeriod } from '../state/view.ts';

/** Pause between two months of the animation, once the map has drawn the previous one. */
const STEP_MS = 400;

/**
 * Plays the network's growth month by month: the period starts at the first month and its end
 * moves forward one month at a time, waiting each time for the page to show that month (`drawn`:
 * map and figures up to date); it stops at the end, on the whole period. While a month is shown,
 * `prepare` is given the next one (its queries run during the pause).
 */
export function usePlayback(
  months: readonly string[],
  drawn: boolean,
  prepare: (from: string | null, to: string) => void = () => {},
): { playing: boolean; toggle: () => void } {
  const [playing, setPlaying] = useState(false);
  const view = useStore($view);
  const toggle = useCallback(() => {
    if (!playing) {
      const atEnd = view.to === null || view.to === months[months.length - 1];
      if (atEnd) setPeriod(null, months[0] ?? null);
    }
    setPlaying(!playing);
  }, [playing, view.to, months]);

  useEffect(() => {
    if (!playing || !drawn) return;
    const index = view.to ? months.indexOf(view.to) : months.length - 1;
    const next = months[index + 1];
    if (next && index + 1 < months.length - 1) prepare(view.from, next);
    const timer = setTimeout(() => {
      if (!next || index + 1 >= months.length - 1) {
        setPeriod(view.from, null);
        setPlaying(false);
      } else {
        setPeriod(view.from, next);
      }
    }, STEP_MS);
    return () => clearTimeout(timer);
    // `prepare` is read when a month is drawn; a new one each render would not change what runs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing, drawn, view.to, view.from, months]);

  return { playing, toggle };
}
