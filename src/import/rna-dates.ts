/*
 * Dates of the RNA, checked for what a register can hold: `0001-01-01` is its empty date; a
 * creation before the law of 1 July 1901 or in the future, a dissolution on an active
 * association, before its creation or in the future are errors of the file — the date is not
 * kept, and the report says which and where.
 */
import type { AssociationRow } from '../data/schema/index.ts';
import { issue, type Issue } from './report.ts';
import { readDate } from './values.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** The law of 1 July 1901 on associations: no declared association is older. */
const LAW_OF_1901 = '1901-07-01';

/** A date of the RNA, or null for `0001-01-01` (the register's empty date) and anything not a date. */
export function rnaDate(text: string): string | null {
  const match = DATE.exec(text);
  if (!match || text === '0001-01-01') return null;
  // Checked by arithmetic, not `new Date()`: two million rows carry three dates each.
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : (DAYS[month - 1] ?? 0);
  return day >= 1 && day <= days ? text : null;
}

type RnaDates = Pick<AssociationRow, 'date_creation' | 'date_derniere_declaration' | 'date_dissolution'>;

/** A date kept only when plausible; otherwise a warning says why it is dropped. */
function plausible(
  value: string | null,
  field: string,
  line: number,
  problem: (date: string) => string | null,
  warnings: Issue[],
): string | null {
  if (value === null) return null;
  const why = problem(value);
  if (!why) return value;
  warnings.push(issue(line, field, 'date-implausible', `${field} ${value} : ${why} — date non reprise`));
  return null;
}

/**
 * A date cell of the RNA: ISO as the register writes it, else as a spreadsheet re-saved it
 * (« 15/03/2010 »: read and said), else dropped and said — never silently.
 */
function readRnaDate(
  cells: Readonly<Record<string, string>>,
  field: string,
  line: number,
  warnings: Issue[],
) {
  const text = (cells[field] ?? '').trim();
  const iso = rnaDate(text);
  if (iso || text === '' || text === '0001-01-01') return iso;
  const read = readDate(text);
  if (read.value === null) {
    warnings.push(issue(line, field, 'type-error', `date « ${text.slice(0, 40)} » illisible : non reprise`));
    return null;
  }
  warnings.push(
    issue(line, field, 'value-normalised', read.normalised ?? `date « ${text} » lue ${read.value}`),
  );
  return read.value;
}

/** The association's dates, checked (see the module comment). */
export function checkRnaDates(
  cells: Readonly<Record<string, string>>,
  line: number,
  status: AssociationRow['statut'],
  today: string,
  waldecLayout: boolean,
  warnings: Issue[],
): RnaDates {
  const future = (d: string) => (d > today ? `postérieure à la date du jour (${today})` : null);
  const creation = plausible(
    readRnaDate(cells, 'date_creat', line, warnings),
    'date_creat',
    line,
    (d) => (d < LAW_OF_1901 ? 'antérieure à la loi du 1er juillet 1901' : future(d)),
    warnings,
  );
  // The older layout has no declaration date: its last known act is its publication.
  const declaration = plausible(
    readRnaDate(cells, 'date_decla', line, warnings) ??
      (waldecLayout ? null : readRnaDate(cells, 'date_publi', line, warnings)),
    waldecLayout ? 'date_decla' : 'date_publi',
    line,
    future,
    warnings,
  );
  const dissolution = plausible(
    readRnaDate(cells, 'date_disso', line, warnings),
    'date_disso',
    line,
    (d) => {
      if (status === 'active') return 'dissolution d’une association active (position A)';
      if (creation && d < creation) return `antérieure à la création (${creation})`;
      return future(d);
    },
    warnings,
  );
  return { date_creation: creation, date_derniere_declaration: declaration, date_dissolution: dissolution };
}
