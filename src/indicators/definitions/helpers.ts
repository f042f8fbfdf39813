import type { Scenario } from '../../data/method/coefficients.ts';
import type { PartId } from '../method/parts.ts';
import type { PartReader } from '../types.ts';

/** a / b × scale, or null when b is null or zero (« sans donnée », never a division by zero). */
export function ratio(a: number | null, b: number | null, scale = 1): number | null {
  if (a === null || b === null || b === 0) return null;
  return (a / b) * scale;
}

/** The other end of the range: parts that are subtracted are read in the opposite scenario. */
export function opposite(scenario: Scenario): Scenario {
  return scenario === 'bas' ? 'haut' : scenario === 'haut' ? 'bas' : 'central';
}

/** A part read as is. */
export function part(id: PartId) {
  return (p: PartReader, scenario: Scenario): number | null => p(id, scenario);
}

/** Sum of parts minus parts, each subtracted part read in the opposite scenario. */
export function net(added: readonly PartId[], subtracted: readonly PartId[]) {
  return (p: PartReader, scenario: Scenario): number | null => {
    let total = 0;
    for (const id of added) total += p(id, scenario) ?? 0;
    for (const id of subtracted) total -= p(id, opposite(scenario)) ?? 0;
    return total;
  };
}

/** French and English at once, for the many labels that read the same. */
export function both(fr: string, en: string) {
  return { fr, en };
}
