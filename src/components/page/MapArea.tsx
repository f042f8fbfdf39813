import { useStore } from '@nanostores/react';
import { forwardRef, useEffect, useMemo, useRef, type ForwardedRef } from 'react';

import type { DatasetManifest } from '../../data/manifest.ts';
import { nearMeMessages } from '../../i18n/sections/near-me.ts';
import { $nearOrigin } from '../../state/near-me.ts';
import { legendFilters } from '../../dashboard/legend-filters.ts';
import type { DashboardModel } from '../../hooks/use-dashboard-model.ts';
import { useFormat } from '../../hooks/use-format.ts';
import type { useMapFeatures } from '../../hooks/use-map-features.ts';
import type { useMapTooltip } from '../../hooks/use-map-tooltip.ts';
import type { SignalLayers } from '../../hooks/use-signal-layers.ts';
import { funderViewMessages } from '../../i18n/sections/funder-view.ts';
import { unitHint } from '../../i18n/format-indicator.ts';
import type { IndicatorDefinition } from '../../indicators/registry.ts';
import { mapSymbolMessages } from '../../i18n/sections/map-symbols.ts';
import { methodV2FigureMessages } from '../../i18n/sections/method-v2-figures.ts';
import type { CommuneGeometry } from '../../map/commune-tiles.ts';
import { circleLegend, legendItems } from '../../map/legend.ts';
import { setMapDrawn, setPointsDrawn } from '../../state/engine.ts';
import { $acceptedBasemaps, chooseBasemap, loadableBasemap, mapKey } from '../../state/basemap.ts';
import { select, setCamera } from '../../state/view.ts';
import { reportBasemapFailure } from '../map/basemap-failure.ts';
import { BasemapNotice } from '../map/BasemapNotice.tsx';
import { BasemapSetting } from '../map/BasemapSetting.tsx';
import { MapView } from '../map/MapView.tsx';
import { Legend } from '../panels/Legend.tsx';
import { LegendSymbols } from '../panels/LegendSymbols.tsx';

export interface MapAreaProps {
  /** The dataset drawn and its communes' outlines or tiles, once loaded. */
  readonly dataset: { readonly manifest: DatasetManifest; readonly communes: CommuneGeometry } | null;
  readonly model: DashboardModel;
  /** The indicator as shown (per inhabitant or not). */
  readonly shown: IndicatorDefinition;
  readonly features: ReturnType<typeof useMapFeatures>;
  readonly signals: SignalLayers;
  readonly describe: ReturnType<typeof useMapTooltip>;
  /** Link to the full page, in an embedded map. */
  readonly fullPageUrl: string;
  /** The chosen funder as named on screen, said under the legend title; null when none. */
  readonly funderName?: string | null | undefined;
}

/**
 * The map with its legend and settings, and the still image that replaces the WebGL canvas when
 * the page is printed. The element is the one the PNG export draws (controls marked `data-export`).
 */
