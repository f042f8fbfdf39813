import { useMemo } from 'react';

import { isSecretCount } from '../indicators/secrecy.ts';
import { toAssociationFeatures, toCommuneLabelFeatures } from '../map/features.ts';
import { toFlowFeatures, toLinkFeatures } from '../map/flows.ts';
import type { Selection } from '../state/view-state.ts';
import type { DashboardModel } from './use-dashboard-model.ts';
import type { ObservatoryData } from './use-observatory-data.ts';
import { latestData } from './use-query-result.ts';
import type { SelectionData } from './use-selection-data.ts';

/**
 * The GeoJSON the map draws besides the outlines: commune labels, association points, flows
 * between communes (`flowMeasure`: by value for a financial indicator; none under the secrecy threshold in the
 * public view) and the selection's links. Rebuilt only when their data changes.
 */
export function useMapFeatures(
  data: ObservatoryData,
  selectionData: SelectionData,
  model: DashboardModel,
  selection: Selection,
) {
  const { indicator, publicView } = model;
  const labelFeatures = useMemo(
    () => (model.labels ? toCommuneLabelFeatures(model.labels) : null),
    [model.labels],
  );
  const points = latestData(data.points);
  const pointFeatures = useMemo(() => (points ? toAssociationFeatures(points) : null), [points]);
  const flows = latestData(data.flows);
  const flowMeasure = indicator.family === 'financier' ? ('valeur' as const) : ('echanges' as const);
  const flowFeatures = useMemo(
    () =>
      flows && model.labels
        ? toFlowFeatures(
            flows,
            model.labels,
            flowMeasure,
            (flow) => !publicView || !isSecretCount(flow.associations),
          )
        : null,
    [flows, model.labels, flowMeasure, publicView],
  );
  const links = latestData(selectionData.links);
  const linkFeatures = useMemo(
    () => (selection && links ? toLinkFeatures(links, publicView) : null),
    [selection, links, publicView],
  );

  return { labelFeatures, pointFeatures, flowFeatures, flowMeasure, linkFeatures };
}
