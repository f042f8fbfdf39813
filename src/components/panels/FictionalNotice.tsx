import { fr } from '../../i18n/fr.ts';

/** Says plainly that the territory is invented, so nobody takes its figures for real ones. */
export function FictionalNotice() {
  return (
    <p className="fictional-notice" role="note" data-testid="fictional-notice">
      {fr.fictionalNotice}
    </p>
  );
}
