import type { DatasetManifest } from '../../data/manifest.ts';
import { formatNumber, formatPercent, formatPeriod } from '../../i18n/format.ts';
import { fr } from '../../i18n/fr.ts';
import type { QuarterCount, TerritorySummary } from '../../indicators/registry.ts';
import { QuarterlyChart } from '../charts/QuarterlyChart.tsx';
import { KeyFigure } from './KeyFigure.tsx';

const t = fr.territory;

/** Overview of the whole territory: the panel shown when no commune is selected. */
export function TerritoryPanel({
  manifest,
  summary,
  quarters,
}: {
  manifest: DatasetManifest;
  summary: TerritorySummary;
  quarters: readonly QuarterCount[];
}) {
  return (
    <section className="panel" aria-labelledby="panel-title" data-testid="territory-panel">
      <p className="panel-kicker">{t.heading}</p>
      <h2 id="panel-title">{manifest.name}</h2>
      <p className="panel-period">
        {fr.period} : {formatPeriod(manifest.period.start, manifest.period.end)}
      </p>
      <dl className="key-figures">
        <KeyFigure label={t.communes} value={formatNumber(summary.communes)} testId="territory-communes" />
        <KeyFigure
          label={t.population}
          value={formatNumber(summary.population)}
          testId="territory-population"
        />
        <KeyFigure
          label={t.activeAssociations}
          value={formatNumber(summary.associations_actives)}
          testId="territory-active"
        />
        <KeyFigure
          label={t.cooperationRate}
          value={formatPercent(
            summary.associations_actives > 0
              ? summary.associations_cooperantes / summary.associations_actives
              : null,
          )}
          hint={t.cooperationHint}
          testId="territory-cooperation"
        />
        <KeyFigure label={t.exchanges} value={formatNumber(summary.echanges)} testId="territory-exchanges" />
        <KeyFigure
          label={t.intercommunal}
          value={formatPercent(
            summary.echanges > 0 ? summary.echanges_intercommunaux / summary.echanges : null,
          )}
          testId="territory-intercommunal"
        />
        <KeyFigure
          label={t.partnerships}
          value={formatNumber(summary.partenariats)}
          hint={t.partnershipsHint}
          testId="territory-partnerships"
        />
      </dl>
      <QuarterlyChart quarters={quarters} events={manifest.events} title={fr.chart.title} />
      <p className="panel-hint">{t.clickHint}</p>
    </section>
  );
}
