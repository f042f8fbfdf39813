import { atom } from 'nanostores';

import { isOriginAllowedByPolicy } from '../security/content-policy.ts';
import { setBasemap } from './view.ts';

/*
 * Which remote basemaps this page may load. A basemap in the view may come from a shared link
 * (`?fond=…`): nothing is requested from its server until the user accepts it. One the user types
 * in the setting is their own choice. Kept in memory only: a reload asks again.
 */

/** Basemap URLs the user accepted or chose in this page. */
export const $acceptedBasemaps = atom<readonly string[]>([]);

/** The user agrees to load a basemap that came with a link. */
export function acceptBasemap(url: string): void {
  if (!$acceptedBasemaps.get().includes(url)) $acceptedBasemaps.set([...$acceptedBasemaps.get(), url]);
}

/** The user typed a basemap (or chose none): their explicit choice, loaded without a second question. */
export function chooseBasemap(url: string | null): void {
  if (url !== null) acceptBasemap(url);
  setBasemap(url);
}

/** The user declines a basemap that came with a link: the view drops it (and so does the URL). */
export function ignoreBasemap(): void {
  setBasemap(null);
}

/**
 * The basemap the map may load: the view's, once accepted and if this site's security policy
 * allows its server; null otherwise (the map stays offline, nothing is requested).
 */
export function loadableBasemap(basemap: string | null, accepted: readonly string[]): string | null {
  return basemap !== null && accepted.includes(basemap) && isOriginAllowedByPolicy(basemap) ? basemap : null;
}

/** Names the map shown for the view's basemap: a new name is a new map (it is mounted again). */
export function mapKey(basemap: string | null, accepted: readonly string[]): string {
  return loadableBasemap(basemap, accepted) ?? 'offline';
}
