import { useStore } from '@nanostores/react';
import { useCallback, useEffect, useState } from 'react';

import { openBrowserSession, type BrowserSession } from '../data/browser-session.ts';
import { DATASET_URL } from '../config.ts';
import { fr } from '../i18n/fr.ts';
import { $engine, setEngineState, type EngineState } from '../state/engine.ts';

/** Opens the page's DuckDB session once and reports its state; `retry` starts again after an error. */
export function useBrowserSession(): {
  session: BrowserSession | null;
  engine: EngineState;
  retry: () => void;
} {
  const engine = useStore($engine);
  const [session, setSession] = useState<BrowserSession | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    openBrowserSession(DATASET_URL, (progress) => {
      if (cancelled) return;
      setEngineState(
        progress.phase === 'engine'
          ? { status: 'loading', message: fr.loading.engine, progress: 0.1 }
          : {
              status: 'loading',
              message: fr.loading.data(progress.label),
              progress: 0.1 + (0.8 * progress.step) / progress.steps,
            },
      );
    }).then(
      (opened) => {
        if (cancelled) return;
        setSession(opened);
        setEngineState({ status: 'ready' });
      },
      (error: unknown) => {
        if (!cancelled)
          setEngineState({
            status: 'error',
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
