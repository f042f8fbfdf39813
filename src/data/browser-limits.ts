import { DatasetError } from './dataset-reader.ts';
import type { DatasetManifest } from './manifest.ts';

/*
 * How large a dataset the page may load, checked on its manifest before any file is fetched: a
 * dataset beyond it would run the tab out of memory (a dead tab, no message).
 *
 * From the benchmarks (README « Benchmarks »): the regional size (516,000 rows, 167 MB of files)
 * loads with a renderer peak of 1.9 GB, about 11 bytes of memory per byte of file; the national
 * size (13 million rows, 4.3 GB) runs DuckDB-WASM out of memory. DuckDB-WASM is a 32-bit
 * WebAssembly module (4 GB of memory at most), so about twice the regional size is the most that
 * still leaves room for the queries: 350 MB of files or 1.2 million rows.
 */
export const BROWSER_DATASET_LIMITS = { bytes: 350_000_000, rows: 1_200_000 } as const;

/** Rows and bytes of every file a manifest lists. */
export function datasetSize(manifest: DatasetManifest): { rows: number; bytes: number } {
  const files = [...Object.values(manifest.tables), manifest.geometry.communes].filter(
    (entry) => entry !== undefined,
  );
  return {
    rows: Object.values(manifest.tables).reduce((sum, entry) => sum + (entry?.rows ?? 0), 0),
    bytes: files.reduce((sum, entry) => sum + entry.bytes, 0),
  };
}

/**
 * A served dataset beyond what a browser loads: the page shows the figures its build computed
 * (the first view, src/indicators/first-view.ts) and says why nothing more can be asked.
 */
export class DatasetTooLargeError extends DatasetError {
  override name = 'DatasetTooLargeError';
}

/** Whether a browser may load the dataset a manifest describes. */
export function fitsInBrowser(
  manifest: DatasetManifest,
  limits: { readonly bytes: number; readonly rows: number } = BROWSER_DATASET_LIMITS,
): boolean {
  const { rows, bytes } = datasetSize(manifest);
  return rows <= limits.rows && bytes <= limits.bytes;
}

const formatted = (n: number) => n.toLocaleString('fr-FR');

/**
 * Refuses, before loading, a dataset too large for a browser, with what to do instead. `where`
 * names the manifest.
 */
export function assertFitsInBrowser(
  manifest: DatasetManifest,
  where: string,
  limits: { readonly bytes: number; readonly rows: number } = BROWSER_DATASET_LIMITS,
): void {
  if (fitsInBrowser(manifest, limits)) return;
  const { rows, bytes } = datasetSize(manifest);
  const mb = (n: number) => formatted(Math.round(n / 1e6));
  throw new DatasetTooLargeError(
    `${where} : ce jeu de données est trop grand pour un navigateur (${formatted(rows)} lignes, ${mb(bytes)} Mo ; ` +
      `au plus ${formatted(limits.rows)} lignes et ${mb(limits.bytes)} Mo). ` +
      'Publiez un territoire plus restreint (un département, une intercommunalité), calculez les indicateurs ' +
      'sur un ordinateur avec l’outil en ligne de commande (npm run indicators), ' +
      'ou publiez une construction publique agrégée.',
  );
}
