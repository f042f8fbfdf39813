import { useStore } from '@nanostores/react';
import { useCallback, useEffect, useRef, useState } from 'react';

import { DatasetTooLargeError } from '../data/browser-limits.ts';
import {
  assertServedFits,
  openBrowserSession,
  readServedTablesAhead,
  type BrowserSession,
} from '../data/browser-session.ts';
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
      // Storage that fails or hangs is said by the saved-territory bar; the served dataset opens.
      if (await servedOpensAtStart().catch(() => true)) {
        await assertServedFits(DATASET_URL);
        // Its files are read while the engine compiles.
        void readServedTablesAhead(DATASET_URL).catch(() => undefined);
      }
    })().catch((error: unknown) => {
      // Only a dataset beyond the browser stops the engine: any other problem with the manifest
      // is said by the dataset's load, in its context.
      if (error instanceof DatasetTooLargeError) throw error;
    });
    // Read again below when the start-up fails: never an unhandled rejection meanwhile.
    servedFits.catch(() => undefined);
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
      async (error: unknown) => {
        // A dataset beyond the browser opens on the build's figures whatever else failed beside
        // it (an engine this browser cannot run, an engine file missing).
        const refusal = await servedFits.then(
          () => null,
          (reason: unknown) => reason,
        );
        const shown = refusal ?? error;
        if (!cancelled)
          setEngineState({
            status: shown instanceof DatasetTooLargeError ? 'overview' : 'error',
            message: shown instanceof Error ? shown.message : String(shown),
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
