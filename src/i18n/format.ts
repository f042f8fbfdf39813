/** French formatting of figures, dates and periods (non-breaking spaces as French typography wants). */

const integerFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const formats = new Map<number, Intl.NumberFormat>();

/** « 12 345 », « 28,2 »: a number with `decimals` digits after the comma. */
export function formatNumber(value: number, decimals = 0): string {
  if (decimals === 0) return integerFormat.format(value);
  let format = formats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('fr-FR', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formats.set(decimals, format);
  }
  return format.format(value);
}

/** « 47 % » from a ratio in [0, 1]; « – » when the ratio is undefined. */
export function formatPercent(ratio: number | null, decimals = 0): string {
  if (ratio === null || !Number.isFinite(ratio)) return '–';
  return `${formatNumber(ratio * 100, decimals)}\u202f%`;
}

/** « T2 2024 » for the quarter starting on `isoDate`. */
export function formatQuarter(isoDate: string): string {
  const month = Number(isoDate.slice(5, 7));
  return `T${Math.floor((month - 1) / 3) + 1} ${isoDate.slice(0, 4)}`;
}

const dayFormat = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** « 1 avril 2024 ». */
export function formatDate(isoDate: string): string {
  return dayFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

/** « janv. 2022 – déc. 2025 ». */
export function formatPeriod(start: string, end: string): string {
  return `${monthFormat.format(new Date(`${start}T00:00:00Z`))} – ${monthFormat.format(new Date(`${end}T00:00:00Z`))}`;
}
