import { useStore } from '@nanostores/react';
import { useCallback, useEffect, useMemo, useState } from 'react';

import { usePublicEdition } from '../../hooks/use-public-edition.ts';
import { formatIndicatorValue, methodPageHref } from '../../i18n/format-indicator.ts';
import { displayName } from '../../i18n/typography.ts';
import { publicEditionTexts } from '../../i18n/sections/public-edition.ts';
import { choiceFromQuery, queryOfChoice, type PublicChoice } from '../../indicators/public/public-edition.ts';
import type { CommuneMapValue } from '../../map/choropleth-paint.ts';
import { classify } from '../../map/classify.ts';
import type { CommuneGeometry } from '../../map/commune-tiles.ts';
import { legendItems } from '../../map/legend.ts';
import { $view, setLanguage } from '../../state/view.ts';
import type { Selection } from '../../state/view-state.ts';
import { MapView, type MapFeatureKind } from '../map/MapView.tsx';
import { Legend } from '../panels/Legend.tsx';
import '../../styles/public-edition.css';
import { figureLine, formatZoneFigure } from './public-figures.ts';
import { PublicControls } from './PublicControls.tsx';
import { PublicZoneCard } from './PublicZoneCard.tsx';
import { PublicZoneTable } from './PublicZoneTable.tsx';

const NO_SIGNALS = { places: false, hubs: false } as const;

/**
 * The page of a public build (issue 14): the public product's cells on the map, by the
 * granularities it was published at — one measure, one period, one family — and nothing else.
 * No DuckDB, no dataset: the figures are already aggregated and masked by statistical secrecy.
 * Signals as the full site gives them: `data-state` and `data-view` on <html>.
 */
