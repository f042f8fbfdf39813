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

/** What a flow's width follows: its number of exchanges, or their net avoided cost (negative: no width). */
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

/** How many partners of a selection are drawn; the others are counted (« et N autres »). */
export const LINK_LIMIT = 12;
/** Widths in pixels of the weakest and the strongest link of a selection. */
export const LINK_WIDTH = { min: 1.2, max: 7 } as const;

/**
 * The links of a selection as the map draws them, never a hairball: for a commune, one line per
 * partner commune (exchanges of its associations summed), for an association one line per
 * partner association; the `limit` strongest are drawn, the others counted in `others`.
 */
export interface SelectionLinks {
  readonly features: FeatureCollection<LineString>;
  /** What a line joins the selection to. */
  readonly by: 'commune' | 'association';
  /** Partners drawn. */
  readonly shown: number;
  /** Partners not drawn. */
  readonly others: number;
  /** Exchanges between associations of the selected commune itself (no line to draw). */
  readonly internal: number;
}

export function toSelectionLinks(
  links: readonly AssociationLink[],
  selection: { readonly kind: 'commune' | 'association'; readonly id: string },
  communes: readonly CommunePoint[],
  keep: (link: AssociationLink) => boolean = () => true,
  limit = LINK_LIMIT,
): SelectionLinks {
  const kept = links.filter(keep);
  const partners = new Map<string, { echanges: number; from: number[]; to: number[] }>();
  let internal = 0;
  if (selection.kind === 'commune') {
    const position = new Map(communes.map((p) => [p.code_insee, [p.longitude, p.latitude]]));
    const here = position.get(selection.id);
    for (const link of kept) {
      if (link.commune_a === selection.id && link.commune_b === selection.id) {
        internal += link.echanges;
        continue;
      }
      const other = link.commune_a === selection.id ? link.commune_b : link.commune_a;
      const there = position.get(other);
      if (!here || !there) continue;
      const entry = partners.get(other) ?? { echanges: 0, from: here, to: there };
      entry.echanges += link.echanges;
      partners.set(other, entry);
    }
  } else {
    for (const link of kept) {
      const selectedIsA = link.a === selection.id;
      const other = selectedIsA ? link.b : link.a;
      const entry = partners.get(other) ?? {
        echanges: 0,
        from: selectedIsA ? [link.lon_a, link.lat_a] : [link.lon_b, link.lat_b],
        to: selectedIsA ? [link.lon_b, link.lat_b] : [link.lon_a, link.lat_a],
      };
      entry.echanges += link.echanges;
      partners.set(other, entry);
    }
  }
  const ranked = [...partners].sort((x, y) => y[1].echanges - x[1].echanges || x[0].localeCompare(y[0]));
  const drawn = ranked.slice(0, limit);
  const max = drawn[0]?.[1].echanges ?? 0;
  return {
    by: selection.kind,
    shown: drawn.length,
    others: ranked.length - drawn.length,
    internal,
    features: {
      type: 'FeatureCollection',
      features: drawn.map(([partner, entry], index) => ({
        type: 'Feature' as const,
        geometry: { type: 'LineString' as const, coordinates: [entry.from, entry.to] },
        properties: {
          partenaire: partner,
          echanges: entry.echanges,
          rang: index + 1,
          largeur:
            LINK_WIDTH.min +
            (LINK_WIDTH.max - LINK_WIDTH.min) * (max > 0 ? Math.sqrt(entry.echanges / max) : 0),
        },
      })),
    },
  };
}
