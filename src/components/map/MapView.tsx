import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';

import { COMPARED_STATE, SELECTED_STATE } from '../../map/choropleth-paint.ts';
import { SOURCES } from '../../map/style.ts';
import { framePadding, SHEET_MEDIA, SPOT_ZOOM } from './map-camera.ts';
import {
  applyChoropleth,
  applyCircles,
  markAssociation,
  markCommune,
  onceDrawn,
  setCommuneGeometry,
  setSourceData,
  showSignals,
} from './map-apply.ts';
import { startMap } from './map-create.ts';
import type { MapViewProps } from './map-view-props.ts';

export type { MapFeatureKind, MapViewProps } from './map-view-props.ts';

/** The only component that touches MapLibre: applies the layer specs of `src/map` and reports intent. */
export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  // The map once its style is loaded; effects below apply props to it.
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  // Event handlers registered once read the latest props through this ref.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    return startMap(element, latest, setMap);
  }, []);

  const {
    communes,
    labels,
    circles,
    symbol,
    points,
    flows,
    links,
    places,
    hubs,
    signals,
    values,
    classification,
    selection,
    compare,
    focus,
    camera,
  } = props;

  // Counts the times the communes' source was replaced under layers that had feature states.
  const [communesReplaced, setCommunesReplaced] = useState(0);
  useEffect(() => {
    if (map && setCommuneGeometry(map, communes, latest.current.symbol)) setCommunesReplaced((n) => n + 1);
  }, [map, communes]);
  // The circles' points go to MapLibre's worker when circles are drawn, not before: 35,000 points
  // at national size, indexed in the one worker that also lays out the commune tiles.
  const circleAnchors = circles?.anchors ?? null;
  const circlesShown = symbol === 'cercles';
  const anchorsSet = useRef<readonly [unknown, unknown] | null>(null);
  useEffect(() => {
    if (!map || !circleAnchors || !circlesShown) return;
    if (anchorsSet.current?.[0] === map && anchorsSet.current[1] === circleAnchors) return;
    anchorsSet.current = [map, circleAnchors];
    setSourceData(map, SOURCES.circles, circleAnchors);
  }, [map, circleAnchors, circlesShown]);
  // The first colours go to MapLibre's one worker alone: names, flows, association points and
  // signals follow once the communes are drawn, not ahead of their tiles (35,000 names at national
  // size, 20,000 flows at regional size held the first map back by ~1 s; the build's 3,000 points
  // at demo size by ~0.2 s). A map that never has figures to colour (its levels query failed: the
  // page says so) shows none of them either.
  const [coloured, setColoured] = useState(false);
  useEffect(() => {
    if (!map || !points || !coloured) return;
    setSourceData(map, SOURCES.associations, points);
    // A source's data is drawn once the style is loaded again (its tiles cut in the worker).
    return onceDrawn(map, () => latest.current.onPointsDrawn?.(points));
  }, [map, points, coloured]);
  useEffect(() => {
    if (map && coloured)
      setSourceData(map, SOURCES.flows, flows ?? { type: 'FeatureCollection', features: [] });
  }, [map, flows, coloured]);
  useEffect(() => {
    if (map) setSourceData(map, SOURCES.links, links ?? { type: 'FeatureCollection', features: [] });
  }, [map, links]);

  useEffect(() => {
    if (map && places && coloured) setSourceData(map, SOURCES.places, places);
  }, [map, places, coloured]);
  useEffect(() => {
    if (map && hubs && coloured) setSourceData(map, SOURCES.hubs, hubs);
  }, [map, hubs, coloured]);

  const circleStates = circles?.states ?? null;
  useEffect(() => {
    if (!map || !values || !classification) return;
    applyChoropleth(map, values, classification, symbol);
    map.removeFeatureState({ source: SOURCES.circles });
    if (circleStates) applyCircles(map, circleStates);
    showSignals(map, latest.current.signals);
    markAssociation(map, selection?.kind === 'association' ? selection.id : null);
    return onceDrawn(map, () => {
      setColoured(true);
      latest.current.onDrawn(values);
    });
    // Selection changes are applied below; the choropleth only follows values and classes (and
    // is set again on new commune tiles).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, values, classification, symbol, circleStates, communesReplaced]);

  // Names move beside their circle's new size once the map has drawn the new values (hence after
  // the effect above): the values show at the next frame, the names' layout (MapLibre's worker)
  // just after. Only `rayon` changes after the first names, and only names over circles read it.
  const labelsSet = useRef(false);
  useEffect(() => {
    if (!map || !labels || !coloured) return;
    const apply = () => {
      labelsSet.current = true;
      setSourceData(map, SOURCES.labels, labels);
    };
    return labelsSet.current ? onceDrawn(map, apply) : apply();
  }, [map, labels, coloured]);
  const { places: placesShown, hubs: hubsShown } = signals;
  useEffect(() => {
    if (map) showSignals(map, { places: placesShown, hubs: hubsShown });
  }, [map, placesShown, hubsShown]);

  useEffect(() => {
    if (!map) return;
    markAssociation(map, selection?.kind === 'association' ? selection.id : null);
    return selection?.kind === 'commune' ? markCommune(map, selection.id, SELECTED_STATE) : undefined;
  }, [map, selection, communesReplaced]);
  useEffect(
    () => (map && compare ? markCommune(map, compare, COMPARED_STATE) : undefined),
    [map, compare, communesReplaced],
  );
  // « Près de chez moi »: the map frames the place the person chose and marks it.
  const spot = props.spot ?? null;
  const hasLabels = labels !== null;
  useEffect(() => {
    if (!map || !spot) return;
    map.easeTo({
      center: [spot.longitude, spot.latitude],
      zoom: Math.max(map.getZoom(), SPOT_ZOOM),
      duration: 0,
    });
    const element = document.createElement('div');
    element.className = 'near-spot';
    element.setAttribute('role', 'img');
    element.setAttribute('aria-label', spot.label);
    const marker = new maplibregl.Marker({ element }).setLngLat([spot.longitude, spot.latitude]).addTo(map);
    return () => {
      marker.remove();
    };
  }, [map, spot]);

  // The camera of the view: kept when the user moved the map, else fitted to the zone shown.
  const focusKey = focus?.join(',') ?? '';
  useEffect(() => {
    if (!map) return;
    if (camera) {
      const center = map.getCenter();
      const moved =
        Math.abs(center.lng - camera[0]) > 1e-5 ||
        Math.abs(center.lat - camera[1]) > 1e-5 ||
        Math.abs(map.getZoom() - camera[2]) > 0.01;
      if (moved) map.jumpTo({ center: [camera[0], camera[1]], zoom: camera[2] });
    } else {
      map.fitBounds([...(focus ?? latest.current.bbox)] as [number, number, number, number], {
        padding: framePadding(),
        duration: 0,
      });
    }
    // `focus` is compared through its key: a new array with the same bounds is the same zone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, camera, focusKey]);

  // On a phone or a tablet the panel rises over the lower half of the map: a selected commune
  // hidden there is brought into the upper part (a camera move of the page's, not kept in the URL).
  // After the camera's own effect (above), which would otherwise fit the territory over it.
  useEffect(() => {
    if (!map || !hasLabels || selection?.kind !== 'commune' || !window.matchMedia(SHEET_MEDIA).matches)
      return;
    const feature = latest.current.labels?.features.find(
      (f) => f.properties?.['code_insee'] === selection.id,
    );
    if (!feature) return;
    const [lon, lat] = feature.geometry.coordinates;
    if (lon === undefined || lat === undefined) return;
    const height = map.getContainer().clientHeight;
    const { x, y } = map.project([lon, lat]);
    const width = map.getContainer().clientWidth;
    if (y > height * 0.35 || y < 0 || x < 0 || x > width)
      map.easeTo({ center: [lon, lat], offset: [0, -height * 0.25], duration: 0 });
  }, [map, selection, hasLabels]);

  return (
    <div className="map-frame">
      <div ref={container} className="map" role="region" aria-label={props.ariaLabel} data-testid="map" />
    </div>
  );
}