export function PublicEdition() {
  const lang = useStore($view).lang;
  const t = publicEditionTexts[lang];
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const { state: loaded, retry } = usePublicEdition();
  const [picked, setChoice] = useState<PublicChoice | null>(null);
  const [selection, setSelection] = useState<Selection>(null);
  const [drawn, setDrawn] = useState<readonly CommuneMapValue[] | null>(null);

  const edition = loaded.status === 'ready' ? loaded.edition : null;
  const metadata = edition?.cells.metadata ?? null;
  // Until the person picks, the view is the link's (each part checked against the product).
  const choice = useMemo(
    () => picked ?? (metadata ? choiceFromQuery(window.location.search, metadata) : null),
    [picked, metadata],
  );
  // The public edition draws the outlines it reads (its build keeps no tiles).
  const outlines = useMemo<CommuneGeometry | null>(
    () => (edition ? { kind: 'outlines', outlines: edition.outlines } : null),
    [edition],
  );
  const measure = edition && choice ? edition.cells.measure(choice.measure) : null;
  const figures = useMemo(() => (edition && choice ? edition.cells.figures(choice) : []), [edition, choice]);
  const communes = useMemo(() => figures.filter((f) => f.zone.niveau === 'commune'), [figures]);
  const mapValues = useMemo<CommuneMapValue[]>(
    () =>
      communes.map((f) => ({
        code_insee: f.zone.code,
        valeur: f.status === 'publie' ? (f.value?.central ?? null) : null,
        secret: f.status === 'secret',
        outside: false,
      })),
    [communes],
  );
  // Classes rest on published figures only: a secret or unknown commune has no value here.
  const classification = useMemo(
    () =>
      measure
        ? classify(
            mapValues.filter((v) => !v.secret).map((v) => v.valeur),
            { diverging: measure.indicator.balance === true },
          )
        : null,
    [mapValues, measure],
  );
  const query = metadata && choice ? queryOfChoice(choice, metadata) : null;

  useEffect(() => {
    if (query === null || !metadata) return;
    const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
    window.history.replaceState(null, '', url);
  }, [query, metadata]);

  const ready = loaded.status === 'ready' && drawn !== null && drawn === mapValues;
  useEffect(() => {
    const root = document.documentElement;
    root.dataset['state'] = loaded.status === 'error' ? 'error' : ready ? 'ready' : 'loading';
    // The view drawn: said only once the map shows it.
    if (ready && query !== null) root.dataset['view'] = query;
    else delete root.dataset['view'];
    root.lang = lang;
  }, [loaded.status, ready, query, lang]);

  const describe = useCallback(
    (kind: MapFeatureKind, properties: Record<string, unknown>): string => {
      if (kind !== 'commune' || !measure) return '';
      const code = String(properties['code_insee'] ?? '');
      const figure = communes.find((f) => f.zone.code === code);
      const name = displayName(String(properties['nom'] ?? code));
      if (!figure) return name;
      return `${name}${lang === 'fr' ? ' : ' : ': '}${figureLine(formatZoneFigure(figure, measure, t, locale), t)}`;
    },
    [communes, measure, t, locale, lang],
  );

  if (loaded.status === 'error') {
    return (
      <div className="public-edition public-edition-error" role="alert" data-testid="public-error">
        <p>{t.failed}</p>
        <p className="public-edition-detail">{loaded.message}</p>
        <button type="button" onClick={retry}>
          {t.retry}
        </button>
      </div>
    );
  }

  const secretCount = communes.filter((f) => f.status === 'secret').length;
  const label = measure ? (lang === 'fr' ? measure.indicator.label.fr : measure.indicator.label.en) : '';
  const unit = measure ? (lang === 'fr' ? measure.indicator.unit.fr : measure.indicator.unit.en) : null;
  const selected = selection ? figures.find((f) => f.zone.code === selection.id) : undefined;

  return (
    <div className="public-edition" data-testid="public-edition">
      <header className="public-edition-header">
        <h1>
          {t.title} <span className="public-edition-badge">{t.edition}</span>
        </h1>
        <p className="public-edition-notice">{t.notice}</p>
        <nav className="public-edition-links">
          <a href={methodPageHref(import.meta.env.BASE_URL, lang)}>{t.method}</a>
          <button
            type="button"
            lang={lang === 'fr' ? 'en' : 'fr'}
            onClick={() => setLanguage(lang === 'fr' ? 'en' : 'fr')}
          >
            {t.otherLanguage}
          </button>
        </nav>
      </header>
      {metadata && choice ? (
        <PublicControls metadata={metadata} choice={choice} texts={t} locale={locale} onChange={setChoice} />
      ) : (
        <p className="public-edition-loading" role="status">
          {t.loading}
        </p>
      )}
      <div className="public-edition-body">
        <div className="public-edition-map">
          {edition && outlines && classification && measure ? (
            <MapView
              communes={outlines}
              labels={null}
              circles={null}
              symbol="aplats"
              points={null}
              flows={null}
              links={null}
              places={null}
              hubs={null}
              signals={NO_SIGNALS}
              values={mapValues}
              classification={classification}
              bbox={edition.bbox}
              focus={null}
              camera={null}
              selection={selection}
              compare={null}
              basemap={null}
              describe={describe}
              onSelect={setSelection}
              onCamera={() => {}}
              onDrawn={setDrawn}
              ariaLabel={t.mapLabel(label)}
            />
          ) : null}
          {classification && measure ? (
            <Legend
              title={label}
              indicator={measure.indicator}
              unit={unit}
              items={legendItems(
                classification,
                (v) => formatIndicatorValue(measure.indicator, v, locale),
                { zero: t.noExchange, noData: t.notProvided, secret: t.secretLegend },
                secretCount > 0,
              )}
              flows={null}
              associations={false}
            >
              <p className="public-edition-secret-count" data-testid="public-secret-count">
                {t.secretCount(secretCount, communes.length)}
              </p>
            </Legend>
          ) : null}
        </div>
        <aside className="public-edition-side">
          {selected && measure && metadata && choice ? (
            <PublicZoneCard
              zone={selected.zone}
              cells={edition?.cells ?? null}
              choice={choice}
              texts={t}
              locale={locale}
              onClose={() => setSelection(null)}
            />
          ) : null}
          {measure ? (
            <PublicZoneTable
              figures={figures}
              measure={measure}
              texts={t}
              locale={locale}
              selected={selection?.id ?? null}
              onSelect={(code) => setSelection({ kind: 'commune', id: code })}
            />
          ) : null}
        </aside>
      </div>
    </div>
  );
}
