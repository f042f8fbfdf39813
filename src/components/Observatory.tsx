import { useStore } from '@nanostores/react';
import { useEffect, useMemo } from 'react';

import { useBrowserSession } from '../hooks/use-browser-session.ts';
import { useMapData, usePanelData } from '../hooks/use-observatory-data.ts';
import { latestData } from '../hooks/use-query-result.ts';
import { formatIndicatorValue } from '../i18n/format-indicator.ts';
import { fr } from '../i18n/fr.ts';
import { classify } from '../map/classify.ts';
import { toAssociationFeatures, toCommuneLabelFeatures } from '../map/features.ts';
import { legendItems } from '../map/legend.ts';
import { selectCommune } from '../state/selection.ts';
import { $mapDrawn, setMapDrawn } from '../state/view.ts';
import { MapView } from './map/MapView.tsx';
import { CommunePanel } from './panels/CommunePanel.tsx';
import { FictionalNotice } from './panels/FictionalNotice.tsx';
import { Legend } from './panels/Legend.tsx';
import { StatusOverlay } from './panels/StatusOverlay.tsx';
import { TerritoryPanel } from './panels/TerritoryPanel.tsx';

/** The page's one island: map, legend and side panel around one DuckDB session. */
export function Observatory() {
  const { session, engine, retry } = useBrowserSession();
  const { indicator, communes, labels, points } = useMapData(session);
  const { selected, territory, territoryQuarters, communeQuarters } = usePanelData(session);
  const mapDrawn = useStore($mapDrawn);

  const communeTable = communes.status === 'ready' ? communes.data : null;
  const valueList = useMemo(
    () =>
      communeTable?.map((c) => ({ code_insee: c.zone, valeur: c.values[indicator.id]?.central ?? null })) ??
      null,
    [communeTable, indicator.id],
  );
  const classification = useMemo(
    () => (valueList ? classify(valueList.map((v) => v.valeur)) : null),
    [valueList],
  );
  const communeByCode = useMemo(() => new Map((communeTable ?? []).map((c) => [c.zone, c])), [communeTable]);
  const epciByCode = useMemo(
    () => new Map(labels.status === 'ready' ? labels.data.map((l) => [l.code_insee, l.epci_nom]) : []),
    [labels],
  );
  const labelFeatures = useMemo(
    () => (labels.status === 'ready' ? toCommuneLabelFeatures(labels.data) : null),
    [labels],
  );
  const pointFeatures = useMemo(
    () => (points.status === 'ready' ? toAssociationFeatures(points.data) : null),
    [points],
  );
  const format = (v: number) => formatIndicatorValue(indicator, v);

  useEffect(() => setMapDrawn(false), [valueList]);

  const queryError = [communes, territory, territoryQuarters, communeQuarters].find(
    (r) => r.status === 'error',
  );
  const ready =
    engine.status === 'ready' &&
    mapDrawn &&
    territory.status === 'ready' &&
    territoryQuarters.status === 'ready' &&
    !queryError;

  useEffect(() => {
    const state = engine.status === 'error' || queryError ? 'error' : ready ? 'ready' : 'loading';
    if (state === 'ready' && performance.getEntriesByName('symbiose:ready').length === 0) {
      performance.mark('symbiose:ready');
    }
    document.documentElement.dataset['state'] = state;
  }, [engine.status, queryError, ready]);

  const panel = (() => {
    const overview = latestData(territory)?.[0];
    const overviewQuarters = latestData(territoryQuarters);
    if (!session || !overview || !overviewQuarters) return null;
    const commune = selected ? communeByCode.get(selected) : undefined;
    const quarters = latestData(communeQuarters);
    if (commune && quarters) {
      return (
        <CommunePanel
          manifest={session.manifest}
          commune={commune}
          epciName={epciByCode.get(commune.zone) ?? null}
          quarters={quarters}
          indicator={indicator}
          busy={communeQuarters.status === 'loading'}
          onClose={() => selectCommune(null)}
        />
      );
    }
    return <TerritoryPanel manifest={session.manifest} territory={overview} quarters={overviewQuarters} />;
  })();

  return (
    <div className="observatory">
      {session?.manifest.fictional ? <FictionalNotice /> : null}
      <div className="observatory-body">
        <div className="map-area">
          {session ? (
            <MapView
              outlines={session.outlines}
              labels={labelFeatures}
              points={pointFeatures}
              values={valueList}
              classification={classification}
              bbox={session.manifest.bbox}
              selected={selected}
              describe={(code, name) => {
                const v = communeByCode.get(code)?.values[indicator.id]?.central ?? null;
                return `${name} : ${v === null ? fr.legend.noData : `${format(v)} (${indicator.unit.fr})`}`;
              }}
              onSelect={selectCommune}
              onDrawn={() => setMapDrawn(true)}
              ariaLabel={`Carte des communes : ${indicator.label.fr}`}
            />
          ) : null}
          {classification ? (
            <Legend
              title={indicator.label.fr}
              unit={indicator.unit.fr}
              items={legendItems(classification, format, fr.legend)}
            />
          ) : null}
          <StatusOverlay
            engine={queryError ? { status: 'error', message: queryError.message } : engine}
            drawing={!mapDrawn}
            onRetry={retry}
          />
        </div>
        <aside className="side-panel">{panel}</aside>
      </div>
    </div>
  );
}
