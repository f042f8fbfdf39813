import { coverageMode } from '../data/coverage.ts';
import type { DatasetManifest } from '../data/manifest.ts';
import { DEFAULT_MAP_INDICATOR_ID, REGISTER_MAP_INDICATOR_ID } from '../indicators/registry.ts';

/**
 * The indicator the map opens on when the view names none: exchanges per 1,000 inhabitants where
 * exchanges are declared, what the register says (associations per 1,000 inhabitants) where none
 * is — a territory imported from open data opens on true figures, not on « non renseigné ».
 */
export function defaultIndicatorId(manifest: Pick<DatasetManifest, 'coverage' | 'tables'> | null): string {
  return manifest && coverageMode(manifest) === 'aucune'
    ? REGISTER_MAP_INDICATOR_ID
    : DEFAULT_MAP_INDICATOR_ID;
}
