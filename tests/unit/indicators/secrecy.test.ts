import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { isSecretCount, maskGroup, publicMask } from '../../../src/indicators/secrecy.ts';

const cells = (counts: Record<string, number>) =>
  Object.entries(counts).map(([key, associations]) => ({ key, associations }));

describe('statistical secrecy', () => {
  it('masks figures resting on one or two associations, not on zero or three', () => {
    expect([0, 1, 2, 3, 10].map(isSecretCount)).toEqual([false, true, true, false, false]);
  });

  it('masks a second cell when only one would be masked, the one with the fewest associations', () => {
    const group = maskGroup(cells({ a: 2, b: 9, c: 4, d: 0, e: 4 }));
    // a is secret; c and e tie on 4, c comes first; d is an empty cell (a known zero).
    expect([...group.masked].sort()).toEqual(['a', 'c']);
    expect(group.exposed).toBe(false);
  });

  it('leaves two secret cells as they are', () => {
    expect([...maskGroup(cells({ a: 2, b: 1, c: 8 })).masked].sort()).toEqual(['a', 'b']);
  });

  it('says when a single secret cell cannot be hidden among the others', () => {
    expect(maskGroup(cells({ a: 2, b: 0 }))).toEqual({ masked: new Set(['a']), exposed: true });
  });

  it('masks one cell of a masked total, so the total cannot be rebuilt', () => {
    expect([...maskGroup(cells({ a: 5, b: 3 }), true).masked]).toEqual(['b']);
  });

  it('in the public view, masks the intercommunalité of a lone secret commune, and another with it', () => {
    const mask = publicMask(
      [
        { code: 'c1', epci: 'E1', associations: 2 }, // secret, the only active commune of E1
        { code: 'c2', epci: 'E1', associations: 0 },
        { code: 'c3', epci: 'E2', associations: 7 },
        { code: 'c4', epci: 'E2', associations: 5 },
        { code: 'c5', epci: 'E3', associations: 12 },
      ],
      cells({ E1: 4, E2: 12, E3: 12 }),
    );
    // E1 would give c1 away: E1 is masked; E2 (first of the smallest) with it; c4 hides E2.
    expect([...mask.epcis].sort()).toEqual(['E1', 'E2']);
    expect([...mask.communes].sort()).toEqual(['c1', 'c4']);
  });

  it('never leaves a secret cell shown nor a lone masked cell under a shown total', () => {
    const commune = fc.record({ epci: fc.constantFrom('E1', 'E2', 'E3'), associations: fc.nat(6) });
    fc.assert(
      fc.property(fc.array(commune, { maxLength: 12 }), (list) => {
        const communes = list.map((c, i) => ({ ...c, code: `c${i}` }));
        const epcis = ['E1', 'E2', 'E3'].map((key) => ({
          key,
          associations: communes.filter((c) => c.epci === key).reduce((s, c) => s + c.associations, 0),
        }));
        const mask = publicMask(communes, epcis);
        for (const c of communes)
          if (isSecretCount(c.associations)) expect(mask.communes.has(c.code)).toBe(true);
        for (const e of epcis) {
          if (isSecretCount(e.associations)) expect(mask.epcis.has(e.key)).toBe(true);
          const masked = communes.filter((c) => c.epci === e.key && mask.communes.has(c.code));
          if (!mask.epcis.has(e.key)) expect(masked.length).not.toBe(1);
          else if (communes.some((c) => c.epci === e.key && c.associations > 0))
            expect(masked.length).toBeGreaterThan(0);
        }
        // A lone masked intercommunalité only when it is the only active one (the territory is it).
        if (mask.epcis.size === 1) expect(epcis.filter((e) => e.associations > 0)).toHaveLength(1);
      }),
    );
  });
});
