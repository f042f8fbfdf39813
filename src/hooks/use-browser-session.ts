import { useStore } from '@nanostores/react';
import { useCallback, useEffect, useRef, useState } from 'react';

import { DatasetTooLargeError } from '../data/browser-limits.ts';
import { assertServedFits, openBrowserSession, type BrowserSession } from '../data/browser-session.ts';
import { DATASET_URL } from '../config.ts';
import { useMessages } from './use-messages.ts';
import { $engine, setEngineState, type EngineState } from '../state/engine.ts';
import { $session, setSession } from './session-store.ts';
import { openSavedAtStart, servedOpensAtStart } from './use-saved-territory.ts';

/**
 * Opens the page's DuckDB session once (on the territory stored in this browser, if any, else the
 * served dataset) and reports its state; `retry` starts again after an error.
 */
export function useBrowserSession(): {
  session: BrowserSession | null;
  engine: EngineState;
  retry: () => void;
} {
  const engine = useStore($engine);
  const m = useMessages();
  // Progress texts are read when they arrive, in the language of that moment.
  const messages = useRef(m);
  useEffect(() => {
    messages.current = m;
  });
  const session = useStore($session);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    // A served dataset beyond the browser is refused before the engine compiles (the page then
    // shows its build's figures); a territory held in this browser opens whatever the served one.
    // Checked beside the engine's own files, so that the check costs no extra wait.
    const servedFits = (async () => {
      if (await servedOpensAtStart()) await assertServedFits(DATASET_URL);
    })();
    openBrowserSession(
      DATASET_URL,
      (progress) => {
        if (cancelled) return;
        setEngineState(
          progress.phase === 'engine'
            ? { status: 'loading', message: messages.current.loading.engine, progress: 0.1 }
            : {
                status: 'loading',
                message: messages.current.loading.data(progress.label),
                progress: 0.1 + (0.8 * progress.step) / progress.steps,
              },
        );
      },
      openSavedAtStart,
      servedFits,
    ).then(
      (opened) => {
        if (cancelled) return;
        // A session the user's files replaced stays (the served one is only the first).
        if (!$session.get()) setSession(opened);
        setEngineState({ status: 'ready' });
      },
      (error: unknown) => {
        if (!cancelled)
          setEngineState({
            status: error instanceof DatasetTooLargeError ? 'overview' : 'error',
            message: error instanceof Error ? error.message : String(error),
          });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { session, engine, retry };
}
