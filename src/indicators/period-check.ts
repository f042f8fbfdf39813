/*
 * A period asked for — in the page's address (`du`, `au`: months) or on a command line (`--from`,
 * `--to`: days) — checked before anything is computed: a value that is no date (« 2024-13-45 »,
 * « abc »), a start after the end, or a period outside the data's is a problem the caller names,
 * instead of showing figures of an empty period (a blank page) or stopping on an engine error.
 */

/** Why a period cannot be shown. `key` is the parameter as the person wrote it (`du`, `--from`). */
export type PeriodProblem =
  | { readonly kind: 'not-a-date'; readonly key: string; readonly value: string }
  | { readonly kind: 'reversed'; readonly from: string; readonly to: string }
  | {
      readonly kind: 'outside';
      readonly key: string;
      readonly value: string;
      readonly start: string;
      readonly end: string;
    };

const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A month `YYYY-MM` of the calendar (years 1000 to 9999). */
export function isRealMonth(text: string): boolean {
  const match = MONTH.exec(text);
  if (!match) return false;
  const [year, month] = [Number(match[1]), Number(match[2])];
  return year >= 1000 && month >= 1 && month <= 12;
}

/** A day `YYYY-MM-DD` of the calendar (31 February is none). */
export function isRealDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match || !isRealMonth(text.slice(0, 7))) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The parameters' names: `du`/`au` in an address, `--from`/`--to` on a command line. */
export interface PeriodKeys {
  readonly from: string;
  readonly to: string;
}

/**
 * The first problem of a period whose ends are `from` and `to` (either may be absent), each a
 * month (`unit: 'month'`) or a day; then, when `data` is given (`data.start`, `data.end`: days
 * `YYYY-MM-DD`), whether the period shares at least a day with the data's.
 */
export function periodProblem(
  from: string | null | undefined,
  to: string | null | undefined,
  unit: 'month' | 'day',
  keys: PeriodKeys,
  data?: { readonly start: string; readonly end: string },
): PeriodProblem | null {
  const real = unit === 'month' ? isRealMonth : isRealDay;
  for (const [key, value] of [
    [keys.from, from],
    [keys.to, to],
  ] as const)
    if (value != null && !real(value)) return { kind: 'not-a-date', key, value };
  if (from != null && to != null && from > to) return { kind: 'reversed', from, to };
  if (!data) return null;
  // Outside the data: the period asked for and the data's share no day (figures of nothing).
  const length = unit === 'month' ? 7 : 10;
  const [start, end] = [data.start.slice(0, length), data.end.slice(0, length)];
  if (from != null && from > end)
    return { kind: 'outside', key: keys.from, value: from, start: data.start, end: data.end };
  if (to != null && to < start)
    return { kind: 'outside', key: keys.to, value: to, start: data.start, end: data.end };
  return null;
}

/** The problem in French, for a command line (dates as written). */
export function periodProblemFr(problem: PeriodProblem): string {
  switch (problem.kind) {
    case 'not-a-date':
      return `${problem.key} « ${problem.value} » n’est pas une date réelle (AAAA-MM-JJ attendu).`;
    case 'reversed':
      return `période inversée : le début (${problem.from}) est après la fin (${problem.to}).`;
    case 'outside':
      return `${problem.key} ${problem.value} : aucune donnée sur cette période (les données vont du ${problem.start} au ${problem.end}).`;
  }
}
