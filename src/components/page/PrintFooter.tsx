import { methodLine } from '../../export/png-caption.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { formatDate } from '../../i18n/format.ts';

/** Source, method (its version and page), date and permalink at the foot of a printed page. */
export function PrintFooter({ datasetName, permalink }: { datasetName: string; permalink: string }) {
  const { m, methodPage } = useFormat();
  const methodUrl = `${window.location.origin}${methodPage()}`;
  return (
    <footer className="print-only print-footer">
      <p>
        {m.print.source(datasetName)} <span data-testid="print-method">{methodLine(m)}</span> ·{' '}
        {m.print.method(methodUrl)}
      </p>
      <p>
        {m.print.printed(formatDate(new Date().toISOString().slice(0, 10), m.locale))} — {m.print.link}{' '}
        {permalink}
      </p>
    </footer>
  );
}
