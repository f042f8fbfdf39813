import { useMessages } from '../../hooks/use-messages.ts';

/** Says plainly that the territory is invented, so nobody takes its figures for real ones. */
export function FictionalNotice() {
  const m = useMessages();
  return (
    <p className="fictional-notice" role="note" data-testid="fictional-notice">
      {m.fictionalNotice}
    </p>
  );
}
