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

/** The fields of an association the activity rule reads (ISO dates, null when unknown). */
export interface ActivityFields {
  readonly statut: string;
  readonly date_creation: string | null;
  readonly date_derniere_declaration: string | null;
  readonly date_dissolution: string | null;
}

/**
 * `isActiveAt` for one row in JavaScript (the importer decides which places are named with it):
 * the same rule, on ISO dates. « Ten years before » is DuckDB's `DATE - INTERVAL 10 YEAR`: the
 * same day ten years before, 29 February becoming the 28th.
 */
export function isActiveOn(row: ActivityFields, end: string): boolean {
  if (row.statut !== 'active' || row.date_dissolution !== null) return false;
  if (row.date_creation !== null && row.date_creation > end) return false;
  const year = Number(end.slice(0, 4)) - 10;
  const monthDay = end.slice(5) === '02-29' ? '02-28' : end.slice(5);
  const tenYearsBefore = `${String(year).padStart(4, '0')}-${monthDay}`;
  return row.date_derniere_declaration === null || row.date_derniere_declaration > tenYearsBefore;
}
