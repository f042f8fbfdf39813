import { useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';

import { useMessages } from '../../hooks/use-messages.ts';
import { layoutMessages } from '../../i18n/sections/layout.ts';

/** How much of the sheet shows over the map: its handle and title, half the map, or all of it. */
export type SheetState = 'peek' | 'half' | 'full';

/** Below this width the side panel is a bottom sheet (the same value as the CSS media queries). */
export const SHEET_QUERY = '(max-width: 800px)';
/** A drag shorter than this (px) is a tap on the handle. */
const DRAG_THRESHOLD = 8;

const NEXT: Record<SheetState, SheetState> = { peek: 'half', half: 'full', full: 'peek' };

function subscribeToSheetQuery(onChange: () => void): () => void {
  const query = window.matchMedia(SHEET_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Whether the screen is narrow enough for the side panel to be a sheet. */
function useIsSheet(): boolean {
  return useSyncExternalStore(
    subscribeToSheetQuery,
    () => window.matchMedia(SHEET_QUERY).matches,
    () => false,
  );
}

/**
 * The side panel: beside the map on a desk, a non-modal bottom sheet over the map on a phone or a
 * tablet. The sheet peeks (handle and title), covers half the map or all of it; the handle's button
 * steps through the three, and dragging it sets the height, snapped to the nearest on release.
 * Opening something (`openKey` changes to a value) unfolds it to half; the content scrolls inside.
 */
export function BottomSheet({
  title,
  openKey,
  children,
}: {
  /** What the panel shows, read in the peeking sheet. */
  title: string;
  /** The thing opened (a commune, an association), null for the overview. */
  openKey: string | null;
  children: ReactNode;
}) {
  const m = useMessages();
  const l = layoutMessages[m.lang];
  const isSheet = useIsSheet();
  const [state, setState] = useState<SheetState>(openKey ? 'half' : 'peek');
  const [dragHeight, setDragHeight] = useState<number | null>(null);
  const sheet = useRef<HTMLElement>(null);
  const drag = useRef<{ y: number; height: number; moved: boolean } | null>(null);
  // The click that ends a drag is not a tap on the handle.
  const dragged = useRef(false);
  const contentId = useId();

  // Something newly opened shows at half height (or stays full); back to the overview, the sheet peeks.
  const [seenKey, setSeenKey] = useState(openKey);
  if (seenKey !== openKey) {
    setSeenKey(openKey);
    setState((current) => (openKey === null ? 'peek' : current === 'full' ? 'full' : 'half'));
  }

  // The content of a peeking sheet is out of sight: out of the tab order and of screen readers too.
  const content = useRef<HTMLDivElement>(null);
  useEffect(() => {
    content.current?.toggleAttribute('inert', isSheet && state === 'peek');
  }, [isSheet, state]);

  const snap = (height: number) => {
    const parent = sheet.current?.parentElement?.clientHeight ?? window.innerHeight;
    const ratio = height / parent;
    setState(ratio < 0.3 ? 'peek' : ratio < 0.75 ? 'half' : 'full');
  };

  return (
    <aside
      ref={sheet}
      className="side-panel"
      data-sheet={state}
      style={dragHeight === null ? undefined : { height: `${dragHeight}px` }}
      data-testid="side-panel"
    >
      <div className="sheet-head">
        <button
          type="button"
          className="sheet-handle"
          aria-expanded={state !== 'peek'}
          aria-controls={contentId}
          aria-label={state === 'full' ? l.collapseSheet : l.expandSheet}
          data-testid="sheet-handle"
          onClick={() => {
            if (dragged.current) dragged.current = false;
            else setState((current) => NEXT[current]);
          }}
          onPointerDown={(event) => {
            dragged.current = false;
            if (!sheet.current) return;
            drag.current = { y: event.clientY, height: sheet.current.offsetHeight, moved: false };
            event.currentTarget.setPointerCapture(event.pointerId);
          }}
          onPointerMove={(event) => {
            const start = drag.current;
            if (!start) return;
            const dy = start.y - event.clientY;
            if (!start.moved && Math.abs(dy) < DRAG_THRESHOLD) return;
            start.moved = true;
            const parent = sheet.current?.parentElement?.clientHeight ?? window.innerHeight;
            setDragHeight(Math.max(48, Math.min(parent, start.height + dy)));
          }}
          onPointerUp={(event) => {
            const start = drag.current;
            if (start?.moved) snap(Math.max(0, start.height + start.y - event.clientY));
            dragged.current = start?.moved ?? false;
            drag.current = null;
            setDragHeight(null);
          }}
          onPointerCancel={() => {
            drag.current = null;
            setDragHeight(null);
          }}
        >
          <span className="sheet-grip" aria-hidden="true" />
        </button>
        <p className="sheet-title">{title}</p>
      </div>
      <div className="side-panel-content" id={contentId} ref={content}>
        {children}
      </div>
    </aside>
  );
}
