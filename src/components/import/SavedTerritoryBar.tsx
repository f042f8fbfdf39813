import { useStore } from '@nanostores/react';
import { useState, type ReactNode } from 'react';

import { useMessages } from '../../hooks/use-messages.ts';
import { removeSaved, showSaved, showServed, useSavedTerritory } from '../../hooks/use-saved-territory.ts';
import type { Locale } from '../../i18n/format.ts';
import { savedMessages } from '../../i18n/sections/saved.ts';
import { $view } from '../../state/view.ts';

function formatSavedAt(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

/**
 * The territory kept in this browser: which one the page shows and when it was imported, a way
 * to see the demo without losing it, to open it again, or to delete it (after confirmation); a
 * stored territory that fails its checks, or a storage that cannot be read, says why and can be
 * deleted too; a territory or rows that could not be kept say so. Also the notice of a link to a
 * territory imported in another browser.
 */
export function SavedTerritoryBar() {
  const m = useMessages();
  const t = savedMessages[m.lang];
  const embed = useStore($view).embed;
  const { stored, save, foreignLink, action, shown } = useSavedTerritory();
  const [confirming, setConfirming] = useState(false);
  const busy = action.status === 'busy';
  const when = (iso: string) => formatSavedAt(iso, m.locale);

  const lines: ReactNode[] = [];
  let buttons: { label: string; testId: string; run: () => void }[] = [];
  const remove = { label: t.remove, testId: 'saved-remove', run: () => setConfirming(true) };
  if (foreignLink) {
    lines.push(
      <p key="foreign" className="saved-notice" role="note" data-testid="saved-foreign-link">
        {t.foreignLink}
      </p>,
    );
  }
  let status: string | null = null;
  let problem = false;
  if (shown?.kind === 'local') {
    if (save.status === 'saving') status = t.saving;
    else if (save.status === 'failed') {
      const reason = t.failure(save.failure, save.detail);
      status = save.what === 'territory' ? t.notSaved(reason) : t.additionNotSaved(reason);
      problem = true;
    } else if (stored.status === 'ok' && stored.summary.id === shown.id) {
      status = t.storedShown(when(stored.summary.savedAt));
      buttons = [{ label: t.showDemo, testId: 'saved-show-demo', run: () => void showServed() }, remove];
    } else if (stored.status !== 'checking') {
      // Never silent: the territory shown is not the one this browser keeps.
      status = t.notKept;
      problem = true;
    }
  } else if (shown?.kind === 'served' && stored.status === 'ok') {
    status = t.storedAside(stored.summary.name, when(stored.summary.savedAt));
    buttons = [{ label: t.open, testId: 'saved-open', run: () => void showSaved() }, remove];
  } else if (stored.status === 'corrupt') {
    // Whatever is damaged, the stored territory can be deleted: nothing else gets it out of the way.
    status = t.corrupt(t.problem(stored.problem));
    problem = true;
    buttons = [remove];
  } else if (stored.status === 'unavailable') {
    status = t.unreadable(stored.failure, stored.detail);
    problem = true;
    buttons = [remove];
  }
  if (embed) return lines.length > 0 ? <div className="saved-bar">{lines}</div> : null;
  if (status === null && lines.length === 0) return null;

  return (
    <section className="saved-bar" aria-label={t.label} aria-busy={busy} data-testid="saved-bar">
      {lines}
      {status === null ? null : (
        <div className="saved-row">
          <p
            className={problem ? 'saved-status is-problem' : 'saved-status'}
            data-testid="saved-status"
            aria-live="polite"
          >
            {status}
          </p>
          {confirming ? (
            <div className="saved-confirm" role="group" aria-label={t.remove}>
              <span>{t.confirmRemove}</span>
              <button
                type="button"
                disabled={busy}
                data-testid="saved-remove-confirm"
                onClick={() => {
                  setConfirming(false);
                  void removeSaved();
                }}
              >
                {t.confirmYes}
              </button>
              <button type="button" onClick={() => setConfirming(false)} data-testid="saved-remove-cancel">
                {t.cancel}
              </button>
            </div>
          ) : (
            buttons.map((b) => (
              <button key={b.testId} type="button" disabled={busy} onClick={b.run} data-testid={b.testId}>
                {b.label}
              </button>
            ))
          )}
          {busy ? <span className="saved-busy">{t.busy}</span> : null}
        </div>
      )}
      {action.status === 'error' ? (
        <p className="saved-status is-problem" role="alert" data-testid="saved-error">
          {t.actionFailed(action.message)}
        </p>
      ) : null}
    </section>
  );
}
