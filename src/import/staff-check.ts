/*
 * A staff loan may give its amount twice: `quantite` in FTE-months (`unite` = etp_mois), and
 * `etp_partages` over the exchange's dates (FTE × months). When both are there and tell different
 * stories, the row is kept — the method takes `quantite` (src/indicators/method: FTE-months when
 * the unit says so, else shared FTE × months) — and the import report says so, for a person to check.
 */
import { issue, type Issue } from './report.ts';

/** Average days in a month (365.25 ÷ 12), as in the method's SQL. */
export const DAYS_PER_MONTH = 30.4375;

/** Two amounts further apart than this share of the larger one contradict each other. */
export const STAFF_TOLERANCE = 0.1;

/** Days from `from` to `to`, both counted (`YYYY-MM-DD`), or null when a date is missing or reversed. */
function daysCounted(from: unknown, to: unknown): number | null {
  if (typeof from !== 'string' || typeof to !== 'string') return null;
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  return Number.isFinite(days) && days >= 1 ? Math.round(days) : null;
}

/** « 6,01 », « 0,0263 »: two decimals, or three significant digits below 1 (so that two values told apart show apart). */
const decimal = (value: number) =>
  value.toLocaleString(
    'fr-FR',
    Math.abs(value) >= 1 ? { maximumFractionDigits: 2 } : { maximumSignificantDigits: 3 },
  );

/**
 * The warning for a `personnel` exchange whose FTE-months (`quantite`, unit etp_mois) and shared
 * FTE × months between `date_debut` and `date_fin` (days + 1 ÷ 30.4375) differ by more than 10 %
 * of the larger; null when they agree or one of them is not given.
 */
export function staffContradiction(row: Readonly<Record<string, unknown>>, line: number): Issue | null {
  if (row['type_ressource'] !== 'personnel' || row['unite'] !== 'etp_mois') return null;
  const declared = row['quantite'];
  const shared = row['etp_partages'];
  const days = daysCounted(row['date_debut'], row['date_fin']);
  if (typeof declared !== 'number' || typeof shared !== 'number' || days === null) return null;
  const months = days / DAYS_PER_MONTH;
  const fromShared = shared * months;
  const larger = Math.max(declared, fromShared);
  if (Math.abs(declared - fromShared) <= STAFF_TOLERANCE * larger) return null;
  const id = typeof row['id_echange'] === 'string' ? row['id_echange'] : '?';
  return issue(
    line,
    'etp_partages',
    'staff-mismatch',
    `échange ${id} : quantite = ${decimal(declared)} ETP-mois mais etp_partages × durée = ${decimal(shared)} × ${decimal(months)} mois (${String(row['date_debut'])} – ${String(row['date_fin'])}) = ${decimal(fromShared)} ETP-mois, écart de plus de 10 % — la méthode retient quantite (${decimal(declared)} ETP-mois) ; gardé, à vérifier`,
  );
}
