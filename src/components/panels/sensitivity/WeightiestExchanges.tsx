import { useFormat } from '../../../hooks/use-format.ts';
import { formatPercent } from '../../../i18n/format.ts';
import type { SensitivityMessages } from '../../../i18n/sections/sensitivity.ts';
import type { ExchangeContribution } from '../../../indicators/method/sensitivity.ts';
import { isolate } from '../../../i18n/isolate.ts';

/** « Prêt de minibus (véhicule) »: an exchange named as the flag of a dominated figure names it. */
export function exchangeName(
  exchange: ExchangeContribution,
  t: SensitivityMessages,
  types: Readonly<Record<string, string>>,
): string {
  return `${exchange.libelle ?? t.untitled} (${types[exchange.type_ressource] ?? exchange.type_ressource})`;
}

/**
 * The exchanges that weigh most in a figure, largest share first: label (as text, never HTML),
 * resource type, and share of Σ|contributions|; an exchange that lowers the figure says so.
 */
export function WeightiestExchanges({
  exchanges,
  contributing,
  t,
}: {
  exchanges: readonly ExchangeContribution[];
  /** Exchanges that contribute at all (the list shows the first ones). */
  contributing: number;
  t: SensitivityMessages;
}) {
  const f = useFormat();
  const { m } = f;
  const types: Readonly<Record<string, string>> = m.resourceTypes;
  return (
    <>
      <ol className="sensitivity-exchanges" data-testid="sensitivity-exchanges">
        {exchanges.map((e) => (
          <li key={e.id_echange} data-testid="sensitivity-exchange">
            <span className="sensitivity-exchange-name">
              {e.libelle === null ? t.untitled : isolate(e.libelle)}
            </span>
            <span className="muted"> — {types[e.type_ressource] ?? e.type_ressource}</span>
            <span className="sensitivity-share" data-testid="sensitivity-exchange-share">
              {formatPercent(e.share, 0, m.locale)}
              {e.contribution < 0 ? ` (${t.reduces})` : ''}
            </span>
          </li>
        ))}
      </ol>
      <p className="panel-note">{t.exchangesOf(exchanges.length, contributing, f.number(contributing))}</p>
    </>
  );
}
