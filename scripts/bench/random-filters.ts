/*
 * The random filters of the bench (scripts/bench/engine-run.ts): the same ones at each run, drawn
 * from a seeded generator over the dataset's resource types, theme families and months.
 */
import type { DatasetManifest } from '../../src/data/manifest.ts';
import { RESOURCE_TYPES } from '../../src/data/schema/index.ts';
import { THEME_FAMILY_LABELS, WALDEC_THEMES } from '../../src/data/waldec.ts';
import type { IndicatorFilters } from '../../src/indicators/filters.ts';

/** A small deterministic generator (mulberry32): the same filters at each run of the bench. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** WALDEC top-level codes of theme families (as the page's view-filters.ts). */
const themeCodes = (families: readonly string[]) =>
  Object.entries(WALDEC_THEMES)
    .filter(([, theme]) => families.includes(theme.family))
    .map(([code]) => code);

/** First days of the months of a period. */
function monthStarts(period: { start: string; end: string }): Date[] {
  const months: Date[] = [];
  for (
    let month = new Date(`${period.start.slice(0, 7)}-01T00:00:00Z`);
    month.toISOString().slice(0, 10) <= period.end;
    month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))
  )
    months.push(month);
  return months;
}

/**
 * Filters a person would pick: a few resource types, a theme family or two, confirmed exchanges
 * only, a three-month period, and mixes of them, so the figures spread over cheap and costly ones.
 */
export function randomFilters(manifest: DatasetManifest, count: number): IndicatorFilters[] {
  const next = random(13);
  const pick = <T>(items: readonly T[], n: number): T[] =>
    [...items].sort(() => next() - 0.5).slice(0, Math.max(1, n));
  const months = monthStarts(manifest.period);
  const families = Object.keys(THEME_FAMILY_LABELS);
  const filters: IndicatorFilters[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 5;
    const filter: { -readonly [K in keyof IndicatorFilters]: IndicatorFilters[K] } = {
      period: manifest.period,
    };
    if (kind === 0 || kind === 4) filter.types = pick(RESOURCE_TYPES, 1 + Math.floor(next() * 3));
    if (kind === 1 || kind === 4) filter.themes = themeCodes(pick(families, 1 + Math.floor(next() * 2)));
    if (kind === 2 || (kind === 4 && next() < 0.5)) filter.quality = 'confirme';
    if (kind === 3 || kind === 4) {
      const first = Math.floor(next() * Math.max(1, months.length - 3));
      // Three whole months: from the first day of one to the day before the fourth.
      const start = months[first] ?? new Date(manifest.period.start);
      const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 0));
      filter.period = { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
    }
    filters.push(filter);
  }
  return filters;
}
