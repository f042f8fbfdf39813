import { describe, expect, it } from 'vitest';

import { exchangesKey, scopeKey } from '../../../src/hooks/query-keys.ts';
import type { IndicatorFilters } from '../../../src/indicators/registry.ts';

const base: IndicatorFilters = {
  period: { start: '2022-01-01', end: '2025-12-31' },
  types: [],
  themes: [],
  funder: null,
  side: 'beneficiaire',
  quality: 'declare',
};

describe('scopeKey(filters): associations active at the end of the period and in scope', () => {
  it('does not change with the resource types, the side, the quality or (without a funder) the start', () => {
    const key = scopeKey(base);
    expect(scopeKey({ ...base, types: ['materiel'] })).toBe(key);
    expect(scopeKey({ ...base, side: 'fournisseur' })).toBe(key);
    expect(scopeKey({ ...base, quality: 'verifie' })).toBe(key);
    expect(scopeKey({ ...base, period: { start: '2023-01-01', end: '2025-12-31' } })).toBe(key);
  });

  it('changes with the period’s end, the themes, the funder, and the start once a funder is chosen', () => {
    const key = scopeKey(base);
    expect(scopeKey({ ...base, period: { start: '2022-01-01', end: '2024-06-30' } })).not.toBe(key);
    expect(scopeKey({ ...base, themes: ['007'] })).not.toBe(key);
    const funded = { ...base, funder: '21630113500010' };
    expect(scopeKey(funded)).not.toBe(key);
    expect(scopeKey({ ...funded, period: { start: '2023-01-01', end: '2025-12-31' } })).not.toBe(
      scopeKey(funded),
    );
  });
});

describe('exchangesKey(filters): exchanges added up without zones', () => {
  it('does not change with the side an exchange is credited to', () => {
    expect(exchangesKey({ ...base, side: 'fournisseur' })).toBe(exchangesKey(base));
  });

  it('changes with every other filter', () => {
    const key = exchangesKey(base);
    for (const other of [
      { ...base, types: ['materiel' as const] },
      { ...base, themes: ['007'] },
      { ...base, funder: 'x' },
      { ...base, quality: 'confirme' as const },
      { ...base, period: { start: '2023-01-01', end: '2025-12-31' } },
    ])
      expect(exchangesKey(other)).not.toBe(key);
  });

  it('is the same for absent and empty lists', () => {
    expect(exchangesKey({ period: base.period })).toBe(
      exchangesKey({ period: base.period, types: [], themes: [] }),
    );
  });
});
