import { useEffect, useState } from 'react';

import { DATASET_URL } from '../config.ts';
import { httpDatasetReader } from '../data/dataset-reader.ts';
import { readPublicEdition, type PublicEdition } from '../indicators/public/read-public-edition.ts';

/** The public product being read, read, or unusable (with the file and the reason). */
export type PublicEditionState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly edition: PublicEdition };

/** Reads the public product served with the site; `retry` reads it again without a reload. */
export function usePublicEdition(): { state: PublicEditionState; retry: () => void } {
  const [state, setState] = useState<PublicEditionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    readPublicEdition(httpDatasetReader(DATASET_URL))
      .then((edition) => {
        if (live) setState({ status: 'ready', edition });
      })
      .catch((error: unknown) => {
        if (live)
          setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      live = false;
    };
  }, [attempt]);
  return {
    state,
    retry: () => {
      setState({ status: 'loading' });
      setAttempt((n) => n + 1);
    },
  };
}
