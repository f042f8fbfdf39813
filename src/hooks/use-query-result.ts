import { useEffect, useState } from 'react';

/**
 * The state of one asynchronous result. While a new answer is on its way, `previous` keeps the
 * last one, so panels can stay on screen (marked busy) instead of flickering.
 */
export type QueryResult<T> =
  | { readonly status: 'loading'; readonly previous: T | null }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'error'; readonly message: string };

/** The data of a result, or the previous data while loading; null if there is none. */
export function latestData<T>(result: QueryResult<T>): T | null {
  return result.status === 'ready' ? result.data : result.status === 'loading' ? result.previous : null;
}

/**
 * Runs `run` whenever `key` changes and keeps only the latest answer, so a slow query for an
 * old selection never overwrites the current one. `run` null means « nothing to run yet ».
 */
export function useQueryResult<T>(key: string, run: (() => Promise<T>) | null): QueryResult<T> {
  const [state, setState] = useState<{ key: string | null; value: QueryResult<T>; last: T | null }>({
    key: null,
    value: { status: 'loading', previous: null },
    last: null,
  });
  useEffect(() => {
    if (!run) return;
    let current = true;
    run().then(
      (data) => current && setState({ key, value: { status: 'ready', data }, last: data }),
      (error: unknown) =>
        current &&
        setState((s) => ({
          key,
          value: { status: 'error', message: error instanceof Error ? error.message : String(error) },
          last: s.last,
        })),
    );
    return () => {
      current = false;
    };
    // `run` is rebuilt on every render; `key` (and whether there is anything to run) says when
    // its inputs changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, run === null]);
  return state.key === key ? state.value : { status: 'loading', previous: state.last };
}
