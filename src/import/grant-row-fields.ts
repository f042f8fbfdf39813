/*
 * The fields of one grants row read into values, each with its warnings: letters spilled over
 * from the column before put back, the date (the convention's, the decision's or payment's, or
 * the year alone), and the fields every grant of the row shares (funder, decision, payment
 * terms, the beneficiary's share of the amount). Also what the whole file tells every row.
 */
import { isValidSiret } from '../data/siret.ts';
import type { AssociationLookup } from './association-index.ts';
import type { Cog } from './cog.ts';
import { type AMOUNT_KINDS } from './grant-fields.ts';
import { readNature, spilledLetters } from './grant-values.ts';
import { issue, type Issue } from './report.ts';
import { readBoolean, readDate, readNumber, readSiret, type Read } from './values.ts';

/** What the whole file tells every row. */
export interface GrantFileContext {
  readonly index: AssociationLookup;
  readonly cog: Cog;
  readonly today: string;
  readonly idPrefix: string;
  /** The year of a title row (« Année : 2017 »), for rows without date or year. */
  readonly titleYear: string | null;
  /** Amount columns present in the file. */
  readonly amounts: readonly (typeof AMOUNT_KINDS)[number][];
  /** The column before each field, for letters spilled over from it. */
  readonly before: Readonly<Record<string, string | undefined>>;
}

export const text = (value: string | undefined) => (value ?? '').replace(/\s+/g, ' ').trim() || null;
/** Grants older than this or more than a year ahead are typing errors (SCDL data start in 2017). */
const OLDEST = '1980-01-01';

function optional<T>(field: string, read: Read<T>, line: number, warnings: Issue[]): T | null {
  if (read.error) {
    warnings.push(issue(line, field, 'type-error', `${read.error} : valeur non reprise`));
    return null;
  }
  if (read.normalised) warnings.push(issue(line, field, 'value-normalised', read.normalised));
  return read.value;
}

/** Letters spilled into a numeric cell go back to the end of the column before. */
export function unspill(
  cells: Record<string, string>,
  field: string,
  line: number,
  ctx: GrantFileContext,
  warnings: Issue[],
) {
  const spilled = spilledLetters(cells[field] ?? '');
  const before = ctx.before[field];
  if (!spilled || !before || readNumber(spilled.rest).value === null) return;
  cells[field] = spilled.rest;
  cells[before] = `${cells[before] ?? ''}${spilled.letters}`;
  warnings.push(
    issue(
      line,
      field,
      'row-repaired',
      `débordement d’une colonne de largeur fixe : « ${spilled.letters} » rendu à la fin de « ${before} » (${cells[before]})`,
    ),
  );
}

/** The first ISO date in a text (« 2016-12-08⏎2017-06-19 », « 2018-01-24 (1er acompte) », « NC/2019-06-30 »). */
function firstDate(text: string): string | null {
  const found = /\b(\d{4}-\d{2}-\d{2})\b/.exec(text)?.[1];
  return found ? (readDate(found).value ?? null) : null;
}

export function dateOf(
  cells: Record<string, string>,
  line: number,
  ctx: GrantFileContext,
  warnings: Issue[],
) {
  const future = `${Number(ctx.today.slice(0, 4)) + 1}${ctx.today.slice(4)}`;
  const plausible = (date: string | null, field: string) => {
    if (date && (date < OLDEST || date > future)) {
      warnings.push(
        issue(
          line,
          field,
          'date-implausible',
          `date ${date} invraisemblable (avant ${OLDEST} ou plus d’un an après aujourd’hui) : non reprise`,
        ),
      );
      return null;
    }
    return date;
  };
  const date = plausible(
    optional('dateConvention', readDate(cells['dateConvention'] ?? ''), line, warnings),
    'dateConvention',
  );
  if (date) return date;
  // Publishers without a convention date often give the decision's or the payment's date.
  for (const field of ['referenceDecision', 'datesPeriodeVersement'] as const) {
    const fallback = plausible(firstDate(cells[field] ?? ''), field);
    if (fallback) {
      warnings.push(
        issue(
          line,
          'dateConvention',
          'value-normalised',
          `date de convention absente : ${fallback}, date lue dans « ${field} », retenue`,
        ),
      );
      return fallback;
    }
  }
  const year = (cells['annee'] ?? '').trim() || ctx.titleYear;
  if (year && /^(19|20)\d\d$/.test(year) && `${year}-01-01` >= OLDEST && `${year}-01-01` <= future) {
    warnings.push(
      issue(
        line,
        cells['annee'] ? 'annee' : null,
        'value-normalised',
        `année seule « ${year} »${cells['annee'] ? '' : ' (titre du fichier)'} : 1er janvier ${year} retenu`,
      ),
    );
    return `${year}-01-01`;
  }
  return null;
}

/** The fields every grant of a row shares (funder, decision, payment terms). */
export function common(cells: Record<string, string>, line: number, warnings: Issue[]) {
  const funderId = optional('idAttribuant', readSiret(cells['idAttribuant'] ?? ''), line, warnings);
  if (funderId && !isValidSiret(funderId))
    warnings.push(
      issue(
        line,
        'idAttribuant',
        'siret',
        `SIRET de l’attribuant ${funderId} invalide (clé de contrôle) : non repris`,
      ),
    );
  const period = text(cells['datesPeriodeVersement']);
  const normalisedPeriod = period?.replace(/^(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})$/, '$1/$2') ?? null;
  if (period && normalisedPeriod !== period)
    warnings.push(
      issue(
        line,
        'datesPeriodeVersement',
        'value-normalised',
        `période « ${period} » lue « ${normalisedPeriod} »`,
      ),
    );
  return {
    nomAttribuant: text(cells['nomAttribuant']),
    idAttribuant: funderId && isValidSiret(funderId) ? funderId : null,
    referenceDecision: text(cells['referenceDecision']),
    objet: text(cells['objet']),
    nature: optional('nature', readNature(cells['nature'] ?? ''), line, warnings),
    conditionsVersement: text(cells['conditionsVersement']),
    datesPeriodeVersement: normalisedPeriod,
    idRAE: text(cells['idRAE']),
    notificationUE: optional('notificationUE', readBoolean(cells['notificationUE'] ?? ''), line, warnings),
    pourcentageSubvention: share(cells, line, warnings),
    dispositifAide: text(cells['dispositifAide']),
  };
}

/** The beneficiary's share of the amount: 1 when absent, 97.38 read as a percentage. */
function share(cells: Record<string, string>, line: number, warnings: Issue[]): number {
  const raw = (cells['pourcentageSubvention'] ?? '').replace('%', '');
  const value = optional('pourcentageSubvention', readNumber(raw), line, warnings);
  if (value === null) return 1;
  if (value > 1 && value <= 100) {
    warnings.push(
      issue(line, 'pourcentageSubvention', 'value-normalised', `pourcentage ${value} lu ${value / 100}`),
    );
    return value / 100;
  }
  if (value <= 0 || value > 1) {
    warnings.push(
      issue(
        line,
        'pourcentageSubvention',
        'value-implausible',
        `pourcentage ${value} hors de 0,01 à 1 : 1 retenu (la totalité du montant)`,
      ),
    );
    return 1;
  }
  return value;
}
