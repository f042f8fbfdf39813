import type { QuarterCount } from './exchanges-by-quarter.ts';
import type { CommuneFlow } from './explore/flows.ts';
import type { Hub } from './explore/shared-places.ts';
import type { AssociationPoint, CommuneLabel } from './map-layers-data.ts';
import { NUMBERS, type Kinds } from './by-column.ts';

/*
 * The rows a first view file (first-view.ts) keeps by column in its header: their fields, and
 * the values each may hold when read back (by-column.ts refuses any other).
 */

/** The fields the file keeps of each kind of row, with the values each may hold. */
export const LABEL_KINDS: Readonly<Record<keyof CommuneLabel, Kinds>> = {
  code_insee: ['string'],
  nom: ['string'],
  population: NUMBERS,
  epci_code: ['string', 'null'],
  epci_nom: ['string', 'null'],
  longitude: ['number'],
  latitude: ['number'],
};
export const QUARTER_KINDS: Readonly<Record<keyof QuarterCount, Kinds>> = {
  trimestre: ['string'],
  echanges: ['number'],
  associations: ['number'],
};
export const FLOW_KINDS: Readonly<Record<keyof CommuneFlow, Kinds>> = {
  a: ['string'],
  b: ['string'],
  echanges: ['number'],
  a_vers_b: ['number'],
  valeur: ['number'],
  associations: ['number'],
};

export const HUB_KINDS: Readonly<Record<keyof Hub, Kinds>> = {
  id: ['string'],
  nom: ['string'],
  commune_code: ['string'],
  kind: ['string'],
  longitude: ['number'],
  latitude: ['number'],
};
export const POINT_KINDS: Readonly<Record<keyof AssociationPoint, Kinds>> = {
  id: ['string'],
  nom: ['string'],
  theme_code: ['string'],
  commune_code: ['string'],
  longitude: ['number'],
  latitude: ['number'],
  precision_geo: ['string'],
};
