import type { FeatureCollection } from 'geojson';
import { atom } from 'nanostores';

import { servedManifest, servedOutlines } from '../data/browser-session.ts';
import type { DatasetManifest } from '../data/manifest.ts';
import { DATASET_URL, FIRST_VIEW_URL } from '../config.ts';
import { parseFirstView, type FirstView } from '../indicators/first-view.ts';
import { $session } from './session-store.ts';
import { servedOpensAtStart } from './use-saved-territory.ts';

/** The first view computed at build time, with the manifest and outlines it is drawn on. */
export interface FirstViewSeed {
  readonly manifest: DatasetManifest;
  readonly outlines: FeatureCollection;
  readonly view: FirstView;
}

/**
 * The served dataset's first view (src/indicators/first-view.ts), once read and checked; null
 * before, without one, or when the page opens a territory held in this browser instead.
 */
export const $firstView = atom<FirstViewSeed | null>(null);

/** Whether the first view is still being read, was shown, or will not come (none, or refused). */
export const $firstViewStatus = atom<'reading' | 'shown' | 'none'>('reading');

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
  const outlines = await servedOutlines(DATASET_URL, manifest);
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
