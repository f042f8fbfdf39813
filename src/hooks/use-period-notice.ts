import { useStore } from '@nanostores/react';
import { useEffect, useState } from 'react';

import { periodProblem, type PeriodProblem } from '../indicators/period-check.ts';
import { PERIOD_KEYS, periodInQuery } from '../state/url.ts';
import { $view, setPeriod } from '../state/view.ts';

/**
 * What was impossible in the period the page was opened with, or null: a value of `du`/`au` that
 * is no month or a reversed period (the view already shows the default period, see
 * `viewFromQuery`), or — once the data's period is known — a period sharing no month with it,
 * which is then set back to the default. Read in the first render, before `useUrlView` writes the
 * address back without the impossible period.
 */
export function usePeriodNotice(
  data: { readonly start: string; readonly end: string } | null,
): PeriodProblem | null {
  const view = useStore($view);
  const [fromAddress] = useState<PeriodProblem | null>(() =>
    typeof window === 'undefined' ? null : periodInQuery(window.location.search),
  );
  const outside = data ? periodProblem(view.from, view.to, 'month', PERIOD_KEYS, data) : null;
  // Kept once the view is set back (`outside` is then null): the notice stays until closed.
  const [seen, setSeen] = useState<PeriodProblem | null>(null);
  if (outside && JSON.stringify(outside) !== JSON.stringify(seen)) setSeen(outside);
  const reset = outside !== null;
  useEffect(() => {
    if (reset) setPeriod(null, null);
  }, [reset]);
  return fromAddress ?? seen;
}
