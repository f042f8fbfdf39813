import { useStore } from '@nanostores/react';
import { useEffect, useId, useRef, useState } from 'react';

import { useMessages } from '../../hooks/use-messages.ts';
import { layoutMessages } from '../../i18n/sections/layout.ts';
import { $view, setAudience, setDisplay, setLanguage } from '../../state/view.ts';
import { openImport } from '../../state/import.ts';
import { AUDIENCES } from '../../state/view-state.ts';
import { DeclareButton } from '../declare/DeclareButton.tsx';

/**
 * Who the view is for, the language, map or table, and the share button. On a phone or a tablet
 * the search stays in the header's line and the rest folds behind a « Menu » button (CSS shows
 * the button and hides the closed menu below 801 px; on a desk the menu is always laid out).
 */
export function Toolbar({
  onShare,
  search,
  canImport = true,
}: {
  onShare: () => void;
  search: React.ReactNode;
  /** False without an engine (the build's overview): the user's files cannot be opened. */
  canImport?: boolean;
}) {
  const view = useStore($view);
  const m = useMessages();
  const l = layoutMessages[m.lang];
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const toolbar = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  // A choice made in the menu closes it (the declaration dialog lives inside it: its button does not).
  const then = (action: () => void) => () => {
    action();
    setMenuOpen(false);
  };

  // An open menu closes on Escape (not one meant for a dialog) and on a tap outside the toolbar.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || (event.target instanceof Element && event.target.closest('dialog')))
        return;
      setMenuOpen(false);
      toggle.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !toolbar.current?.contains(event.target)) setMenuOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [menuOpen]);

  return (
    <div className="toolbar" ref={toolbar}>
      {search}
      <button
        ref={toggle}
        type="button"
        className="menu-toggle"
        aria-expanded={menuOpen}
        aria-controls={menuId}
        onClick={() => setMenuOpen((open) => !open)}
        data-testid="menu-toggle"
      >
        <span aria-hidden="true">☰</span> {l.menu}
      </button>
      <div id={menuId} className={menuOpen ? 'toolbar-menu is-open' : 'toolbar-menu'}>
        <div className="audiences" role="group" aria-label="Public">
          {AUDIENCES.map((audience) => (
            <button
              key={audience}
              type="button"
              aria-pressed={view.audience === audience}
              title={m.audiences[audience].hint}
              onClick={then(() => setAudience(audience))}
              data-testid={`audience-${audience}`}
            >
              {m.audiences[audience].label}
            </button>
          ))}
        </div>
        <div className="toolbar-actions">
          <div className="display-switch" role="group" aria-label={m.display.label}>
            {(['carte', 'tableau'] as const).map((display) => (
              <button
                key={display}
                type="button"
                aria-pressed={view.display === display}
                onClick={then(() => setDisplay(display))}
                data-testid={`display-${display}`}
              >
                {display === 'carte' ? m.display.map : m.display.table}
              </button>
            ))}
          </div>
          {canImport ? (
            <button type="button" onClick={then(() => openImport(true))} data-testid="import-open">
              {m.importer.button}
            </button>
          ) : null}
          <DeclareButton />
          <button type="button" onClick={then(onShare)} data-testid="share-open">
            {m.share.button}
          </button>
          <button
            type="button"
            lang={m.lang === 'fr' ? 'en' : 'fr'}
            onClick={then(() => setLanguage(m.lang === 'fr' ? 'en' : 'fr'))}
            data-testid="language"
          >
            {m.switchLanguage}
          </button>
        </div>
      </div>
    </div>
  );
}
