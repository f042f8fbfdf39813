/** A zone's place among others for one indicator. */
export interface Rank {
  /** 1 for the highest value; equal values share the best rank (1, 2, 2, 4). */
  readonly rank: number;
  /** Zones with a value. */
  readonly total: number;
  /** Share of the other zones with a strictly lower value, in [0, 1]. */
  readonly percentile: number;
}

/**
 * Rank of `code` by decreasing value among zones with a value; null if it has none, and null when
 * every zone has the same value (« 1re / 101 » on a tie of all — 0 % covered everywhere — would
 * rank nothing).
 */
export function rankOf(values: ReadonlyMap<string, number | null>, code: string): Rank | null {
  const own = values.get(code);
  if (own === null || own === undefined) return null;
  const known = [...values.values()].filter((v): v is number => v !== null && Number.isFinite(v));
  const higher = known.filter((v) => v > own).length;
  const lower = known.filter((v) => v < own).length;
  if (known.length > 1 && higher === 0 && lower === 0) return null;
  return {
    rank: higher + 1,
    total: known.length,
    percentile: known.length > 1 ? lower / (known.length - 1) : 1,
  };
}
