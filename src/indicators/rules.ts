/**
 * Counting rules shared by every indicator, written once (see the method page):
 *
 * - An exchange belongs to a period when its first day (`date_debut`) falls in it.
 * - An association is active at the end of a period when it exists by then (created on or before
 *   that day), is registered as active, has not been dissolved, and made its last declaration in the ten years before the period's end
 *   (methodology §2, the rule of public RNA mapping scripts). Associations with no known
 *   declaration date are given the benefit of the doubt.
 * - Per commune, an exchange counts on the receiver's side (where the benefit lands).
 */

/** SQL predicate: exchange `alias` starts within the period given by parameters `$start`, `$end`. */
export function inPeriod(alias: string, start: string, end: string): string {
  return `${alias}.date_debut BETWEEN CAST(${start} AS DATE) AND CAST(${end} AS DATE)`;
}

/** SQL predicate: association `alias` is active at the date given by parameter `end`. */
export function isActiveAt(alias: string, end: string): string {
  return (
    `(${alias}.statut = 'active' AND ${alias}.date_dissolution IS NULL AND ` +
    `(${alias}.date_creation IS NULL OR ${alias}.date_creation <= CAST(${end} AS DATE)) AND ` +
    `(${alias}.date_derniere_declaration IS NULL OR ` +
    `${alias}.date_derniere_declaration > CAST(${end} AS DATE) - INTERVAL 10 YEAR))`
  );
}
