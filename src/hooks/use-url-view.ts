import { useEffect } from 'react';

import { bindViewToUrl, viewToQuery, withDatasetParam } from '../state/url.ts';
import { $view } from '../state/view.ts';
import { $session } from './session-store.ts';
import { $saved, shownDatasetParam } from './use-saved-territory.ts';

/**
 * Reads the view from the page's URL once, then keeps the URL up to date (no history entry per
 * change). The URL also says which dataset is shown (`d`, see `datasetParam`): it is rewritten
 * when the page opens another dataset or a territory is stored or deleted.
 */
export function useUrlView(): void {
  useEffect(() => {
    const write = (query: string) => {
      const full = withDatasetParam(query, shownDatasetParam());
      const url = `${window.location.pathname}${full ? `?${full}` : ''}${window.location.hash}`;
      window.history.replaceState(null, '', url);
    };
    const rewrite = () => write(viewToQuery($view.get()));
    const unbind = bindViewToUrl($view, window.location.search, write);
    const unlistenSession = $session.listen(rewrite);
    const unlistenSaved = $saved.listen(rewrite);
    return () => {
      unbind();
      unlistenSession();
      unlistenSaved();
    };
  }, []);
}
