import { useMemo } from 'react';

import {
  circleRadius,
  toCommuneCircleAnchors,
  toCommuneCircleStates,
  type CommuneCircles,
} from '../map/circles.ts';
import { toAssociationFeatures, toCommuneLabelFeatures } from '../map/features.ts';
import { toFlowFeatures, toSelectionLinks } from '../map/flows.ts';
import type { Selection } from '../state/view-state.ts';
import type { DashboardModel } from './use-dashboard-model.ts';
import type { ObservatoryData } from './use-observatory-data.ts';
import { latestData } from './use-query-result.ts';
import type { SelectionData } from './use-selection-data.ts';

/**
 * The GeoJSON the map draws besides the outlines: commune labels (set beside their circle when
 * stocks are drawn as circles), the points of proportional circles and their sizes (feature
 * states), association points, flows between communes (`flowMeasure`: by value for a financial
 * indicator) and the selection's links, aggregated. What the public view may show is the model's
 * secrecy. Rebuilt only when their data changes.
 */
export function useMapFeatures(
  data: ObservatoryData,
  selectionData: SelectionData,
  model: DashboardModel,
  selection: Selection,
) {
  const { indicator, secrecy, circles, mapValues, labels, publicView } = model;
  // Circles: the communes' points once, each one's circle as feature states at every change.
  const circleAnchors = useMemo(() => (labels ? toCommuneCircleAnchors(labels) : null), [labels]);
  const circleStates = useMemo(
    () => (circles && mapValues ? toCommuneCircleStates(mapValues, circles) : null),
    [circles, mapValues],
  );
  const circleFeatures: CommuneCircles | null = useMemo(
    () => (circleAnchors ? { anchors: circleAnchors, states: circleStates } : null),
    [circleAnchors, circleStates],
  );
  // Names carry their circle's radius only over circles: over colours they are rebuilt (and
  // re-tiled by the map) only when the communes change, not at every filter.
  const circleValues = circles ? mapValues : null;
  const labelFeatures = useMemo(() => {
    if (!labels) return null;
    const radius = new Map<string, number>();
    if (circles && circleValues)
      for (const v of circleValues)
        if (!v.secret && v.valeur !== null) radius.set(v.code_insee, circleRadius(v.valeur, circles));
    return toCommuneLabelFeatures(labels, radius);
  }, [labels, circles, circleValues]);
  const points = latestData(data.points);
  const pointFeatures = useMemo(() => (points ? toAssociationFeatures(points) : null), [points]);
  const flows = latestData(data.flows);
  const flowMeasure = indicator.family === 'financier' ? ('valeur' as const) : ('echanges' as const);
  // Which flows and links may be shown depends only on the audience, whereas `secrecy` is rebuilt
  // with the model at every change: the lines (and the map's sources) are rebuilt only when the
  // flows, the names or the audience change, not when the indicator does.
  const flowFeatures = useMemo(
    () => (flows && labels ? toFlowFeatures(flows, labels, flowMeasure, secrecy.flowShown) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [flows, labels, flowMeasure, publicView],
  );
  const links = latestData(selectionData.links);
  const selectionLinks = useMemo(
    () =>
      selection && links && labels ? toSelectionLinks(links, selection, labels, secrecy.linkShown) : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [selection, links, labels, publicView],
  );

  return {
    labelFeatures,
    circleFeatures,
    pointFeatures,
    flowFeatures,
    flowMeasure,
    linkFeatures: selectionLinks?.features ?? null,
    selectionLinks,
  };
}
