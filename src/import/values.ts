/*
 * Reading the values of French open-data files as they are written, not as schemas wish:
 * amounts « 25 000,00 » (narrow or no-break spaces), SIRET « 224 900 019 000 15' », dates as
 * years alone or day/month/year. Each reader returns the value and, when it had to interpret,
 * what it did — the report says so.
 */

/** A value read, with a note when the text was not in the schema's form. */
export interface Read<T> {
  readonly value: T | null;
  /** Why the text could not be read (the cell is then unusable). */
  readonly error?: string;
  /** What was changed to read it (reported as a warning). */
  readonly normalised?: string;
}

const SPACES = /[\s\u00a0\u202f']/g;

/**
 * A number written the French or the English way: spaces (including no-break ones) and
 * apostrophes group thousands; with both `.` and `,`, the last one is the decimal mark; a lone
 * `,` is a decimal comma; « 1.234.567 » is read as grouped thousands.
 */
export function readNumber(text: string): Read<number> {
  const raw = text.trim().replace(/\s*(€|EUR|euros?)$/i, '');
  if (!raw) return { value: null };
  let compact = raw.replace(SPACES, '');
  const [lastDot, lastComma] = [compact.lastIndexOf('.'), compact.lastIndexOf(',')];
  if (lastDot !== -1 && lastComma !== -1) {
    const decimal = lastDot > lastComma ? '.' : ',';
    compact = compact.replace(decimal === '.' ? /,/g : /\./g, '').replace(',', '.');
  } else if (lastComma !== -1) {
    compact = compact.replace(',', '.');
  } else if (/^-?\d{1,3}(\.\d{3}){2,}$/.test(compact)) {
    compact = compact.replace(/\./g, '');
  }
  const value = Number(compact);
  if (!/^-?\d+(\.\d+)?$/.test(compact) || !Number.isFinite(value))
    return { value: null, error: `nombre illisible « ${text} »` };
  return compact === raw ? { value } : { value, normalised: `« ${text} » lu ${value}` };
}

/**
 * An amount in euros: as `readNumber`, with the currency before or after (« EUR 2 000 »,
 * « 1 500 € »), and « 1.500 » — a single dot followed by exactly three digits — read as 1,500
 * (a grouped thousand: euro amounts have two decimals), said in the note.
 */
export function readAmount(text: string): Read<number> {
  const raw = text.trim().replace(/^(€|EUR)\s*/i, '');
  if (/^-?\d{1,3}\.\d{3}$/.test(raw.replace(/\s*(€|EUR|euros?)$/i, ''))) {
    const value = Number(raw.replace(/\s*(€|EUR|euros?)$/i, '').replace('.', ''));
    return { value, normalised: `« ${text} » lu ${value} (point séparateur de milliers)` };
  }
  const read = readNumber(raw);
  return raw === text.trim() || read.error || read.normalised
    ? read
    : { ...read, normalised: `« ${text} » lu ${read.value}` };
}

/** A SIRET with its spaces, dots and stray apostrophes removed; 14 digits expected. */
export function readSiret(text: string): Read<string> {
  const raw = text.trim();
  if (!raw) return { value: null };
  if (/^\d+([.,]\d+)?E\+?\d+$/i.test(raw))
    return {
      value: null,
      error: `SIRET « ${text} » abîmé par un tableur (notation scientifique) : chiffres perdus`,
    };
  const digits = raw.replace(/[\s\u00a0\u202f'.-]/g, '');
  if (!/^\d{14}$/.test(digits)) return { value: null, error: `SIRET « ${text} » : 14 chiffres attendus` };
  return digits === raw ? { value: digits } : { value: digits, normalised: `SIRET « ${text} » lu ${digits}` };
}

function isRealDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

/**
 * A date: ISO (a time part is dropped), day/month/year, or a year alone, read as 1 January of
 * that year and reported. Empty is null.
 */
export function readDate(text: string): Read<string> {
  const raw = text.trim();
  if (!raw) return { value: null };
  let iso: string | null = null;
  let normalised: string | undefined;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+Z?)?$/.exec(raw))) iso = match[1] ?? null;
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw))) {
    iso = `${match[3]}-${match[2]?.padStart(2, '0')}-${match[1]?.padStart(2, '0')}`;
    normalised = `date « ${raw} » lue ${iso}`;
  } else if (/^\d{4}$/.test(raw)) {
    iso = `${raw}-01-01`;
    normalised = `année seule « ${raw} » : 1er janvier ${raw} retenu`;
  }
  if (!iso || !isRealDate(iso))
    return { value: null, error: `date « ${raw} » illisible (AAAA-MM-JJ attendu)` };
  if (iso !== raw && !normalised) normalised = `date « ${raw} » lue ${iso}`;
  return normalised ? { value: iso, normalised } : { value: iso };
}

/** oui/non, true/false, 1/0, o/n. */
export function readBoolean(text: string): Read<boolean> {
  const raw = text.trim().toLowerCase();
  if (!raw) return { value: null };
  if (['oui', 'true', 'vrai', '1', 'o', 'yes'].includes(raw)) return { value: true };
  if (['non', 'false', 'faux', '0', 'n', 'no'].includes(raw)) return { value: false };
  return { value: null, error: `booléen « ${text} » illisible (oui ou non attendu)` };
}
