/**
 * Number, date and period formats of the interface. French by default (narrow no-break spaces
 * between thousands and before %, as French typography wants); English (en-GB) when the page is
 * switched to English. Negative numbers take the true minus sign (U+2212) in both languages, and a
 * value that rounds to zero is « 0 », never « -0 ». For display only: CSV cells are written apart.
 */
import { withMinusSign } from './typography.ts';

export type Locale = 'fr-FR' | 'en-GB';

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, decimals: number): Intl.NumberFormat {
  const key = `${locale}|${decimals}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      signDisplay: 'negative',
    });
    formats.set(key, format);
  }
  return format;
}

/** « 12 345 », « 28,2 », « −3 »: a number with `decimals` digits after the decimal mark. */
export function formatNumber(value: number, decimals = 0, locale: Locale = 'fr-FR'): string {
  return withMinusSign(numberFormat(locale, decimals).format(value));
}

/** « 47 % » from a ratio in [0, 1]; « – » when the ratio is undefined. */
export function formatPercent(ratio: number | null, decimals = 0, locale: Locale = 'fr-FR'): string {
  if (ratio === null || !Number.isFinite(ratio)) return '–';
  return locale === 'fr-FR'
    ? `${formatNumber(ratio * 100, decimals, locale)}\u202f%`
    : `${formatNumber(ratio * 100, decimals, locale)}%`;
}

/** « T2 2024 » (« Q2 2024 » in English) for the quarter starting on `isoDate`. */
export function formatQuarter(isoDate: string, locale: Locale = 'fr-FR'): string {
  const month = Number(isoDate.slice(5, 7));
  return `${locale === 'fr-FR' ? 'T' : 'Q'}${Math.floor((month - 1) / 3) + 1} ${isoDate.slice(0, 4)}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date format, made once (making one costs more than formatting many dates). */
function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

/** « 1 avril 2024 ». */
export function formatDate(isoDate: string, locale: Locale = 'fr-FR'): string {
  return dateFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** « avr. 2024 » for a month `YYYY-MM` or a date. */
export function formatMonth(isoMonth: string, locale: Locale = 'fr-FR'): string {
  return dateFormat(locale, { month: 'short', year: 'numeric' }).format(
    new Date(`${isoMonth.slice(0, 7)}-01T00:00:00Z`),
  );
}

/** « janv. 2022 – déc. 2025 ». */
export function formatPeriod(start: string, end: string, locale: Locale = 'fr-FR'): string {
  return `${formatMonth(start, locale)} – ${formatMonth(end, locale)}`;
}
