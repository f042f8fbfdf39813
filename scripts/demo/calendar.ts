/** Calendar days as integers (days since 1970-01-01, UTC), the unit the generator works in. */

const MS_PER_DAY = 86_400_000;

export function toDay(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY);
}

/** Dates already written: a few thousand distinct days make tens of millions of date fields. */
const isoDates = new Map<number, string>();

export function toIsoDate(day: number): string {
  let iso = isoDates.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoDates.set(day, iso);
  }
  return iso;
}

/** Month of a day, 0 = January. */
export function monthOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCMonth();
}

/** Fractional years between two days. */
export function yearsBetween(from: number, to: number): number {
  return (to - from) / 365.25;
}
