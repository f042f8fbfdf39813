import { useMessages } from '../../hooks/use-messages.ts';

/**
 * Says that the page shows the figures its build computed, because the territory is beyond what a
 * browser loads: what is shown, what is not available, and how to get it.
 */
export function OverviewNotice() {
  const m = useMessages();
  return (
    <section
      className="overview-notice"
      role="status"
      aria-label={m.overview.title}
      data-testid="overview-notice"
    >
      <details>
        <summary>
          <strong>{m.overview.title}</strong>
          {m.lang === 'fr' ? ' : ' : ': '}
          {m.overview.summary}
        </summary>
        <p>{m.overview.body}</p>
        <p>{m.overview.howTo}</p>
      </details>
    </section>
  );
}
