import type { ReactNode } from 'react';

import { useFormat } from '../../hooks/use-format.ts';
import { definitionMessages } from '../../i18n/sections/definitions.ts';
import { hasCoveredAssociations } from '../../dashboard/shown-value.ts';
import { formatPeriod } from '../../i18n/format.ts';
import type { TypeShare } from '../../indicators/explore/breakdown.ts';
import type { Period, QuarterCount, ZoneIndicators } from '../../indicators/registry.ts';
import { QuarterlyChart, type ChartEvent } from '../charts/QuarterlyChart.tsx';
import { TypeMixChart } from '../charts/TypeMixChart.tsx';
import { FamilyFigures } from './IndicatorFigures.tsx';
import { KeyFigure } from './KeyFigure.tsx';

/**
 * Overview of the territory, or of the chosen intercommunalité: key figures per family with their
 * ranges, exchanges per quarter and the resource mix; what the audience asks (`children`) comes first.
 * A funder's view names the funder, says what its figures cover (`note`) and leaves out the
 * territory's own figures (`territoryFigures`), which would read as another population.
 */
export function OverviewPanel({
  kicker,
  title,
  note,
  territoryFigures = true,
  zone,
  masked,
  period,
  quarters,
  maskedQuarters,
  mix,
  maskedTypes,
  events,
  children,
  extrasBusy = false,
}: {
  kicker: string;
  title: string;
  /** A line under the period: what the figures cover, or how to narrow them. */
  note?: string | undefined;
  /** Communes, inhabitants and active associations of the zone (default: shown). */
  territoryFigures?: boolean | undefined;
  zone: ZoneIndicators;
  masked: boolean;
  period: Period;
  quarters: readonly QuarterCount[];
  maskedQuarters: ReadonlySet<string>;
  mix: readonly TypeShare[] | null;
  maskedTypes: ReadonlySet<string>;
  events: readonly ChartEvent[];
  children?: ReactNode;
  /**
   * The audience's figures (`children`) or the resource mix are being recomputed (they come after
   * the map's): marked busy, with a bar beside them, until they are.
   */
  extrasBusy?: boolean | undefined;
}) {
  const f = useFormat();
  const { m } = f;
  const parts = zone.parts;
  // Charts of declared exchanges say « non renseigné » where no association is covered, never 0.
  const covered = hasCoveredAssociations(zone);
  return (
    <section className="panel" aria-labelledby="panel-title" data-testid="territory-panel">
      <p className="panel-kicker">{kicker}</p>
      <h2 id="panel-title" data-testid="overview-title">
        {title}
      </h2>
      <p className="panel-period" data-testid="overview-period">
        {m.period}
        {m.lang === 'fr' ? ' : ' : ': '}
        {formatPeriod(period.start, period.end, m.locale)}
      </p>
      {note ? (
        <p className="panel-note" data-testid="overview-note">
          {note}
        </p>
      ) : null}
      {territoryFigures ? (
        <dl className="key-figures">
          <KeyFigure
            label={m.territory.communes}
            value={f.number(parts.communes.central ?? 0)}
            testId="territory-communes"
          />
          <KeyFigure
            label={m.territory.population}
            value={parts.population.central === null ? '–' : f.number(parts.population.central)}
            testId="territory-population"
          />
          <KeyFigure
            label={m.territory.activeAssociations}
            value={f.number(parts.associations_actives.central ?? 0)}
            testId="territory-active"
          />
        </dl>
      ) : null}
      <div className="overview-extras" aria-busy={extrasBusy}>
        {children}
      </div>
      <FamilyFigures zone={zone} masked={masked} testPrefix="territory" />
      {covered ? (
        <QuarterlyChart
          series={[{ name: title, quarters, masked: maskedQuarters }]}
          events={events}
          title={m.chart.title}
        />
      ) : (
        <p className="panel-note" data-testid="territory-exchanges-missing">
          {m.coverage.chartMissing}
        </p>
      )}
      {mix && covered ? (
        <div className="overview-extras" aria-busy={extrasBusy}>
          <TypeMixChart mix={mix} masked={maskedTypes} title={m.territory.byType} testId="territory-mix" />
        </div>
      ) : null}
      <p className="panel-hint">
        {m.territory.clickHint}{' '}
        <a href={f.methodPage()} target="_blank" rel="noopener" data-testid="method-link">
          {m.methodLink}
          <span className="visually-hidden"> {definitionMessages[m.lang].newTab}</span>
        </a>
      </p>
    </section>
  );
}
