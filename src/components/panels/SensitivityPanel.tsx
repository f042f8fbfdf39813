import { useState } from 'react';

import { useFormat, type Format } from '../../hooks/use-format.ts';
import { latestData } from '../../hooks/use-query-result.ts';
import { useSensitivity } from '../../hooks/use-sensitivity.ts';
import { formatEstimate } from '../../i18n/format-indicator.ts';
import { formatPercent } from '../../i18n/format.ts';
import {
  parameterLabel,
  sensitivityMessages,
  type SensitivityMessages,
} from '../../i18n/sections/sensitivity.ts';
import type { FigureSensitivity } from '../../indicators/method/sensitivity.ts';
import type { IndicatorDefinition, Level, ZoneIndicators } from '../../indicators/registry.ts';
import { TornadoChart, type TornadoRow } from './sensitivity/TornadoChart.tsx';
import { exchangeName, WeightiestExchanges } from './sensitivity/WeightiestExchanges.tsx';

/** Parameters drawn in the tornado: the widest swings. */
const TORNADO_PARAMETERS = 6;

/** The tornado's rows: each parameter's label and swing, rounded to what the swing allows. */
function tornadoRows(
  f: Format,
  t: SensitivityMessages,
  indicator: IndicatorDefinition,
  figure: FigureSensitivity,
): (TornadoRow & { readonly range: string })[] {
  const locale = f.m.locale;
  return figure.swings.slice(0, TORNADO_PARAMETERS).map((s) => {
    const at = (central: number) => formatEstimate(indicator, { central, bas: s.low, haut: s.high }, locale);
    const label = parameterLabel(t, s.parametre);
    const ends = { lowText: at(s.low).value, highText: at(s.high).value };
    return {
      parametre: s.parametre,
      label,
      low: s.low,
      high: s.high,
      ...ends,
      range: at(figure.central ?? s.low).range ?? `${ends.lowText} – ${ends.highText}`,
    };
  });
}

/** One figure's sensitivity: its central value, the tornado of its parameters, its weightiest exchanges. */
function FigureDetails({
  indicator,
  figure,
  zone,
  publicView,
  t,
}: {
  indicator: IndicatorDefinition;
  figure: FigureSensitivity;
  zone: ZoneIndicators;
  publicView: boolean;
  t: SensitivityMessages;
}) {
  const f = useFormat();
  const { m } = f;
  const estimate = f.estimate(indicator, zone.values[indicator.id]);
  const label = f.label(indicator);
  const heading = (
    <p className="sensitivity-central" data-testid="sensitivity-central">
      <strong>{t.central(label, estimate.value)}</strong>
      {estimate.range ? ` (${f.fm.rangePrefix}${estimate.range})` : ''}
    </p>
  );
  if (figure.central === null) {
    return (
      <>
        {heading}
        <p className="panel-note">{t.notProvided}</p>
      </>
    );
  }
  const rows = tornadoRows(f, t, indicator, figure);
  const top = figure.exchanges[0];
  const types: Readonly<Record<string, string>> = m.resourceTypes;
  return (
    <>
      {heading}
      <h4>{t.parametersHeading}</h4>
      {rows.length === 0 ? (
        <p className="panel-note">{t.noSwing}</p>
      ) : (
        <figure className="chart sensitivity-figure">
          <figcaption className="visually-hidden">{t.chartTitle(label)}</figcaption>
          <TornadoChart
            rows={rows}
            central={figure.central}
            centralLabel={t.centralLine}
            lowersLabel={t.lowers}
            raisesLabel={t.raises}
          />
          {/* The same swings as text, for screen readers and for reading exact numbers. */}
          <ul className="visually-hidden" data-testid="sensitivity-swings">
            {rows.map((r) => (
              <li key={r.parametre} data-parametre={r.parametre}>
                {t.swing(r.label, r.range)}
              </li>
            ))}
          </ul>
        </figure>
      )}
      <h4>{t.exchangesHeading}</h4>
      {figure.dominated && figure.topShare !== null ? (
        <p className="sensitivity-dominated" role="note" data-testid="sensitivity-dominated">
          {t.dominated(formatPercent(figure.topShare, 0, m.locale))}
          {!publicView && top ? ` ${t.dominatedWhich(exchangeName(top, t, types))}` : ''}
        </p>
      ) : null}
      {figure.contributing === 0 ? (
        <p className="panel-note">{figure.central === 0 ? t.noExchange : t.notSummed}</p>
      ) : publicView ? (
        <p className="panel-note" data-testid="sensitivity-public">
          {t.publicPrivacy}
        </p>
      ) : (
        <WeightiestExchanges exchanges={figure.exchanges} contributing={figure.contributing} t={t} />
      )}
    </>
  );
}

/**
 * « Ce qui fait varier ce chiffre »: for a zone, which coefficients move its figures most and
 * which exchanges weigh most in them. Closed by default — nothing is computed until it is opened
 * — and computed again when the zone, the filters or the map's indicator change. Its `data-state`
 * (idle / loading / ready / error) says where it stands. The public view lists no exchange.
 */
export function SensitivityPanel({
  level,
  zone,
  publicView,
  current,
}: {
  level: Level;
  zone: ZoneIndicators;
  publicView: boolean;
  /** The zone's figures are up to date: the computation waits for them. */
  current: boolean;
}) {
  const f = useFormat();
  const { m } = f;
  const t = sensitivityMessages[m.lang];
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const { figures, status, result } = useSensitivity({ open, level, zone, current });
  const indicator = figures.find((x) => x.id === chosen) ?? figures[0];
  const computed = latestData(result);
  const figure = computed?.find((s) => s.indicator === indicator?.id) ?? null;
  return (
    <details
      className="sensitivity"
      data-testid="sensitivity"
      data-state={status}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{t.summary}</summary>
      {open ? (
        <div className="sensitivity-body" aria-busy={status === 'loading'}>
          <p className="panel-note">{t.intro}</p>
          <div className="sensitivity-picker" role="group" aria-label={t.figurePicker}>
            {figures.map((x) => (
              <button
                key={x.id}
                type="button"
                aria-pressed={x.id === indicator?.id}
                onClick={() => setChosen(x.id)}
                data-testid={`sensitivity-figure-${x.id}`}
              >
                {f.label(x)}
              </button>
            ))}
          </div>
          {result.status === 'error' ? (
            <p className="panel-note" role="alert">
              {t.error(result.message)}
            </p>
          ) : indicator && figure ? (
            <FigureDetails indicator={indicator} figure={figure} zone={zone} publicView={publicView} t={t} />
          ) : (
            <p className="panel-note" aria-live="polite">
              {t.loading}
            </p>
          )}
        </div>
      ) : null}
    </details>
  );
}
