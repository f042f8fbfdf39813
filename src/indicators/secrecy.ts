import type { ZoneIndicators } from './indicator-table.ts';

/*
 * Statistical secrecy for the public view (methodology §5, INSEE frequency rule): a figure built
 * from the exchanges of fewer than three distinct associations is not shown, since it could tell
 * what one or two identifiable associations did. Counts of associations from the public register
 * could be shown at any level, but every indicator here uses the exchange survey.
 *
 * Secondary suppression: figures that add up to a published total (communes of an
 * intercommunalité, intercommunalités of the territory, quarters of a series, types of a mix)
 * never leave exactly one cell masked, or it could be recovered as the total minus the others.
 *
 * Not applied (see README): the dominance rule (no association above 85 % of a cell) and the
 * stricter rule of 11 for volunteer hours and beneficiaries.
 */
export const SECRECY_THRESHOLD = 3;

/** True when a figure rests on 1 or 2 associations (0 exchanges reveals nothing). */
export function isSecretCount(associations: number): boolean {
  return associations > 0 && associations < SECRECY_THRESHOLD;
}

/** True when the zone's figures rest on 1 or 2 associations. */
export function isSecret(zone: ZoneIndicators): boolean {
  return isSecretCount(zone.parts.associations_impliquees.central ?? 0);
}

/** A cell of a table whose cells add up to a published total. */
export interface SecrecyCell<K> {
  readonly key: K;
  /** Distinct associations behind the cell. */
  readonly associations: number;
}

/** The masked cells of a group, and whether one masked cell could still be recovered from the total. */
export interface GroupMask<K> {
  readonly masked: ReadonlySet<K>;
  /** True when a single cell is masked and no other could be masked with it: mask the total too. */
  readonly exposed: boolean;
}

/**
 * Primary suppression (fewer than three associations), then secondary: when exactly one cell is
 * masked, the cell with the fewest associations among the others (ties: first in order) is masked
 * with it. Empty cells (no association) hold a known zero and are never chosen. When the total
 * itself is masked (`totalMasked`), one masked cell is enough, but there must be one, or the
 * total could be rebuilt from its cells.
 */
export function maskGroup<K>(cells: readonly SecrecyCell<K>[], totalMasked = false): GroupMask<K> {
  const masked = new Set(cells.filter((c) => isSecretCount(c.associations)).map((c) => c.key));
  const [next] = cells
    .filter((c) => c.associations > 0 && !masked.has(c.key))
    .sort((a, b) => a.associations - b.associations);
  if (totalMasked ? masked.size === 0 : masked.size === 1) {
    if (next) masked.add(next.key);
    else return { masked, exposed: !totalMasked };
  }
  return { masked, exposed: false };
}

/** A commune in the public view's secrecy: its intercommunalité and associations behind it. */
export interface CommuneSecrecyInput {
  readonly code: string;
  readonly epci: string;
  readonly associations: number;
}

/**
 * Communes and intercommunalités masked in the public view. The territory total is published;
 * intercommunalités add up to it, communes add up to their intercommunalité. An intercommunalité
 * whose only active commune is secret is masked itself (with secondary suppression among
 * intercommunalités), and a masked intercommunalité keeps at least one masked commune.
 */
export function publicMask(
  communes: readonly CommuneSecrecyInput[],
  epcis: readonly SecrecyCell<string>[],
): { communes: ReadonlySet<string>; epcis: ReadonlySet<string> } {
  const forced = new Set<string>();
  for (;;) {
    // A forced intercommunalité counts as secret, so that another one is masked with it.
    const epciMask = maskGroup(
      epcis.map((e) => (forced.has(e.key) ? { key: e.key, associations: 1 } : e)),
    ).masked;
    const communeMask = new Set<string>();
    let widened = false;
    for (const epci of epcis) {
      const members = communes
        .filter((c) => c.epci === epci.key)
        .map((c) => ({ key: c.code, associations: c.associations }));
      const group = maskGroup(members, epciMask.has(epci.key));
      if (group.exposed) {
        forced.add(epci.key);
        widened = true;
      }
      for (const code of group.masked) communeMask.add(code);
    }
    if (!widened) return { communes: communeMask, epcis: epciMask };
  }
}
