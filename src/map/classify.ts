import { schemeYlGnBu } from 'd3-scale-chromatic';
import { ckmeans } from 'simple-statistics';

/** Colour of communes whose value cannot be computed (e.g. unknown population). */
export const NO_DATA_COLOR = '#c9c9c9';

/** One class of a choropleth: values in [min, max] share a colour. */
export interface ChoroplethClass {
  readonly min: number;
  readonly max: number;
  readonly color: string;
}

/** How commune values are coloured: zero apart, then classes of non-zero values. */
export interface Classification {
  readonly method: 'seuils-naturels';
  /** Colour of exact zeros (« aucun »), distinct from both classes and « sans donnée ». */
  readonly zeroColor: string;
  readonly classes: readonly ChoroplethClass[];
  readonly hasZero: boolean;
  readonly hasNoData: boolean;
}

const MAX_CLASSES = 5;

/**
 * Natural breaks (Ckmeans, an optimal 1-D k-means, as Jenks intended) on the non-zero values.
 * Zero is its own class: « no exchange » is an answer a local authority reads differently from
 * « few exchanges », and from « no data », which keeps its own grey.
 */
export function classify(values: readonly (number | null)[]): Classification {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const positive = known.filter((v) => v !== 0).sort((a, b) => a - b);
  const distinct = new Set(positive).size;
  const k = Math.min(MAX_CLASSES, distinct);
  // The lightest colour is zero's; classes take the darkest k (palettes have at least 3 colours).
  const palette = schemeYlGnBu[Math.max(3, k + 1)] ?? [];
  const offset = palette.length - k;
  const clusters = k > 0 ? ckmeans(positive, k) : [];
  return {
    method: 'seuils-naturels',
    zeroColor: palette[0] ?? '#ffffcc',
    classes: clusters.map((cluster, i) => ({
      min: cluster[0] ?? 0,
      max: cluster[cluster.length - 1] ?? 0,
      color: palette[offset + i] ?? '#000000',
    })),
    hasZero: known.length > positive.length,
    hasNoData: known.length < values.length,
  };
}

/** The class colour of a value, as the map paints it (for tests and the table view). */
export function colorOf(value: number | null, classification: Classification): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA_COLOR;
  if (value === 0) return classification.zeroColor;
  const { classes } = classification;
  for (let i = classes.length - 1; i >= 0; i--) {
    const c = classes[i];
    if (c && value >= c.min) return c.color;
  }
  return classes[0]?.color ?? classification.zeroColor;
}
