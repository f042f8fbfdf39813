import type { DatasetManifest } from '../data/manifest.ts';
import { WALDEC_THEMES } from '../data/waldec.ts';
import type { IndicatorFilters } from '../indicators/registry.ts';
import type { ViewState } from '../state/view-state.ts';

/** Months of a period, `YYYY-MM`, first to last. */
export function monthsOf(period: { start: string; end: string }): string[] {
  const months: string[] = [];
  let [year, month] = period.start.slice(0, 7).split('-').map(Number) as [number, number];
  const last = period.end.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    months.push(current);
    if (current >= last) return months;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
}

/** Last day of a month `YYYY-MM`. */
export function monthEnd(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

/** WALDEC top-level codes of the chosen display families. */
export function themeCodes(families: readonly string[]): string[] {
  return Object.entries(WALDEC_THEMES)
    .filter(([, theme]) => families.includes(theme.family))
    .map(([code]) => code);
}

/** The filters of the indicator queries that a view asks for. */
export function filtersFromView(view: ViewState, manifest: DatasetManifest): IndicatorFilters {
  return {
    period: {
      start: view.from ? `${view.from}-01` : manifest.period.start,
      end: view.to ? monthEnd(view.to) : manifest.period.end,
    },
    types: view.types,
    themes: themeCodes(view.families),
    funder: view.funder,
    side: view.side,
    quality: view.quality,
  };
}
