import { useEffect, useState } from 'react';

/** The state of one asynchronous result: loading, ready with data, or failed. */
export type QueryResult<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'error'; readonly message: string };

/**
 * Runs `run` whenever `key` changes and keeps only the latest answer, so a slow query for an
 * old selection never overwrites the current one. `run` null means « nothing to run yet ».
 */
export function useQueryResult<T>(key: string, run: (() => Promise<T>) | null): QueryResult<T> {
  const [result, setResult] = useState<{ key: string; value: QueryResult<T> }>({ key, value: { status: 'loading' } });
  useEffect(() => {
    if (!run) return;
    let current = true;
    run().then(
      (data) => current && setResult({ key, value: { status: 'ready', data } }),
      (error: unknown) =>
        current && setResult({ key, value: { status: 'error', message: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      current = false;
    };
    // `run` is rebuilt on every render; `key` (and whether there is anything to run) says when
    // its inputs changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, run === null]);
  return result.key === key ? result.value : { status: 'loading' };
}
