import { atom } from 'nanostores';

import { DEFAULT_MAP_INDICATOR_ID } from '../indicators/registry.ts';

/** Id of the indicator that colours the communes. */
export const $indicatorId = atom<string>(DEFAULT_MAP_INDICATOR_ID);

/** True once the map has drawn the choropleth for the current indicator. */
export const $mapDrawn = atom<boolean>(false);

export function setMapDrawn(drawn: boolean): void {
  $mapDrawn.set(drawn);
}
