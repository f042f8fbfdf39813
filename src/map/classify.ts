import { schemeBrBG, schemeYlGnBu } from 'd3-scale-chromatic';
import { ckmeans } from 'simple-statistics';

/** Colour of communes whose value cannot be computed (e.g. unknown population). */
export const NO_DATA_COLOR = '#c9c9c9';

/** One class of a choropleth: values in [min, max] share a colour. */
export interface ChoroplethClass {
  readonly min: number;
  readonly max: number;
  readonly color: string;
}

/**
 * The palette family: sequential (one direction, light to dark) for quantities that cannot be
 * negative; diverging, centred on zero, for balances (a net CO₂e or a net avoided cost), so that
 * the sign reads before the size. Both are ColorBrewer schemes safe for colour-blind readers
 * (YlGnBu; BrBG: brown below zero, blue-green above).
 */
export type ColorScheme = 'sequentiel' | 'divergent';

/** How commune values are coloured: zero apart, then classes of non-zero values. */
export interface Classification {
  readonly method: 'seuils-naturels';
  readonly scheme: ColorScheme;
  /** Colour of exact zeros (« aucun »), distinct from both classes and « sans donnée ». */
  readonly zeroColor: string;
  /** Classes in increasing order (negative classes first in a diverging scheme). */
  readonly classes: readonly ChoroplethClass[];
  readonly hasZero: boolean;
  readonly hasNoData: boolean;
}

const MAX_CLASSES = 5;
/** Classes on each side of zero in a diverging scheme. */
const MAX_CLASSES_PER_SIGN = 3;

/** Natural breaks (Ckmeans) of sorted values into at most `max` groups, as [min, max] pairs. */
function naturalGroups(sorted: readonly number[], max: number): [number, number][] {
  const k = Math.min(max, new Set(sorted).size);
  if (k === 0) return [];
  return ckmeans([...sorted], k).map((group) => [group[0] ?? 0, group[group.length - 1] ?? 0]);
}

/**
 * Natural breaks (Ckmeans, an optimal 1-D k-means, as Jenks intended) on the non-zero values.
 * Zero is its own class: « no exchange » is an answer a local authority reads differently from
 * « few exchanges », and from « no data », which keeps its own grey.
 *
 * `diverging` (a balance) — or any negative value, which a one-direction palette would misread —
 * gives a zero-centred scheme: negative and positive values are grouped apart (at most three
 * classes each), zero takes the neutral middle colour, and the n-th class away from zero has the
 * same strength of colour on both sides.
 */
export function classify(
  values: readonly (number | null)[],
  options: { readonly diverging?: boolean } = {},
): Classification {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const nonZero = known.filter((v) => v !== 0).sort((a, b) => a - b);
  const hasZero = known.length > nonZero.length;
  const hasNoData = known.length < values.length;
  const diverging = options.diverging === true || (nonZero[0] ?? 0) < 0;

  if (diverging) {
    const negative = naturalGroups(
      nonZero.filter((v) => v < 0),
      MAX_CLASSES_PER_SIGN,
    );
    const positive = naturalGroups(
      nonZero.filter((v) => v > 0),
      MAX_CLASSES_PER_SIGN,
    );
    const side = Math.max(1, negative.length, positive.length);
    // BrBG with 2·side + 1 colours: [side browns…, neutral, side blue-greens…] (3 colours at least).
    const palette = schemeBrBG[Math.max(3, 2 * side + 1)] ?? [];
    const neutral = palette[side] ?? '#f5f5f5';
    return {
      method: 'seuils-naturels',
      scheme: 'divergent',
      zeroColor: neutral,
      classes: [
        // The class nearest zero takes the colour next to the neutral one, on each side.
        ...negative.map(([min, max], i) => ({
          min,
          max,
          color: palette[side - (negative.length - i)] ?? '#000000',
        })),
        ...positive.map(([min, max], i) => ({ min, max, color: palette[side + 1 + i] ?? '#000000' })),
      ],
      hasZero,
      hasNoData,
    };
  }

  const groups = naturalGroups(nonZero, MAX_CLASSES);
  const k = groups.length;
  // The lightest colour is zero's; classes take the darkest k (palettes have at least 3 colours).
  const palette = schemeYlGnBu[Math.max(3, k + 1)] ?? [];
  const offset = palette.length - k;
  return {
    method: 'seuils-naturels',
    scheme: 'sequentiel',
    zeroColor: palette[0] ?? '#ffffcc',
    classes: groups.map(([min, max], i) => ({ min, max, color: palette[offset + i] ?? '#000000' })),
    hasZero,
    hasNoData,
  };
}

/**
 * Lower bounds of the classes as the map's `step` expression uses them. The first class of each
 * sign starts at zero (exclusive: zero has its own colour), so that a value between zero and the
 * nearest class — possible when classes stay fixed during the animation — keeps its sign's colour.
 */
export function classThresholds(classification: Classification): number[] {
  const { classes } = classification;
  const firstPositive = classes.findIndex((c) => c.min > 0);
  return classes.map((c, i) => (i === firstPositive && i > 0 ? Number.MIN_VALUE : c.min));
}

/** The class colour of a value, as the map paints it (for tests and the table view). */
export function colorOf(value: number | null, classification: Classification): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA_COLOR;
  if (value === 0) return classification.zeroColor;
  const { classes } = classification;
  const thresholds = classThresholds(classification);
  for (let i = classes.length - 1; i >= 0; i--) {
    const threshold = thresholds[i];
    if (threshold !== undefined && value >= threshold) return classes[i]?.color ?? '#000000';
  }
  return classes[0]?.color ?? classification.zeroColor;
}
