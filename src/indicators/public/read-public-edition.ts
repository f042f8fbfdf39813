import { bbox } from '@turf/turf';
import { tableFromIPC } from 'apache-arrow';
import type { FeatureCollection } from 'geojson';

import { PUBLIC_FILES, PUBLIC_OUTLINES_FILE } from './public-files.ts';
import { parsePublicMetadata, PublicCells, PublicProductError, readPublicCells } from './public-edition.ts';
import { toRows } from '../../data/arrow-rows.ts';

/** Where the product's files are read from (a dataset reader over HTTP, or a folder in tests). */
export interface PublicFilesReader {
  readText(file: string): Promise<string>;
  readBytes(file: string): Promise<Uint8Array>;
  /** The file's name in messages: its URL or path. */
  describe(file: string): string;
}

/** What the page of a public build draws: the cells, the outlines and their extent. */
export interface PublicEdition {
  readonly cells: PublicCells;
  readonly outlines: FeatureCollection;
  readonly bbox: readonly [number, number, number, number];
}

/**
 * Reads a public product (scripts/lib/public-build.ts wrote it): `public.json`, `cellules.arrow`
 * and the commune outlines, each checked; an unusable file is named with the reason.
 */
export async function readPublicEdition(reader: PublicFilesReader): Promise<PublicEdition> {
  const [metadataText, cellBytes, outlineText] = await Promise.all([
    reader.readText(PUBLIC_FILES.metadata),
    reader.readBytes(PUBLIC_FILES.cells),
    reader.readText(PUBLIC_OUTLINES_FILE),
  ]);
  const metadata = parsePublicMetadata(metadataText, reader.describe(PUBLIC_FILES.metadata));
  let rows;
  try {
    rows = toRows(tableFromIPC(cellBytes));
  } catch (error) {
    throw new PublicProductError(
      reader.describe(PUBLIC_FILES.cells),
      `pas un fichier Arrow IPC lisible (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const cells = new PublicCells(
    metadata,
    readPublicCells(rows, metadata, reader.describe(PUBLIC_FILES.cells)),
  );
  let outlines: FeatureCollection;
  try {
    outlines = JSON.parse(outlineText) as FeatureCollection;
    if (outlines.type !== 'FeatureCollection' || !Array.isArray(outlines.features))
      throw new Error('pas une FeatureCollection');
  } catch (error) {
    throw new PublicProductError(
      reader.describe(PUBLIC_OUTLINES_FILE),
      `pas un GeoJSON valide (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const [west, south, east, north] = bbox(outlines);
  return { cells, outlines, bbox: [west, south, east, north] };
}
