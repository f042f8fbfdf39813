import type { DatasetManifest } from '../../data/manifest.ts';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { fr } from '../../i18n/fr.ts';
import type {
  CommuneIndicatorValue,
  CommuneSummary,
  MapIndicatorDefinition,
  QuarterCount,
} from '../../indicators/registry.ts';
import { QuarterlyChart } from '../charts/QuarterlyChart.tsx';
import { KeyFigure } from './KeyFigure.tsx';

const t = fr.commune;

/** The portrait of one commune: who is there, how much they exchange, with whom. */
export function CommunePanel({
  manifest,
  summary,
  quarters,
  indicator,
  value,
  busy,
  onClose,
}: {
  manifest: DatasetManifest;
  summary: CommuneSummary;
  quarters: readonly QuarterCount[];
  indicator: MapIndicatorDefinition;
  value: CommuneIndicatorValue | null;
  /** True while the figures of a newly selected commune are on their way. */
  busy: boolean;
  onClose: () => void;
}) {
  const rate =
    summary.associations_actives > 0 ? summary.associations_cooperantes / summary.associations_actives : null;
  return (
    <section className="panel" aria-labelledby="panel-title" aria-busy={busy} data-testid="commune-panel">
      <div className="panel-head">
        <p className="panel-kicker">{summary.epci_nom ?? ''}</p>
        <button type="button" className="panel-close" onClick={onClose} aria-label={t.close}>
          ×
        </button>
      </div>
      <h2 id="panel-title" data-testid="commune-name">
        {summary.nom}
      </h2>
      <p className="panel-period">
        Code INSEE {summary.code_insee} · {manifest.fictional ? 'commune fictive' : ''}
      </p>
      <dl className="key-figures">
        <KeyFigure
          label={t.population}
          value={summary.population === null ? t.noPopulation : formatNumber(summary.population)}
          testId="commune-population"
        />
        <KeyFigure
          label={indicator.label.fr}
          value={value?.valeur == null ? '–' : formatNumber(value.valeur, indicator.decimals)}
          hint={indicator.unit.fr}
          testId="commune-indicator"
        />
        <KeyFigure
          label={t.associations}
          value={formatNumber(summary.associations_actives)}
          hint={t.associationsHint(formatNumber(summary.associations))}
          testId="commune-active"
        />
        <KeyFigure
          label={t.cooperating}
          value={`${formatNumber(summary.associations_cooperantes)} (${formatPercent(rate)})`}
          testId="commune-cooperating"
        />
        <KeyFigure
          label={t.received}
          value={formatNumber(summary.echanges_recus)}
          testId="commune-received"
        />
        <KeyFigure
          label={t.provided}
          value={formatNumber(summary.echanges_fournis)}
          hint={`${t.internal} : ${formatNumber(summary.echanges_internes)}`}
          testId="commune-provided"
        />
        <KeyFigure
          label={t.partners}
          value={formatNumber(summary.communes_partenaires)}
          testId="commune-partners"
        />
      </dl>
      <QuarterlyChart quarters={quarters} events={manifest.events} title={fr.chart.communeTitle} />
    </section>
  );
}
