import type { ResourceType } from '../data/schema/index.ts';
import type { QualityTier, Side } from '../indicators/filters.ts';

/** Who the page is set up for: what it shows, and what it masks. */
export const AUDIENCES = ['collectivite', 'financeur', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What is selected on the map: a commune or an association. */
export type Selection = { readonly kind: 'commune' | 'association'; readonly id: string } | null;

/**
 * Everything the user chose, as one serialisable value: it lives in the URL, so that reloading or
 * sharing the link restores the view exactly. Nulls and empty lists mean « everything ».
 */
export interface ViewState {
  readonly audience: Audience;
  readonly lang: Language;
  readonly indicator: string;
  /** Show an additive indicator per 1,000 inhabitants instead of in absolute terms. */
  readonly perInhabitant: boolean;
  /** First and last month shown, `YYYY-MM`; null for the dataset's whole period. */
  readonly from: string | null;
  readonly to: string | null;
  readonly types: readonly ResourceType[];
  /** Display families of themes (sport, culture…). */
  readonly families: readonly string[];
  readonly epci: string | null;
  readonly funder: string | null;
  readonly side: Side;
  /**
   * Lowest quality tier of the exchanges kept: all declared ones (the default), those confirmed by
   * the partner or verified, or those verified by the coordinator only.
   */
  readonly quality: QualityTier;
  readonly selection: Selection;
  /** A second commune, compared with the selected one. */
  readonly compare: string | null;
  readonly display: 'carte' | 'tableau';
  /** Map position: longitude, latitude, zoom; null to fit the territory. */
  readonly camera: readonly [number, number, number] | null;
  /** URL of a remote basemap style (raster tiles or a vector style); null for none, the default. */
  readonly basemap: string | null;
  /** Embedded in a partner's page: no header, no panels. */
  readonly embed: boolean;
}

export const DEFAULT_VIEW: ViewState = {
  audience: 'collectivite',
  lang: 'fr',
  // Empty: the dataset's default (src/dashboard/default-indicator.ts).
  indicator: '',
  perInhabitant: false,
  from: null,
  to: null,
  types: [],
  families: [],
  epci: null,
  funder: null,
  side: 'beneficiaire',
  quality: 'declare',
  selection: null,
  compare: null,
  display: 'carte',
  camera: null,
  basemap: null,
  embed: false,
};
