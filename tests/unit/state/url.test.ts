import fc from 'fast-check';
import { atom } from 'nanostores';
import { describe, expect, it } from 'vitest';

import { RESOURCE_TYPES } from '../../../src/data/schema/index.ts';
import { QUALITY_TIERS } from '../../../src/indicators/filters.ts';
import { INDICATORS, SIDES } from '../../../src/indicators/registry.ts';
import { isRealMonth } from '../../../src/indicators/period-check.ts';
import { bindViewToUrl, periodInQuery, viewFromQuery, viewToQuery } from '../../../src/state/url.ts';
import { AUDIENCES, DEFAULT_VIEW, type ViewState } from '../../../src/state/view-state.ts';

const month = fc
  .tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
const code = fc.stringMatching(/^[0-9A-Z]{5,9}$/);
const rounded = (digits: number, min: number, max: number) =>
  fc.integer({ min: min * 10 ** digits, max: max * 10 ** digits }).map((n) => n / 10 ** digits);

/** A valid view's period: either end or both, the start not after the end. */
const period = fc
  .tuple(fc.option(month), fc.option(month))
  .map(([a, b]): [string | null, string | null] => (a !== null && b !== null && a > b ? [b, a] : [a, b]));

const view: fc.Arbitrary<ViewState> = fc
  .record({
    audience: fc.constantFrom(...AUDIENCES),
    lang: fc.constantFrom('fr' as const, 'en' as const),
    indicator: fc.constantFrom(...INDICATORS.map((i) => i.id)),
    perInhabitant: fc.boolean(),
    from: fc.constant(null),
    to: fc.constant(null),
    types: fc.uniqueArray(fc.constantFrom(...RESOURCE_TYPES)),
    families: fc.uniqueArray(fc.constantFrom('sport', 'culture', 'social')),
    epci: fc.option(code),
    funder: fc.option(
      fc.constantFrom('22000001000019', 'Département de l’Ain', '22000001000019::Fonds vie associative'),
    ),
    side: fc.constantFrom(...SIDES),
    quality: fc.constantFrom(...QUALITY_TIERS),
    selection: fc.option(
      fc.record({ kind: fc.constantFrom('commune' as const, 'association' as const), id: code }),
    ),
    compare: fc.option(code),
    display: fc.constantFrom('carte' as const, 'tableau' as const),
    camera: fc.option(fc.tuple(rounded(5, -5, 10), rounded(5, 41, 51), rounded(3, 0, 18))),
    basemap: fc.option(
      fc.constantFrom('https://tile.example.org/{z}/{x}/{y}.png', 'https://example.org/style.json?a=1&b=2'),
    ),
    embed: fc.boolean(),
  })
  .chain((v) => period.map(([from, to]) => ({ ...v, from, to })));

/** Whether a view is one the page can show: every value among those allowed. */
function expectValid(v: ViewState): void {
  expect(AUDIENCES).toContain(v.audience);
  expect(['fr', 'en']).toContain(v.lang);
  expect(typeof v.indicator).toBe('string');
  expect(typeof v.perInhabitant).toBe('boolean');
  for (const end of [v.from, v.to]) if (end !== null) expect(isRealMonth(end)).toBe(true);
  if (v.from !== null && v.to !== null) expect(v.from <= v.to).toBe(true);
  for (const type of v.types) expect(RESOURCE_TYPES).toContain(type);
  expect(new Set(v.types).size).toBe(v.types.length);
  expect(new Set(v.families).size).toBe(v.families.length);
  for (const family of v.families) expect(family).not.toBe('');
  for (const value of [v.epci, v.funder, v.compare]) expect(value === null || value.length > 0).toBe(true);
  expect(SIDES).toContain(v.side);
  expect(QUALITY_TIERS).toContain(v.quality);
  if (v.selection !== null) {
    expect(['commune', 'association']).toContain(v.selection.kind);
    expect(v.selection.id.length).toBeGreaterThan(0);
  }
  expect(['carte', 'tableau']).toContain(v.display);
  if (v.camera !== null) {
    expect(v.camera).toHaveLength(3);
    for (const n of v.camera) expect(Number.isFinite(n)).toBe(true);
  }
  expect(v.basemap === null || typeof v.basemap === 'string').toBe(true);
  expect(typeof v.embed).toBe('boolean');
}

const KEY_NAMES = [
  'vue',
  'lang',
  'indicateur',
  'par_hab',
  'du',
  'au',
  'types',
  'themes',
  'epci',
  'financeur',
  'cote',
  'qualite',
  'selection',
  'comparer',
  'affichage',
  'carte',
  'fond',
  'integre',
  'd',
];

