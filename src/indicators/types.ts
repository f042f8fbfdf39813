import type { SqlQuery } from '../data/query-runner.ts';

/** A text in the interface's languages: French first, English second. */
export interface Localized {
  readonly fr: string;
  readonly en: string;
}

/** The three families of impact indicators (methodology §2). */
export type IndicatorFamily = 'social' | 'financier' | 'environnemental';

/** A calendar period, both ends included, as `YYYY-MM-DD`. */
export interface Period {
  readonly start: string;
  readonly end: string;
}

/** What every indicator query is filtered by. Grows with the filters of the dashboard. */
export interface IndicatorFilters {
  readonly period: Period;
}

/** One commune's value of a map indicator, with its additive parts kept apart. */
export interface CommuneIndicatorValue {
  readonly code_insee: string;
  /** Additive part: sums over communes to the territory's numerator. */
  readonly numerateur: number;
  /** Denominator (e.g. population); null when unknown. */
  readonly denominateur: number | null;
  /** numerateur / denominateur × scale; null when it cannot be computed (« sans donnée »). */
  readonly valeur: number | null;
}

/** An indicator that can colour the commune map. */
export interface MapIndicatorDefinition {
  /** Stable kebab-case id, used in URLs, file names and tests. */
  readonly id: string;
  readonly family: IndicatorFamily;
  readonly label: Localized;
  readonly unit: Localized;
  /** Formula in words, as a funder would check it. */
  readonly formula: Localized;
  /** Dataset fields the indicator reads (`table.column`). */
  readonly fields: readonly string[];
  /** Decimals shown for a value. */
  readonly decimals: number;
  /** Query returning one row per commune: code_insee, numerateur, denominateur, valeur. */
  buildQuery(filters: IndicatorFilters): SqlQuery;
}
