import type { IndicatorFilters } from '../indicators/registry.ts';

/*
 * Keys of the queries that read only some of the filters: a query runs again only when a filter
 * it reads changes, so ticking a resource type never re-reads the associations on the map.
 */

/**
 * Associations active at the period's end and in scope (theme and funder filters): association
 * points, shared places, umbrella structures. The period's start matters only through the
 * funder's grants of the period.
 */
export function scopeKey(filters: IndicatorFilters | null): string {
  if (!filters) return 'null';
  const funder = filters.funder ?? null;
  return JSON.stringify({
    end: filters.period.end,
    start: funder === null ? null : filters.period.start,
    themes: filters.themes ?? [],
    funder,
  });
}

/**
 * Exchanges of the period added up without zones (quarterly series, flows between communes):
 * every filter but the side an exchange is credited to.
 */
export function exchangesKey(filters: IndicatorFilters | null): string {
  if (!filters) return 'null';
  const { side: _side, ...read } = filters;
  return JSON.stringify({ ...read, types: read.types ?? [], themes: read.themes ?? [] });
}
