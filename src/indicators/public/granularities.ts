import type { ResourceType } from '../../data/schema/index.ts';
import type { Period } from '../types.ts';
import type { MarginEquation } from './suppression.ts';

/*
 * The fixed granularities of the public product: zone (commune, intercommunalité, territory) ×
 * period (quarter, year, whole period) × resource family (each family, all families). A reader
 * of the public build sees only these cells, so no filter can cut a new difference between two
 * published figures.
 */

/**
 * Resource families. The eight types of the format are grouped by what the method values them
 * with, so that a family is a meaningful public figure and holds enough exchanges to be shown
 * more often than a single type would: premises (hire of a room), equipment and vehicles (hire
 * or purchase of a good), people (skills and staff: time), and knowledge and joint work
 * (information, training, joint projects, other: no material counterpart).
 */
export const FAMILIES = {
  locaux: ['locaux'],
  materiel: ['materiel', 'vehicule'],
  personnes: ['competences', 'personnel'],
  cooperation: ['information_formation', 'projet_commun', 'autre'],
} as const satisfies Record<string, readonly ResourceType[]>;

export type Family = keyof typeof FAMILIES;
/** The key of « every family ». */
export const ALL_FAMILIES = 'toutes';
export type FamilyKey = Family | typeof ALL_FAMILIES;
export const FAMILY_KEYS: readonly FamilyKey[] = [...(Object.keys(FAMILIES) as Family[]), ALL_FAMILIES];

/** A period of the product: `2024-T1`, `2024`, or `ensemble` (the dataset's whole period). */
export interface PublicPeriod extends Period {
  readonly key: string;
  readonly kind: 'trimestre' | 'annee' | 'ensemble';
  /** The key of the period it adds up into (a quarter's year, a year's whole period). */
  readonly parent: string | null;
}

const WHOLE = 'ensemble';

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const clip = (p: Period, within: Period): Period => ({
  start: p.start < within.start ? within.start : p.start,
  end: p.end > within.end ? within.end : p.end,
});

/**
 * The quarters and years of the dataset's period (cut to it at both ends), then the period
 * itself: each quarter adds up into its year, each year into the whole period.
 */
export function publicPeriods(period: Period): PublicPeriod[] {
  const first = Number(period.start.slice(0, 4));
  const last = Number(period.end.slice(0, 4));
  const periods: PublicPeriod[] = [];
  for (let year = first; year <= last; year++) {
    for (let q = 1; q <= 4; q++) {
      const endMonth = q * 3;
      const endDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
      const quarter = { start: iso(year, endMonth - 2, 1), end: iso(year, endMonth, endDay) };
      if (quarter.end < period.start || quarter.start > period.end) continue;
      periods.push({
        key: `${year}-T${q}`,
        kind: 'trimestre',
        parent: String(year),
        ...clip(quarter, period),
      });
    }
    periods.push({
      key: String(year),
      kind: 'annee',
      parent: WHOLE,
      ...clip({ start: iso(year, 1, 1), end: iso(year, 12, 31) }, period),
    });
  }
  periods.push({ key: WHOLE, kind: 'ensemble', parent: null, ...period });
  return periods;
}

/** A zone of the product and the zone it adds up into. */
export interface PublicZone {
  readonly code: string;
  readonly nom: string;
  readonly niveau: 'commune' | 'epci' | 'territoire';
  readonly parent: string | null;
}

/** The coordinates of a cell. */
export interface CellKey {
  readonly zone: string;
  readonly periode: string;
  readonly famille: FamilyKey;
}

/** One index per cell, in a fixed order: zones, then periods, then families. */
export class CellIndex {
  readonly keys: CellKey[] = [];
  private readonly byKey = new Map<string, number>();
  readonly zones: readonly PublicZone[];
  readonly periods: readonly PublicPeriod[];

  constructor(zones: readonly PublicZone[], periods: readonly PublicPeriod[]) {
    this.zones = zones;
    this.periods = periods;
    for (const zone of zones) {
      for (const period of periods) {
        for (const famille of FAMILY_KEYS) {
          this.byKey.set(CellIndex.id(zone.code, period.key, famille), this.keys.length);
          this.keys.push({ zone: zone.code, periode: period.key, famille });
        }
      }
    }
  }

  private static id(zone: string, periode: string, famille: string): string {
    return `${zone}\u0000${periode}\u0000${famille}`;
  }

  /** The index of a cell. */
  of(zone: string, periode: string, famille: FamilyKey): number {
    const index = this.byKey.get(CellIndex.id(zone, periode, famille));
    if (index === undefined) throw new Error(`No cell ${zone} × ${periode} × ${famille}`);
    return index;
  }

  /**
   * Every published margin: the communes of an intercommunalité add up to it and the
   * intercommunalités to the territory, the quarters of a year to the year and the years to the
   * whole period, the families to all families — each along one dimension, the others fixed.
   */
  equations(): MarginEquation[] {
    const equations: MarginEquation[] = [];
    const children = <T extends { parent: string | null }>(items: readonly T[], key: (t: T) => string) => {
      const map = new Map<string, string[]>();
      for (const item of items) {
        if (item.parent === null) continue;
        const list = map.get(item.parent) ?? [];
        list.push(key(item));
        map.set(item.parent, list);
      }
      return map;
    };
    const zoneChildren = children(this.zones, (z) => z.code);
    const periodChildren = children(this.periods, (p) => p.key);
    for (const period of this.periods) {
      for (const famille of FAMILY_KEYS) {
        for (const [total, parts] of zoneChildren) {
          equations.push({
            dimension: 'zone',
            total: this.of(total, period.key, famille),
            parts: parts.map((z) => this.of(z, period.key, famille)),
          });
        }
      }
    }
    for (const zone of this.zones) {
      for (const famille of FAMILY_KEYS) {
        for (const [total, parts] of periodChildren) {
          equations.push({
            dimension: 'period',
            total: this.of(zone.code, total, famille),
            parts: parts.map((p) => this.of(zone.code, p, famille)),
          });
        }
      }
      for (const period of this.periods) {
        equations.push({
          dimension: 'family',
          total: this.of(zone.code, period.key, ALL_FAMILIES),
          parts: Object.keys(FAMILIES).map((f) => this.of(zone.code, period.key, f as Family)),
        });
      }
    }
    return equations;
  }
}
