import type { DatasetManifest } from '../../data/manifest.ts';
import { formatNumber, formatPeriod } from '../../i18n/format.ts';
import { fr } from '../../i18n/fr.ts';
import type { QuarterCount, ZoneIndicators } from '../../indicators/registry.ts';
import { QuarterlyChart } from '../charts/QuarterlyChart.tsx';
import { IndicatorFigures, PANEL_FAMILIES } from './IndicatorFigures.tsx';
import { KeyFigure } from './KeyFigure.tsx';

const t = fr.territory;

/** Overview of the whole territory: the panel shown when no commune is selected. */
export function TerritoryPanel({
  manifest,
  territory,
  quarters,
}: {
  manifest: DatasetManifest;
  territory: ZoneIndicators;
  quarters: readonly QuarterCount[];
}) {
  const parts = territory.parts;
  return (
    <section className="panel" aria-labelledby="panel-title" data-testid="territory-panel">
      <p className="panel-kicker">{t.heading}</p>
      <h2 id="panel-title">{manifest.name}</h2>
      <p className="panel-period">
        {fr.period} : {formatPeriod(manifest.period.start, manifest.period.end)}
      </p>
      <dl className="key-figures">
        <KeyFigure
          label={t.communes}
          value={formatNumber(parts.communes.central ?? 0)}
          testId="territory-communes"
        />
        <KeyFigure
          label={t.population}
          value={parts.population.central === null ? '–' : formatNumber(parts.population.central)}
          testId="territory-population"
        />
        <KeyFigure
          label={t.activeAssociations}
          value={formatNumber(parts.associations_actives.central ?? 0)}
          testId="territory-active"
        />
      </dl>
      {PANEL_FAMILIES.map((family) => (
        <section key={family.title} className="panel-family">
          <h3>{family.title}</h3>
          <IndicatorFigures zone={territory} ids={family.ids} testPrefix="territory" />
        </section>
      ))}
      <QuarterlyChart quarters={quarters} events={manifest.events} title={fr.chart.title} />
      <p className="panel-hint">
        {t.clickHint} <a href={`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}methode/`}>{fr.methodLink}</a>
      </p>
    </section>
  );
}
