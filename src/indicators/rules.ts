/**
 * Counting rules shared by every indicator, written once (see the method page):
 *
 * - An exchange belongs to a period when its days (`date_debut` to `date_fin`, one day when
 *   there is no end) overlap it; its quantities are spread evenly over its days, so a period
 *   counts the share of its days that fall inside (`periodShare`). Counts of exchanges and of
 *   beneficiaries are not spread: an exchange is counted whole in every period it overlaps.
 * - An association is active at the end of a period when it exists by then (created on or before
 *   that day), is registered as active, has not been dissolved, and made its last declaration in the ten years before the period's end
 *   (methodology §2, the rule of public RNA mapping scripts). Associations with no known
 *   declaration date are given the benefit of the doubt.
 * - Per commune, an exchange counts on the receiver's side (where the benefit lands).
 */

/** SQL: the exchange's last day (its first when it has no end, or an end before its start). */
function lastDay(alias: string): string {
  return `greatest(${alias}.date_debut, coalesce(${alias}.date_fin, ${alias}.date_debut))`;
}

/** SQL predicate: exchange `alias` overlaps the period given by parameters `$start`, `$end`. */
export function inPeriod(alias: string, start: string, end: string): string {
  return `(${alias}.date_debut <= CAST(${end} AS DATE) AND ${lastDay(alias)} >= CAST(${start} AS DATE))`;
}

/**
 * SQL: the share of exchange `alias`'s days that fall in the period (1 for a one-day exchange in
 * it): days inside ÷ days of the exchange, both ends included.
 */
export function periodShare(alias: string, start: string, end: string): string {
  return (
    `((date_diff('day', greatest(${alias}.date_debut, CAST(${start} AS DATE)), least(${lastDay(alias)}, CAST(${end} AS DATE))) + 1)` +
    ` / (date_diff('day', ${alias}.date_debut, ${lastDay(alias)}) + 1))`
  );
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
