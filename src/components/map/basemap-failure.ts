import { atom } from 'nanostores';

import type { BasemapFailure } from '../../i18n/sections/basemap.ts';

/** Why the remote basemap could not be loaded (null: none, or it works); the map reports it. */
export const $basemapFailure = atom<{ readonly url: string; readonly failure: BasemapFailure } | null>(null);

/** Says why a basemap could not be loaded (the map goes on without it). */
export function reportBasemapFailure(url: string, failure: BasemapFailure): void {
  if ($basemapFailure.get()?.url !== url) $basemapFailure.set({ url, failure });
}
