import { useEffect } from 'react';

import { bindViewToUrl } from '../state/url.ts';
import { $view } from '../state/view.ts';

/** Reads the view from the page's URL once, then keeps the URL up to date (no history entry per change). */
export function useUrlView(): void {
  useEffect(
    () =>
      bindViewToUrl($view, window.location.search, (query) => {
        const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
        window.history.replaceState(null, '', url);
      }),
    [],
  );
}
