import { useMemo, useState } from 'react';

import { coverageMode } from '../data/coverage.ts';
import type { DatasetManifest } from '../data/manifest.ts';
import type { Hub, SharedPlace } from '../indicators/explore/shared-places.ts';
import { toHubFeatures, toPlaceFeatures } from '../map/shared-places.ts';
import { defaultSignalVisibility, type SignalLayer, type SignalVisibility } from '../map/signal-layers.ts';
import type { ObservatoryData } from './use-observatory-data.ts';
import { latestData } from './use-query-result.ts';

/** The cooperation signals of one commune, for its portrait; null while unknown. */
export interface CommuneSignals {
  readonly places: readonly SharedPlace[] | null;
  readonly hubs: readonly Hub[] | null;
  /** False when the dataset has no seat address at all: places are « non renseigné ». */
  readonly seatsKnown: boolean | null;
}

/**
 * The signal layers of the map (shared places, umbrella structures): their GeoJSON, which are
 * shown — on by default where the dataset declares no exchange, then as the user switches them —
 * and each commune's signals for its portrait.
 */
export function useSignalLayers(data: ObservatoryData, manifest: DatasetManifest | null) {
  const places = latestData(data.places);
  const hubs = latestData(data.hubs);
  const seatsKnown = latestData(data.seatsKnown);
  const placeFeatures = useMemo(() => (places ? toPlaceFeatures(places) : null), [places]);
  const hubFeatures = useMemo(() => (hubs ? toHubFeatures(hubs) : null), [hubs]);
  const [chosen, setChosen] = useState<Partial<SignalVisibility>>({});
  const defaults = manifest
    ? defaultSignalVisibility(coverageMode(manifest))
    : { places: false, hubs: false };
  const visibility: SignalVisibility = { ...defaults, ...chosen };
  const toggle = (layer: SignalLayer) => setChosen((c) => ({ ...c, [layer]: !visibility[layer] }));
  const communeSignals = (code: string): CommuneSignals => ({
    places: places ? places.filter((p) => p.commune_code === code) : null,
    hubs: hubs ? hubs.filter((h) => h.commune_code === code) : null,
    seatsKnown,
  });
  return {
    placeFeatures,
    hubFeatures,
    visibility,
    toggle,
    /** Whether the legend has anything to switch: a place or a hub drawn. */
    available: { places: (places?.length ?? 0) > 0, hubs: (hubs?.length ?? 0) > 0 },
    communeSignals,
  };
}

export type SignalLayers = ReturnType<typeof useSignalLayers>;
