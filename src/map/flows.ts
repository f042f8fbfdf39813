import type { FeatureCollection, LineString } from 'geojson';

import type { AssociationLink } from '../indicators/explore/links.ts';
import type { CommuneFlow } from '../indicators/explore/flows.ts';

/** A commune's reference point. */
export interface CommunePoint {
  readonly code_insee: string;
  readonly longitude: number;
  readonly latitude: number;
}

/** How many flows stay on the map when zoomed out: the strongest ones. */
export const TOP_FLOWS = 30;

/** What a flow's width follows: its number of exchanges, or the value they created. */
export type FlowMeasure = 'echanges' | 'valeur';

/** Widths in pixels of the weakest and the strongest flow. */
export const FLOW_WIDTH = { min: 1, max: 8 } as const;

/**
 * Lines between communes, ranked from the strongest by `measure` so that the map can keep only
 * the top ones when zoomed out. Widths grow with the square root of the measure (areas, not
 * lengths, read as quantities). `keep` drops flows that may not be shown (statistical secrecy in
 * the public view); ranks are given after it, so the top flows are always drawn ones.
 */
export function toFlowFeatures(
  flows: readonly CommuneFlow[],
  points: readonly CommunePoint[],
  measure: FlowMeasure,
  keep: (flow: CommuneFlow) => boolean = () => true,
): FeatureCollection<LineString> {
  const position = new Map(points.map((p) => [p.code_insee, [p.longitude, p.latitude]]));
  const size = (flow: CommuneFlow) => Math.max(0, flow[measure]);
  const ranked = flows
    .filter((flow) => keep(flow) && position.has(flow.a) && position.has(flow.b))
    .sort((x, y) => size(y) - size(x) || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  const max = ranked.reduce((m, flow) => Math.max(m, size(flow)), 0);
  return {
    type: 'FeatureCollection',
    features: ranked.map((flow, index) => ({
      type: 'Feature' as const,
      geometry: {
        type: 'LineString' as const,
        coordinates: [position.get(flow.a) ?? [0, 0], position.get(flow.b) ?? [0, 0]],
      },
      properties: {
        a: flow.a,
        b: flow.b,
        echanges: flow.echanges,
        a_vers_b: flow.a_vers_b,
        valeur: Math.round(flow.valeur),
        associations: flow.associations,
        rang: index + 1,
        largeur:
          FLOW_WIDTH.min + (FLOW_WIDTH.max - FLOW_WIDTH.min) * (max > 0 ? Math.sqrt(size(flow) / max) : 0),
      },
    })),
  };
}

/** Lines between associations of the selection (only those both agreed to publish when `publicOnly`). */
export function toLinkFeatures(
  links: readonly AssociationLink[],
  publicOnly: boolean,
): FeatureCollection<LineString> {
  return {
    type: 'FeatureCollection',
    features: links
      .filter((link) => !publicOnly || link.consentement)
      .map((link) => ({
        type: 'Feature' as const,
        geometry: {
          type: 'LineString' as const,
          coordinates: [
            [link.lon_a, link.lat_a],
            [link.lon_b, link.lat_b],
          ],
        },
        properties: { a: link.a, b: link.b, echanges: link.echanges },
      })),
  };
}