/** Values that break parsers: dates that are none, numbers that overflow, markup, controls, separators. */
const hostileValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '2024-13-45',
    '2024-13',
    '2024-00',
    '0000-01',
    '9999-12',
    'abc',
    '',
    '1e400,1e400,1e400',
    'NaN,NaN,NaN',
    '-0,0,0',
    'commune:',
    ':',
    'association:a:b',
    ',,,',
    'locaux,locaux,fusee',
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    '%',
    '%E0%A4%A',
    '\u0000',
    '\u202e',
    '__proto__',
    'constructor',
  ),
  fc
    .tuple(fc.integer({ min: -1, max: 10000 }), fc.integer({ min: -1, max: 99 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
);

/** A query string an attacker or a broken link could write: known keys with hostile values, junk. */
const hostileQuery = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...KEY_NAMES), fc.string({ maxLength: 8 })), hostileValue), {
      maxLength: 12,
    })
    .map(
      (pairs) => `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`,
    ),
  fc
    .array(fc.tuple(fc.constantFrom(...KEY_NAMES), hostileValue), { maxLength: 12 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
);

describe('the view in the URL', () => {
  it('gives back exactly the view it was written from', () => {
    fc.assert(
      fc.property(view, (v) => {
        expect(viewFromQuery(viewToQuery(v))).toEqual(v);
      }),
    );
  });

  it('leaves the defaults out, so a plain link stays plain', () => {
    expect(viewToQuery(DEFAULT_VIEW)).toBe('');
    expect(viewToQuery({ ...DEFAULT_VIEW, indicator: 'cout-evite-net', types: ['locaux', 'materiel'] })).toBe(
      'indicateur=cout-evite-net&types=locaux%2Cmateriel',
    );
  });

  it('writes the quality filter as « qualite », absent when every exchange is kept, and reads it back', () => {
    expect(viewToQuery({ ...DEFAULT_VIEW, quality: 'declare' })).toBe('');
    expect(viewToQuery({ ...DEFAULT_VIEW, quality: 'confirme' })).toBe('qualite=confirme');
    expect(viewToQuery({ ...DEFAULT_VIEW, side: 'fournisseur', quality: 'verifie' })).toBe(
      'cote=fournisseur&qualite=verifie',
    );
    expect(viewFromQuery('?qualite=verifie')).toEqual({ ...DEFAULT_VIEW, quality: 'verifie' });
    expect(viewFromQuery('?qualite=confirme')).toEqual({ ...DEFAULT_VIEW, quality: 'confirme' });
    expect(viewFromQuery('?qualite=excellente')).toEqual(DEFAULT_VIEW);
  });

  it('opens an old link on the indicator that replaced a removed one (method v2)', () => {
    expect(viewFromQuery('?indicateur=valeur-totale').indicator).toBe('cout-evite-net');
    expect(viewFromQuery('?indicateur=valeur-par-habitant&par_hab=1')).toEqual({
      ...DEFAULT_VIEW,
      indicator: 'cout-evite-par-habitant',
      perInhabitant: true,
    });
    const written: string[] = [];
    const stop = bindViewToUrl(atom<ViewState>(DEFAULT_VIEW), '?indicateur=valeur-totale&du=2024-01', (q) =>
      written.push(q),
    );
    stop();
    expect(written).toEqual(['indicateur=cout-evite-net&du=2024-01']);
  });

  it('reads any hostile query string without throwing, as a view the page can show (property)', () => {
    fc.assert(
      fc.property(hostileQuery, (query) => {
        expectValid(viewFromQuery(query));
        expect(() => periodInQuery(query)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('writes any query string back in a canonical form that reads and writes as itself (property)', () => {
    fc.assert(
      fc.property(hostileQuery, (query) => {
        const canonical = viewToQuery(viewFromQuery(query));
        expect(viewToQuery(viewFromQuery(canonical))).toBe(canonical);
        expect(periodInQuery(canonical)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['?du=2024-13-45', { kind: 'not-a-date', key: 'du', value: '2024-13-45' }],
    ['?du=abc&au=2024-06', { kind: 'not-a-date', key: 'du', value: 'abc' }],
    ['?du=2024-01&au=2024-13', { kind: 'not-a-date', key: 'au', value: '2024-13' }],
    ['?du=2024-05&au=2024-01', { kind: 'reversed', from: '2024-05', to: '2024-01' }],
  ])('shows the default period for %s, and says why', (query, problem) => {
    expect(periodInQuery(query)).toEqual(problem);
    expect(viewFromQuery(`${query}&vue=public`)).toEqual({ ...DEFAULT_VIEW, audience: 'public' });
  });

  it('keeps a real period, and one month alone', () => {
    expect(periodInQuery('?du=2024-02&au=2024-02')).toBeNull();
    expect(viewFromQuery('?du=2024-02&au=2024-11')).toEqual({
      ...DEFAULT_VIEW,
      from: '2024-02',
      to: '2024-11',
    });
    expect(viewFromQuery('?au=2024-11')).toEqual({ ...DEFAULT_VIEW, to: '2024-11' });
    expect(periodInQuery('?du=&au=')).toBeNull();
  });

  it('falls back to the defaults on malformed values', () => {
    expect(viewFromQuery('?vue=pirate&du=2024-13&types=locaux,fusee&carte=1,2&selection=ville:1')).toEqual({
      ...DEFAULT_VIEW,
      types: ['locaux'],
    });
  });

  it('reads the URL once, writes it back in order, then writes every change', () => {
    const store = atom<ViewState>(DEFAULT_VIEW);
    const written: string[] = [];
    const stop = bindViewToUrl(store, '?indicateur=bilan-co2&vue=public&du=hier', (q) => written.push(q));
    expect(store.get()).toEqual({ ...DEFAULT_VIEW, indicator: 'bilan-co2', audience: 'public' });
    store.set({ ...store.get(), epci: '200000011' });
    stop();
    store.set(DEFAULT_VIEW);
    expect(written).toEqual([
      'vue=public&indicateur=bilan-co2',
      'vue=public&indicateur=bilan-co2&epci=200000011',
    ]);
  });
});
