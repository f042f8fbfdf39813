import { partDefinition, type PartId } from '../method/parts.ts';
import { indicatorById } from '../registry.ts';
import type { IndicatorDefinition } from '../types.ts';

/*
 * The figures of the public product: the registry's additive totals computed from the declared
 * exchanges, each with its low–high range. Ratios, network measures and register figures are
 * left out: ratios are read from totals, the network's per-association structure is what §5 says
 * never to show, and register counts are public anyway.
 */

/** Parts that count people (volunteers' time, beneficiaries): the stricter threshold of 11 applies. */
export const PEOPLE_PARTS: ReadonlySet<PartId> = new Set([
  'heures_benevoles',
  'beneficiaires',
  'valeur_benevolat',
]);

/**
 * Published indicators, by id. The value of volunteers' time is the hours times a coefficient, so
 * it follows the people's rules with the hours (otherwise the hours could be read back from it);
 * the avoided costs do not include it (methodology: three bases, never one euro sum).
 */
export const PUBLIC_MEASURE_IDS = [
  'echanges',
  'cout-evite-brut',
  'emploi-mutualise',
  'bilan-co2',
  'matiere-evitee',
  'heures-benevoles',
  'beneficiaires',
  'valeur-benevolat',
  'cout-evite-net',
] as const;

export type PublicMeasureId = (typeof PUBLIC_MEASURE_IDS)[number];

/** The counts an exchange adds to whole in each period it overlaps (the others are prorated by days). */
const WHOLE_IN_EACH_PERIOD: ReadonlySet<PublicMeasureId> = new Set(['echanges', 'beneficiaires']);

/**
 * The tiers of measures, each masked on its own: the count of exchanges (frequency and its own
 * dominance: a map of who cooperates where), the magnitudes (euros, CO₂e, matter, staff: one
 * mask for all, as they are read together), and the figures that count people (threshold of 11;
 * its mask contains the magnitudes'). No published relation ties one tier's figures to another's.
 */
export const PUBLIC_TIERS = ['echanges', 'general', 'personnes'] as const;
export type PublicTier = (typeof PUBLIC_TIERS)[number];

/** The status column of each tier in `cellules.arrow`. */
export const STATUS_COLUMNS: Readonly<Record<PublicTier, string>> = {
  echanges: 'statut_echanges',
  general: 'statut',
  personnes: 'statut_personnes',
};

/** A published measure: its indicator, its column name, and its tier of rules. */
export interface PublicMeasure {
  readonly id: PublicMeasureId;
  readonly indicator: IndicatorDefinition;
  /** Column prefix in the product (`cout_evite_brut`, then `_bas`, `_haut`). */
  readonly column: string;
  /** `personnes`: the figure counts people (threshold of 11); `echanges`: the count; else `general`. */
  readonly tier: PublicTier;
  /** Never below zero (not a balance): an attacker may use it. */
  readonly nonNegative: boolean;
  /**
   * Counted whole in every period it overlaps (method: an exchange, and its beneficiaries, count
   * once in each quarter and year it runs through), so its period margins are bounds, not sums.
   */
  readonly wholeInEachPeriod: boolean;
}

export const PUBLIC_MEASURES: readonly PublicMeasure[] = PUBLIC_MEASURE_IDS.map((id) => {
  const indicator = indicatorById(id);
  if (!indicator) throw new Error(`No indicator ${id}`);
  if (!indicator.total || indicator.parts.some((p) => partDefinition(p).source !== 'echanges'))
    throw new Error(`${id} is not an additive total of the exchanges`);
  return {
    id,
    indicator,
    column: id.replace(/-/g, '_'),
    tier: indicator.parts.some((p) => PEOPLE_PARTS.has(p))
      ? 'personnes'
      : id === 'echanges'
        ? 'echanges'
        : 'general',
    nonNegative: indicator.balance !== true,
    wholeInEachPeriod: WHOLE_IN_EACH_PERIOD.has(id),
  };
});