export const MapArea = forwardRef(function MapArea(
  { dataset, model, shown, features, signals, describe, fullPageUrl, funderName = null }: MapAreaProps,
  ref: ForwardedRef<HTMLDivElement>,
) {
  const f = useFormat();
  const { m } = f;
  const { view } = model;
  const printMap = useRef<HTMLImageElement>(null);
  const nearOrigin = useStore($nearOrigin);
  // A basemap from a link loads only once the user accepts it (BasemapNotice asks).
  const accepted = useStore($acceptedBasemaps);
  const basemap = loadableBasemap(view.basemap, accepted);
  // What this map draws is reported under its name (use-page-status.ts compares it).
  const map = mapKey(view.basemap, accepted);
  const near = nearMeMessages[m.lang];
  const spot = useMemo(
    () =>
      model.publicView && nearOrigin
        ? {
            longitude: nearOrigin.longitude,
            latitude: nearOrigin.latitude,
            label: nearOrigin.commune
              ? near.aroundCommune(nearOrigin.commune.nom)
              : near.aroundPosition(null),
          }
        : null,
    [model.publicView, nearOrigin, near],
  );
  const area = useRef<HTMLDivElement | null>(null);

  // Before printing, the map becomes a still image (a WebGL canvas does not always print), unless
  // a commune sheet already put its framed image there (`data-print` on <html>, print-sheet.ts).
  useEffect(() => {
    const snapshot = () => {
      if (document.documentElement.dataset['print']) return;
      const canvas = area.current?.querySelector('canvas');
      if (canvas && printMap.current) printMap.current.src = canvas.toDataURL('image/png');
    };
    window.addEventListener('beforeprint', snapshot);
    return () => window.removeEventListener('beforeprint', snapshot);
  }, []);

  const setRefs = (element: HTMLDivElement | null) => {
    area.current = element;
    if (typeof ref === 'function') ref(element);
    else if (ref) ref.current = element;
  };

  // With a selection, its links (by number of exchanges) replace the territory's flows: one kind
  // of line on the map, one meaning of its width.
  const { flowMeasure } = features;
  const flowFeatures = view.selection ? null : features.flowFeatures;
  const symbolTexts = mapSymbolMessages[m.lang];
  const legend =
    model.classification && view.display === 'carte' ? (
      <Legend
        title={f.label(shown)}
        indicator={shown}
        unit={unitHint(shown, m.locale)}
        items={legendItems(
          model.classification,
          (v) => f.plain(shown, v),
          { zero: m.legend.zero, noData: m.legend.noData, secret: m.legend.secret },
          model.secrecy.communes.size > 0,
          model.symbol,
        )}
        note={
          model.scalesFixed
            ? symbolTexts.fixed
            : model.symbol === 'cercles'
              ? symbolTexts.circlesNote
              : model.classification.scheme === 'divergent'
                ? symbolTexts.divergingNote
                : undefined
        }
        flows={flowFeatures && flowFeatures.features.length > 0 ? m.legend.flows(flowMeasure) : null}
        filters={legendFilters(
          {
            funderName: funderName ? f.name(funderName) : null,
            types: view.types,
            families: view.families,
            quality:
              view.quality && view.quality !== 'declare'
                ? methodV2FigureMessages[m.lang].qualityShort[view.quality]
                : null,
          },
          {
            funder: m.filters.funder,
            types: m.filters.types,
            themes: m.filters.themes,
            quality: methodV2FigureMessages[m.lang].qualityLabel,
            resourceTypes: m.resourceTypes,
            themeFamilies: m.themeFamilies,
            line: funderViewMessages[m.lang].filterLine,
          },
        )}
        signals={(['places', 'hubs'] as const)
          .filter((layer) => signals.available[layer])
          .map((layer) => ({ layer, visible: signals.visibility[layer] }))}
        onToggleSignal={signals.toggle}
      >
        <LegendSymbols
          circles={model.circles ? circleLegend(model.circles, (v) => f.plain(shown, v)) : null}
          links={features.selectionLinks}
          internal={features.selectionLinks ? f.number(features.selectionLinks.internal) : null}
        />
      </Legend>
    ) : null;

  return (
    <div className="map-area" ref={setRefs} hidden={view.display === 'tableau'}>
      {dataset ? (
        <MapView
          key={map}
          communes={dataset.communes}
          labels={features.labelFeatures}
          circles={features.circleFeatures}
          symbol={model.symbol}
          points={features.pointFeatures}
          flows={flowFeatures}
          links={features.linkFeatures}
          places={signals.placeFeatures}
          hubs={signals.hubFeatures}
          signals={signals.visibility}
          values={model.mapValues}
          classification={model.classification}
          bbox={dataset.manifest.bbox}
          focus={model.focus}
          camera={view.camera}
          selection={view.selection}
          compare={view.compare}
          basemap={basemap}
          onBasemapFailure={reportBasemapFailure}
          describe={describe}
          onSelect={select}
          onCamera={setCamera}
          onDrawn={(values) => setMapDrawn(values, map)}
          onPointsDrawn={(points) => setPointsDrawn(points, map)}
          ariaLabel={m.map.label(f.label(shown))}
          spot={spot}
        />
      ) : null}
      {legend}
      {view.embed ? (
        <>
          <a className="embed-link" href={fullPageUrl} target="_blank" rel="noopener" data-export="skip">
            {m.map.openFull}
          </a>
          <BasemapNotice basemap={view.basemap} lang={m.lang} />
        </>
      ) : (
        <div className="map-settings" data-export="skip">
          <BasemapSetting value={view.basemap} onChange={chooseBasemap} />
          <BasemapNotice basemap={view.basemap} lang={m.lang} />
        </div>
      )}
      <img ref={printMap} className="print-map" alt={m.map.label(f.label(shown))} data-export="skip" />
    </div>
  );
});
