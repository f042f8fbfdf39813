import { useId } from 'react';

import { useMessages } from '../../hooks/use-messages.ts';

/**
 * Says that the page shows the figures its build computed, because the territory is beyond what a
 * browser loads: what is shown, what is not available, how to get it, and the refusal (`reason`:
 * the dataset's size against the browser's limits).
 */
export function OverviewNotice({ reason }: { reason: string }) {
  const m = useMessages();
  const title = useId();
  return (
    <section className="overview-notice" role="note" aria-labelledby={title} data-testid="overview-notice">
      <details>
        <summary>
          <strong id={title}>{m.overview.title}</strong>
          {m.overview.summary}
        </summary>
        <p>{m.overview.body}</p>
        <p>{m.overview.howTo}</p>
        {/* The refusal itself: the dataset's size and the browser's limits, as the loader says it. */}
        <p className="overview-reason">{reason}</p>
      </details>
    </section>
  );
}
