import type { ReactNode } from 'react';
import { useState } from 'react';

import { useFormat } from '../../hooks/use-format.ts';
import { formatPercent } from '../../i18n/format.ts';
import { KitDownload } from '../kit/KitDownload.tsx';

/**
 * Says what the cooperation figures rest on when the exchange data does not cover every
 * association — none at all on a territory imported from open data — and how to add what is
 * missing: the exchange template (`KitDownload`, with the workflow in one line), and `actions`
 * (the import).
 */
export function CoverageNotice({
  covered,
  active,
  actions,
}: {
  /** Active associations covered by the exchange data, and all active ones (the territory's parts). */
  covered: number;
  active: number;
  actions: ReactNode;
}) {
  const f = useFormat();
  const { m } = f;
  const [open, setOpen] = useState(true);
  if (!open || active === 0 || covered >= active) return null;
  return (
    <section
      className="coverage-notice"
      role="note"
      aria-labelledby="coverage-title"
      data-testid="coverage-notice"
    >
      <div className="coverage-text">
        <h2 id="coverage-title">{covered === 0 ? m.coverage.title : m.coverage.portraitLabel}</h2>
        <p data-testid="coverage-summary">
          {covered === 0
            ? m.coverage.none
            : m.coverage.partial(
                formatPercent(covered / active, 0, m.locale),
                f.number(covered),
                f.number(active),
              )}
        </p>
        <KitDownload place="coverage" />
      </div>
      <div className="coverage-actions">
        {actions}
        <button type="button" className="link-button" onClick={() => setOpen(false)}>
          {m.coverage.dismiss}
        </button>
      </div>
    </section>
  );
}
