import type { SqlParam } from '../data/query-runner.ts';
import type { ResourceType } from '../data/schema/index.ts';
import type { Period } from './types.ts';

/** Zones indicators are computed for. */
export const LEVELS = ['commune', 'epci', 'territoire'] as const;
export type Level = (typeof LEVELS)[number];

/** Which end of an exchange a commune is credited with: where the benefit lands, or where it comes from. */
export const SIDES = ['beneficiaire', 'fournisseur'] as const;
export type Side = (typeof SIDES)[number];

/** What every indicator is filtered by. Empty lists and nulls mean « no filter ». */
export interface IndicatorFilters {
  readonly period: Period;
  readonly types?: readonly ResourceType[] | undefined;
  /** WALDEC top-level theme codes: keeps exchanges with an association of these themes at one end. */
  readonly themes?: readonly string[] | undefined;
  /** A funder (SIRET or name): keeps exchanges of associations it funded during the period. */
  readonly funder?: string | null | undefined;
  readonly side?: Side | undefined;
  /**
   * Lowest quality tier kept: `declare` (all exchanges), `confirme` (confirmed by the partner or
   * verified), `verifie` (verified by the coordinator only). Absent: all exchanges.
   */
  readonly quality?: QualityTier | undefined;
}

/** Quality tiers of an exchange's data, lowest first (`statut_donnee`). */
export const QUALITY_TIERS = ['declare', 'confirme', 'verifie'] as const;
export type QualityTier = (typeof QUALITY_TIERS)[number];

function list(values: readonly string[] | undefined): string | null {
  return values && values.length > 0 ? values.join(',') : null;
}

/**
 * The positional parameters shared by the indicator queries:
 * $1 start, $2 end, $3 level, $4 side, $5 types (comma-separated), $6 themes, $7 funder,
 * $8 lowest quality tier kept.
 */
export function filterParams(filters: IndicatorFilters, level: Level): SqlParam[] {
  return [
    filters.period.start,
    filters.period.end,
    level,
    filters.side ?? 'beneficiaire',
    list(filters.types),
    list(filters.themes),
    filters.funder ?? null,
    filters.quality ?? 'declare',
  ];
}
