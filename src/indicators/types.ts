import type { Scenario } from '../data/method/coefficients.ts';
import type { PartId } from './method/parts.ts';

/** A text in the interface's languages: French first, English second. */
export interface Localized {
  readonly fr: string;
  readonly en: string;
}

/**
 * Families of indicators: the three of impact (methodology §2), computed from declared exchanges;
 * what the official files say of every territory (register and grants); cooperation signals read
 * in open data (shared seats, umbrella structures, in-kind support).
 */
export type IndicatorFamily = 'social' | 'financier' | 'environnemental' | 'registre' | 'signaux';

/** A calendar period, both ends included, as `YYYY-MM-DD`. */
export interface Period {
  readonly start: string;
  readonly end: string;
}

/** Reads a part of the current zone in a scenario. */
export type PartReader = (part: PartId, scenario: Scenario) => number | null;

/**
 * One indicator of the method: what it means (labels, unit, formula in words, fields, caveats),
 * which additive parts it is computed from, and how.
 */
export interface IndicatorDefinition {
  /** Stable kebab-case id: URLs, anchors of the method page, CSV columns, tests. */
  readonly id: string;
  /** Reference in the methodology note (S1…, F1…, N1…), or '' for a companion indicator. */
  readonly ref: string;
  readonly family: IndicatorFamily;
  readonly label: Localized;
  readonly unit: Localized;
  readonly formula: Localized;
  /** How to read the value: what a high or low value means, or for a balance what its sign means. */
  readonly reading: Localized;
  /** Dataset fields read, as `table.column`. */
  readonly fields: readonly string[];
  readonly caveats: Localized | null;
  /** Parts the value is computed from (their SQL is shown on the method page). */
  readonly parts: readonly PartId[];
  /** Shown as a percentage (the value is a ratio in [0, 1]). */
  readonly percent: boolean;
  /** A total (count or sum) that can also be read per 1,000 inhabitants. */
  readonly total: boolean;
  readonly decimals: number;
  /**
   * A balance: a difference that can be negative (net CO₂e, net avoided cost, values that
   * include them). Mapped on a diverging palette centred on zero.
   */
  readonly balance?: boolean;
  /**
   * The value in a scenario. Parts that are subtracted are read in the opposite scenario, so that
   * the low run is the lowest value the coefficient ranges allow, and the high run the highest.
   */
  value(parts: PartReader, scenario: Scenario): number | null;
}

/** An indicator's value in a zone: central, and its low–high range when coefficients enter it. */
export interface IndicatorValue {
  readonly central: number | null;
  readonly bas: number | null;
  readonly haut: number | null;
}
