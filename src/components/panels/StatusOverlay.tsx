import { useMessages } from '../../hooks/use-messages.ts';
import type { EngineState } from '../../state/engine.ts';

/** Start-up progress over the map, or the reason it failed with a way to try again. */
export function StatusOverlay({
  engine,
  drawing,
  mapShown = false,
  onRetry,
}: {
  engine: EngineState;
  drawing: boolean;
  /** A map is already on screen (the first view, computed at build): progress stays out of its way. */
  mapShown?: boolean;
  onRetry: () => void;
}) {
  const m = useMessages();
  // The build's figures are on the map: the page's notice says why nothing more can be asked.
  if (engine.status === 'overview') return null;
  if (engine.status === 'error') {
    return (
      <div className="status-overlay status-error" role="alert" data-testid="status-error">
        <h2>{m.error.title}</h2>
        <p>{engine.message}</p>
        <button type="button" onClick={onRetry}>
          {m.error.retry}
        </button>
      </div>
    );
  }
  if (engine.status === 'ready' && !drawing) return null;
  const message = engine.status === 'loading' ? engine.message : m.loading.map;
  const progress = engine.status === 'loading' ? engine.progress : 0.95;
  return (
    <div
      className={mapShown ? 'status-overlay is-compact' : 'status-overlay'}
      role="status"
      aria-live="polite"
      data-testid="status-loading"
    >
      <p>{message}</p>
      <progress max={1} value={progress} />
    </div>
  );
}
