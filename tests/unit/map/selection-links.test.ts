import { describe, expect, it } from 'vitest';

import { LINK_WIDTH, toSelectionLinks } from '../../../src/map/flows.ts';
import type { AssociationLink } from '../../../src/indicators/explore/links.ts';

const link = (
  a: string,
  b: string,
  communeA: string,
  communeB: string,
  echanges: number,
  consentement = true,
): AssociationLink => ({
  a,
  b,
  echanges,
  consentement,
  lon_a: Number(a.slice(1)),
  lat_a: 45,
  lon_b: Number(b.slice(1)),
  lat_b: 46,
  commune_a: communeA,
  commune_b: communeB,
});

const communes = [
  { code_insee: 'C1', longitude: 1, latitude: 1 },
  { code_insee: 'C2', longitude: 2, latitude: 2 },
  { code_insee: 'C3', longitude: 3, latitude: 3 },
  { code_insee: 'C4', longitude: 4, latitude: 4 },
];

// Associations of C1: W1, W2. Partners: W3 (C2), W4 (C3), W5 (C4).
const links = [
  link('W1', 'W2', 'C1', 'C1', 5), // inside C1
  link('W1', 'W3', 'C1', 'C2', 4),
  link('W2', 'W3', 'C1', 'C2', 5), // C2 totals 9
  link('W1', 'W4', 'C1', 'C3', 1),
  link('W5', 'W2', 'C4', 'C1', 2, false),
];

describe('toSelectionLinks — never a hairball', () => {
  it('for a commune: one line per partner commune, exchanges summed, strongest first', () => {
    const result = toSelectionLinks(links, { kind: 'commune', id: 'C1' }, communes);
    expect(result.by).toBe('commune');
    expect(result.internal).toBe(5);
    expect(
      result.features.features.map((f) => [f.properties?.['partenaire'], f.properties?.['echanges']]),
    ).toEqual([
      ['C2', 9],
      ['C4', 2],
      ['C3', 1],
    ]);
    expect(result.features.features[0]?.geometry.coordinates).toEqual([
      [1, 1],
      [2, 2],
    ]);
    // Widths ∝ √exchanges: 9 is the widest, 1 a third of the way (√(1/9)).
    expect(result.features.features[0]?.properties?.['largeur']).toBe(LINK_WIDTH.max);
    expect(result.features.features[2]?.properties?.['largeur']).toBeCloseTo(
      LINK_WIDTH.min + (LINK_WIDTH.max - LINK_WIDTH.min) / 3,
      10,
    );
  });

  it('draws the `limit` strongest partners and counts the others', () => {
    const result = toSelectionLinks(links, { kind: 'commune', id: 'C1' }, communes, () => true, 2);
    expect(result.shown).toBe(2);
    expect(result.others).toBe(1);
  });

  it('keeps only what may be shown (the public view: both associations agreed)', () => {
    const result = toSelectionLinks(links, { kind: 'commune', id: 'C1' }, communes, (l) => l.consentement);
    expect(result.features.features.map((f) => f.properties?.['partenaire'])).toEqual(['C2', 'C3']);
  });

  it('for an association: one line per partner association, from the association', () => {
    const result = toSelectionLinks(links, { kind: 'association', id: 'W2' }, communes);
    expect(result.by).toBe('association');
    expect(
      result.features.features.map((f) => [f.properties?.['partenaire'], f.geometry.coordinates[0]]),
    ).toEqual([
      ['W1', [2, 46]],
      ['W3', [2, 45]],
      ['W5', [2, 46]],
    ]);
  });
});
