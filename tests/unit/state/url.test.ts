import fc from 'fast-check';
import { atom } from 'nanostores';
import { describe, expect, it } from 'vitest';

import { RESOURCE_TYPES } from '../../../src/data/schema/index.ts';
import { QUALITY_TIERS } from '../../../src/indicators/filters.ts';
import { INDICATORS, SIDES } from '../../../src/indicators/registry.ts';
import { bindViewToUrl, viewFromQuery, viewToQuery } from '../../../src/state/url.ts';
import { AUDIENCES, DEFAULT_VIEW, type ViewState } from '../../../src/state/view-state.ts';

const month = fc
  .tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
const code = fc.stringMatching(/^[0-9A-Z]{5,9}$/);
const rounded = (digits: number, min: number, max: number) =>
  fc.integer({ min: min * 10 ** digits, max: max * 10 ** digits }).map((n) => n / 10 ** digits);

const view: fc.Arbitrary<ViewState> = fc.record({
  audience: fc.constantFrom(...AUDIENCES),
  lang: fc.constantFrom('fr' as const, 'en' as const),
  indicator: fc.constantFrom(...INDICATORS.map((i) => i.id)),
  perInhabitant: fc.boolean(),
  from: fc.option(month),
  to: fc.option(month),
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
});

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
