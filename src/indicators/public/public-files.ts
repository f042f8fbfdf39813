/** The files of a public product (src/indicators/public/public-product.ts writes them). */
export const PUBLIC_FILES = {
  cells: 'cellules.arrow',
  exchanges: 'echanges_publics.arrow',
  places: 'lieux_publics.arrow',
  metadata: 'public.json',
} as const;

/** The commune outlines a public build keeps beside its product. */
export const PUBLIC_OUTLINES_FILE = 'communes.geojson';
