import { describe, expect, it } from 'vitest';

import { buildSearchIndex, foldText } from '../../../src/dashboard/search-index.ts';
import type { SearchEntry } from '../../../src/indicators/map-layers-data.ts';

const entry = (kind: SearchEntry['kind'], id: string, nom: string, lieu: string): SearchEntry => ({
  kind,
  id,
  nom,
  lieu,
  longitude: 0,
  latitude: 0,
});

const ENTRIES = [
  entry('commune', '01001', 'Saint-Étienne-du-Bois', 'CC Bresse'),
  entry('commune', '01002', 'Écully', 'Métropole'),
  entry('commune', '01003', 'Bourg', 'CC Bresse'),
  entry('association', 'W1', 'Les Amis de l’Église', 'Bourg'),
  entry('association', 'W2', 'Club de tennis d’Écully', 'Écully'),
];

const ids = (query: string) =>
  buildSearchIndex(ENTRIES)
    .search(query)
    .map((e) => e.id);

describe('search index', () => {
  it('folds accents and case', () => {
    expect(foldText('Saint-Étienne ÉCULLY œ')).toBe('saint-etienne ecully œ');
  });

  it('finds names with or without accents, the same results either way', () => {
    expect(ids('écully')).toEqual(['01002', 'W2']);
    expect(ids('ecully')).toEqual(['01002', 'W2']);
    expect(ids('ECULLY')).toEqual(['01002', 'W2']);
    expect(ids('eglise')).toEqual(['W1']);
    expect(ids('Église')).toEqual(['W1']);
  });

  it('matches word prefixes of hyphenated names, every word of the query required', () => {
    expect(ids('etienne')).toEqual(['01001']);
    expect(ids('saint eti')).toEqual(['01001']);
    expect(ids('tennis bourg')).toEqual([]);
  });

  it('puts names that start with the query first', () => {
    // « Bourg » the commune, then the association located in Bourg.
    expect(ids('bourg')).toEqual(['01003', 'W1']);
  });

  it('returns nothing for an empty query', () => {
    expect(ids('   ')).toEqual([]);
  });
});
