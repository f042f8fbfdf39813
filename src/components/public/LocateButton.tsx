import { useMessages } from '../../hooks/use-messages.ts';
import type { LocateStatus } from '../../hooks/use-near-me.ts';
import { nearMeMessages } from '../../i18n/sections/near-me.ts';

/**
 * The opt-in to geolocation: nothing is asked before the click. A refusal or a position that
 * cannot be found is said plainly; the commune field stays usable either way.
 */
export function LocateButton({ status, onLocate }: { status: LocateStatus; onLocate: () => void }) {
  const m = useMessages();
  const t = nearMeMessages[m.lang];
  const problem =
    status === 'denied'
      ? t.denied
      : status === 'unavailable'
        ? t.unavailable
        : status === 'unsupported'
          ? t.unsupported
          : null;
  return (
    <div className="near-locate">
      <button
        type="button"
        className="near-locate-button"
        onClick={onLocate}
        disabled={status === 'locating'}
        data-testid="near-locate"
      >
        {status === 'locating' ? t.locating : t.locate}
      </button>
      <p className="near-privacy muted">{t.locatePrivacy}</p>
      {problem ? (
        <p className="near-message" role="alert" data-testid="near-locate-problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
