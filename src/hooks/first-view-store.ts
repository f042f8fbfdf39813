import type { FeatureCollection } from 'geojson';
import { atom } from 'nanostores';

import { servedManifest, servedOutlines } from '../data/browser-session.ts';
import type { DatasetManifest } from '../data/manifest.ts';
import type { CommuneTileZooms } from '../data/site-files.ts';
import { COMMUNE_TILES_URL, DATASET_URL, FIRST_VIEW_URL } from '../config.ts';
import { communeTileTemplate, type CommuneGeometry } from '../map/commune-tiles.ts';
import { parseFirstView, type FirstView } from '../indicators/first-view.ts';
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

/**
 * The served dataset's commune tiles, cut at build time from the outlines its first view names:
 * set once that file is read and answers the served data, whether or not its figures are shown
 * (the engine may have answered first); null before, without tiles, or for another dataset.
 */
export const $communeTiles = atom<(CommuneGeometry & { kind: 'tiles' }) | null>(null);

/** The tiles of a served dataset whose first view has `zooms`, at an absolute URL (MapLibre's worker fetches them). */
function servedTiles(
  zooms: CommuneTileZooms,
  manifest: DatasetManifest,
): CommuneGeometry & { kind: 'tiles' } {
  return {
    kind: 'tiles',
    url: communeTileTemplate(new URL(COMMUNE_TILES_URL, window.location.href).href),
    zooms,
    bounds: manifest.bbox,
  };
}

async function readFirstView(): Promise<FirstViewSeed | null> {
  const response = await fetch(FIRST_VIEW_URL);
  // A build without a first view (`npm run dev`): the page waits for its engine.
  if (!response.ok) return null;
  const manifest = await servedManifest(DATASET_URL);
  const parsed = parseFirstView(await response.text(), manifest);
  if (!parsed.ok) {
    console.warn(`Première vue ignorée (${parsed.reason}) : la carte attend le moteur.`);
    return null;
  }
  const { tiles } = parsed.view;
  if (tiles) $communeTiles.set(servedTiles(tiles, manifest));
  // Without tiles, the map draws the outlines themselves.
  const outlines = tiles ? null : await servedOutlines(DATASET_URL, manifest);
  return { manifest, outlines, view: parsed.view };
}

let started = false;

/**
 * Reads the first view once, beside the engine's start-up. Nothing is lost when it fails: the
 * page then draws its map from the engine's answers, as it always does.
 */
export function loadFirstViewOnce(): void {
  if (started) return;
  started = true;
  void Promise.all([servedOpensAtStart(), readFirstView()]).then(
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
