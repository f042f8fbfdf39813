import {
  associationsLine,
  filterLines,
  periodLine,
  zoneLine,
  type CaptionFacts,
} from '../../export/png-caption.ts';
import { useMessages } from '../../hooks/use-messages.ts';
import { exportMessages } from '../../i18n/sections/exports.ts';

/**
 * The head of a printed page: what it is about (the commune of a sheet, else the zone), its code
 * and intercommunalité, the period, its active and isolated associations and the active filters.
 * Printed only; the same lines as the exported image's title band.
 */
export function PrintHeader({ facts }: { facts: CaptionFacts }) {
  const m = useMessages();
  const x = exportMessages[m.lang];
  const { zone } = facts;
  const period = periodLine(facts.period, m);
  const associations = associationsLine(facts.associations, m);
  return (
    <header className="print-only print-header" data-testid="print-header">
      <p className="print-kicker">
        {zone.kind === 'commune' ? `${x.sheetKicker} · ${m.appTitle}` : `${m.appTitle} · ${facts.indicator}`}
      </p>
      <p className="print-title">{zone.name}</p>
      <p>{zoneLine(zone, m)}</p>
      {period ? <p>{period}</p> : null}
      {associations ? <p data-testid="print-associations">{associations}</p> : null}
      <p>{filterLines(facts, m).join(' · ')}</p>
    </header>
  );
}
