import { describe, expect, it } from 'vitest';

import { buildSearchIndex, foldText } from '../../../src/dashboard/search-index.ts';

describe('search over names holding invisible characters', () => {
  it('finds a name glued to a right-to-left override or a zero-width space by its letters', () => {
    expect(foldText('\u202eÉvil\u200b')).toBe('evil');
    const index = buildSearchIndex([
      { kind: 'association', id: 'W1', nom: '\u202eevil', lieu: 'Alpha', longitude: 3, latitude: 45 },
      {
        kind: 'association',
        id: 'W2',
        nom: '<script>alert(1)</script>',
        lieu: 'Alpha',
        longitude: 3,
        latitude: 45,
      },
    ]);
    expect(index.search('evil').map((e) => e.id)).toEqual(['W1']);
    expect(index.search('<script>').map((e) => e.id)).toEqual(['W2']);
  });
});
