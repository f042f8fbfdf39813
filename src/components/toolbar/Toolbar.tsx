import { useStore } from '@nanostores/react';

import { useMessages } from '../../hooks/use-messages.ts';
import { $view, setAudience, setDisplay, setLanguage } from '../../state/view.ts';
import { openImport } from '../../state/import.ts';
import { AUDIENCES } from '../../state/view-state.ts';
import { DeclareButton } from '../declare/DeclareButton.tsx';

/** Who the view is for, the language, map or table, and the share button. */
export function Toolbar({ onShare, search }: { onShare: () => void; search: React.ReactNode }) {
  const view = useStore($view);
  const m = useMessages();
  return (
    <div className="toolbar">
      <div className="audiences" role="group" aria-label="Public">
        {AUDIENCES.map((audience) => (
          <button
            key={audience}
            type="button"
            aria-pressed={view.audience === audience}
            title={m.audiences[audience].hint}
            onClick={() => setAudience(audience)}
            data-testid={`audience-${audience}`}
          >
            {m.audiences[audience].label}
          </button>
        ))}
      </div>
      {search}
      <div className="toolbar-actions">
        <div className="display-switch" role="group" aria-label={m.display.label}>
          {(['carte', 'tableau'] as const).map((display) => (
            <button
              key={display}
              type="button"
              aria-pressed={view.display === display}
              onClick={() => setDisplay(display)}
              data-testid={`display-${display}`}
            >
              {display === 'carte' ? m.display.map : m.display.table}
            </button>
          ))}
        </div>
        <button type="button" onClick={() => openImport(true)} data-testid="import-open">
          {m.importer.button}
        </button>
        <DeclareButton />
        <button type="button" onClick={onShare} data-testid="share-open">
          {m.share.button}
        </button>
        <button
          type="button"
          lang={m.lang === 'fr' ? 'en' : 'fr'}
          onClick={() => setLanguage(m.lang === 'fr' ? 'en' : 'fr')}
          data-testid="language"
        >
          {m.switchLanguage}
        </button>
      </div>
    </div>
  );
}
