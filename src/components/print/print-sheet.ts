import type { Feature, Position } from 'geojson';

import { $session } from '../../hooks/session-store.ts';
import { frameSnapshot } from '../map/map-camera.ts';

type Bbox = readonly [number, number, number, number];

/** West, south, east, north of a commune's outline. */
function outlineBounds(feature: Feature): Bbox | null {
  const { geometry } = feature;
  const rings: Position[][] =
    geometry.type === 'Polygon'
      ? geometry.coordinates
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates.flat()
        : [];
  const points = rings.flat();
  if (points.length === 0) return null;
  const xs = points.map((p) => p[0] ?? 0);
  const ys = points.map((p) => p[1] ?? 0);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/**
 * Prints the sheet of commune `code` on one A4 page: the map is framed on the commune, drawn, and
 * its still image put in the sheet before the browser's print opens; the page then says
 * `data-print="ready"` on `<html>` until the print is done (`afterprint`). `print` is the
 * browser's print unless a caller (a test printing to PDF) gives its own.
 */
export async function printCommuneSheet(
  code: string,
  print: () => void = () => window.print(),
): Promise<void> {
  const root = document.documentElement;
  root.dataset['print'] = 'preparing';
  try {
    const outline = $session
      .get()
      ?.outlines.features.find((f) => String(f.properties?.['code_insee']) === code);
    const bounds = outline ? outlineBounds(outline) : null;
    const image = bounds ? await frameSnapshot(bounds) : null;
    const still = document.querySelector<HTMLImageElement>('img.print-map');
    if (still && image) {
      still.src = image;
      await still.decode();
    }
  } finally {
    root.dataset['print'] = 'ready';
  }
  window.addEventListener('afterprint', () => delete root.dataset['print'], { once: true });
  print();
}
