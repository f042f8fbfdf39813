import type { FeatureCollection } from 'geojson';
import { atom } from 'nanostores';

import { servedManifest, servedOutlines } from '../data/browser-session.ts';
import type { DatasetManifest } from '../data/manifest.ts';
import { parseCommuneTileset } from '../data/commune-tileset.ts';
import { COMMUNE_TILES_URL, COMMUNE_TILESET_URL, DATASET_URL, FIRST_VIEW_URL } from '../config.ts';
import { communeTileTemplate, type CommuneGeometry } from '../map/commune-tiles.ts';
import { parseFirstView, type FirstView } from '../indicators/first-view.ts';
import { $view } from '../state/view.ts';
import { $session } from './session-store.ts';
import { servedOpensAtStart } from './use-saved-territory.ts';

/**
 * The first view computed at build time, with the manifest it answers and the outlines it is
 * drawn on: none when the build cut them into tiles (`$communeTiles`), which the map draws.
 */
export interface FirstViewSeed {
  readonly manifest: DatasetManifest;
  readonly outlines: FeatureCollection | null;
  readonly view: FirstView;
}

/**
 * The served dataset's first view (src/indicators/first-view.ts), once read and checked; null
 * before, without one, or when the page opens a territory held in this browser instead.
 */
export const $firstView = atom<FirstViewSeed | null>(null);

/** Whether the first view is still being read, was shown, or will not come (none, or refused). */
export const $firstViewStatus = atom<'reading' | 'shown' | 'none'>('reading');

/** The served dataset's commune tiles, with the manifest whose outlines they were cut from. */
export interface CommuneTilesSeed {
  readonly manifest: DatasetManifest;
  readonly tiles: CommuneGeometry & { kind: 'tiles' };
}

/**
 * The served dataset's commune tiles, cut at build time (src/data/commune-tileset.ts): set once
 * their description is read and answers the served outlines, before the first view's figures and
 * whether or not they are shown (the engine may have answered first), so the map starts drawing
 * at once; null before, without tiles, or when the page opens a territory held in this browser.
 */
export const $communeTiles = atom<CommuneTilesSeed | null>(null);

async function readTileset(): Promise<CommuneTilesSeed | null> {
  // Checked with the server at each visit, like the dataset's files: the tiles' URLs follow it.
  const response = await fetch(COMMUNE_TILESET_URL, { cache: 'no-cache' });
  // A build without tiles: the map draws the outlines.
  if (!response.ok) return null;
  const manifest = await servedManifest(DATASET_URL);
  const parsed = parseCommuneTileset(await response.text(), manifest);
  if (!parsed.ok) {
    console.warn(`Tuiles des communes ignorées (${parsed.reason}) : la carte dessine leurs contours.`);
    return null;
  }
  // An absolute URL: MapLibre's worker fetches the tiles.
  const url = communeTileTemplate(
    new URL(COMMUNE_TILES_URL, window.location.href).href,
    manifest.geometry.communes.sha256.slice(0, 12),
  );
  return { manifest, tiles: { kind: 'tiles', url, zooms: parsed.zooms, bounds: manifest.bbox } };
}

async function readFirstView(tileset: Promise<CommuneTilesSeed | null>): Promise<FirstViewSeed | null> {
  const response = await fetch(FIRST_VIEW_URL);
  // A build without a first view (`npm run dev`): the page waits for its engine.
  if (!response.ok) return null;
  const manifest = await servedManifest(DATASET_URL);
  const parsed = parseFirstView(await response.arrayBuffer(), manifest);
  if (!parsed.ok) {
    console.warn(`Première vue ignorée (${parsed.reason}) : la carte attend le moteur.`);
    return null;
  }
  // Without tiles, the map draws the outlines themselves; with them, it still frames an
  // intercommunalité named in the address from its communes' outlines.
  const outlinesNeeded = !(await tileset) || $view.get().epci !== null;
  const outlines = outlinesNeeded ? await servedOutlines(DATASET_URL, manifest) : null;
  return { manifest, outlines, view: parsed.view };
}

let started = false;

/**
 * Reads the commune tiles' description and the first view once, beside the engine's start-up.
 * Nothing is lost when either fails: the page then draws the outlines, and its map from the
 * engine's answers, as it always does.
 */
export function loadFirstViewOnce(): void {
  if (started) return;
  started = true;
  const tileset = readTileset().catch((error: unknown) => {
    console.warn('Tuiles des communes illisibles : la carte dessine leurs contours.', error);
    return null;
  });
  void Promise.all([servedOpensAtStart(), tileset]).then(([servedOpens, seed]) => {
    if (servedOpens && seed) $communeTiles.set(seed);
  });
  void Promise.all([servedOpensAtStart(), readFirstView(tileset)]).then(
    ([servedOpens, seed]) => {
      if (!servedOpens || !seed || $session.get()) {
        $firstViewStatus.set('none');
        return;
      }
      performance.mark('symbiose:first-view');
      $firstView.set(seed);
      $firstViewStatus.set('shown');
    },
    (error: unknown) => {
      $firstViewStatus.set('none');
      console.warn('Première vue illisible : la carte attend le moteur.', error);
    },
  );
}
