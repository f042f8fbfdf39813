import type { DatasetManifest } from '../../data/manifest.ts';
import {
  formatIndicatorRange,
  formatIndicatorValue,
  methodHref,
  unitHint,
} from '../../i18n/format-indicator.ts';
import { formatNumber } from '../../i18n/format.ts';
import { fr } from '../../i18n/fr.ts';
import type { IndicatorDefinition, QuarterCount, ZoneIndicators } from '../../indicators/registry.ts';
import { QuarterlyChart } from '../charts/QuarterlyChart.tsx';
import { IndicatorFigures, PANEL_FAMILIES } from './IndicatorFigures.tsx';
import { KeyFigure } from './KeyFigure.tsx';

const t = fr.commune;

/** The portrait of one commune: who is there, how much they exchange, with whom, what it is worth. */
export function CommunePanel({
  manifest,
  commune,
  epciName,
  quarters,
  indicator,
  busy,
  onClose,
}: {
  manifest: DatasetManifest;
  commune: ZoneIndicators;
  epciName: string | null;
  quarters: readonly QuarterCount[];
  indicator: IndicatorDefinition;
  /** True while the figures of a newly selected commune are on their way. */
  busy: boolean;
  onClose: () => void;
}) {
  const parts = commune.parts;
  const mapValue = commune.values[indicator.id];
  return (
    <section className="panel" aria-labelledby="panel-title" aria-busy={busy} data-testid="commune-panel">
      <div className="panel-head">
        <p className="panel-kicker">{epciName ?? ''}</p>
        <button type="button" className="panel-close" onClick={onClose} aria-label={t.close}>
          ×
        </button>
      </div>
      <h2 id="panel-title" data-testid="commune-name">
        {commune.zone_nom}
      </h2>
      <p className="panel-period">
        Code INSEE {commune.zone}
        {manifest.fictional ? ' · commune fictive' : ''}
      </p>
      <dl className="key-figures">
        <KeyFigure
          label={t.population}
          value={parts.population.central === null ? t.noPopulation : formatNumber(parts.population.central)}
          testId="commune-population"
        />
        <KeyFigure
          label={t.associations}
          value={formatNumber(parts.associations_actives.central ?? 0)}
          testId="commune-active"
        />
        <KeyFigure
          label={indicator.label.fr}
          value={formatIndicatorValue(indicator, mapValue?.central ?? null)}
          hint={formatIndicatorRange(indicator, mapValue) ?? unitHint(indicator)}
          href={methodHref(import.meta.env.BASE_URL, indicator.id)}
          testId="commune-indicator"
        />
        <KeyFigure
          label={t.partners}
          value={formatNumber(parts.communes_liees.central ?? 0)}
          href={methodHref(import.meta.env.BASE_URL, 'communes-liees')}
          testId="commune-partners"
        />
      </dl>
      {PANEL_FAMILIES.map((family) => (
        <section key={family.title} className="panel-family">
          <h3>{family.title}</h3>
          <IndicatorFigures zone={commune} ids={family.ids} testPrefix="commune" />
        </section>
      ))}
      <QuarterlyChart quarters={quarters} events={manifest.events} title={fr.chart.communeTitle} />
    </section>
  );
}
