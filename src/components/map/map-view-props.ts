import type { FeatureCollection, LineString, Point } from 'geojson';

import type { CommuneMapValue } from '../../map/choropleth-paint.ts';
import type { CommuneCircles, MapSymbol } from '../../map/circles.ts';
import type { Classification } from '../../map/classify.ts';
import type { CommuneGeometry } from '../../map/commune-tiles.ts';
import type { SignalVisibility } from '../../map/signal-layers.ts';
import type { BasemapFailure } from '../../map/basemap-source.ts';
import type { Selection } from '../../state/view-state.ts';

/*
 * What the map component is given and reports: its props, and the kinds of feature its tooltips
 * describe. Apart from the component so that its map creation, pointer wiring and camera effects
 * read the same contract.
 */

type Bbox = readonly [number, number, number, number];

export interface MapViewProps {
  /** The communes' outlines, or their tiles (src/map/commune-tiles.ts); a new object redraws them. */
  readonly communes: CommuneGeometry;
  readonly labels: FeatureCollection<Point> | null;
  /** The points of proportional circles, and their sizes over a stock (null before the names load). */
  readonly circles: CommuneCircles | null;
  /** How the indicator is drawn: circles over the communes, or the communes coloured. */
  readonly symbol: MapSymbol;
  readonly points: FeatureCollection<Point> | null;
  readonly flows: FeatureCollection<LineString> | null;
  readonly links: FeatureCollection<LineString> | null;
  /** Shared places (proportional circles) and umbrella structures: cooperation signals. */
  readonly places: FeatureCollection<Point> | null;
  readonly hubs: FeatureCollection<Point> | null;
  readonly signals: SignalVisibility;
  readonly values: readonly CommuneMapValue[] | null;
  readonly classification: Classification | null;
  readonly bbox: Bbox;
  /** Zone to fit when there is no camera: the chosen intercommunalité, or null for the territory. */
  readonly focus: Bbox | null;
  /** Where the map looks (longitude, latitude, zoom); null to fit `focus` or the territory. */
  readonly camera: readonly [number, number, number] | null;
  readonly selection: Selection;
  readonly compare: string | null;
  /**
   * Remote basemap the user accepted: a MapLibre style URL, or a raster tile template; null:
   * offline, no basemap. Read once: the parent gives the map a new `key` when it changes.
   */
  readonly basemap: string | null;
  /** Called when the basemap cannot be used (the map goes on with the offline style). */
  readonly onBasemapFailure?: (basemap: string, failure: BasemapFailure) => void;
  /** Tooltip texts (plain text, never HTML). */
  readonly describe: (layer: MapFeatureKind, properties: Record<string, unknown>) => string;
  readonly onSelect: (selection: Selection) => void;
  readonly onCamera: (camera: [number, number, number]) => void;
  /** Called with `values` once the map shows them. */
  readonly onDrawn: (values: readonly CommuneMapValue[]) => void;
  /** Called with `points` once the map shows them. */
  readonly onPointsDrawn?: (points: FeatureCollection<Point>) => void;
  readonly ariaLabel: string;
  /** Where « Près de chez moi » looks from: the map goes there and marks it (never in the URL). */
  readonly spot?: { readonly longitude: number; readonly latitude: number; readonly label: string } | null;
}

/** What a hovered feature is, for its tooltip. */
export type MapFeatureKind = 'commune' | 'flow' | 'association' | 'place' | 'hub';

/** The component's latest props, read by event handlers registered once and by effects. */
export interface LatestProps {
  readonly current: MapViewProps;
}
