import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  normaliseSeat,
  seatKey,
  type SeatFields,
  type SeatOutcome,
} from '../../../src/import/seat-address.ts';
import { SharedSeatTally } from '../../../src/import/seat-tally.ts';

const BELFORT = { code: '90010', nom: 'Belfort' };
const GUERET = { code: '23096', nom: 'Guéret' };

/**
 * A hand-made RNA extract: 24 active associations, seats written as in the real files.
 *
 * - G1, 12 rue de la Gare, Belfort: rows 1–5 (capitals, « r. », a comma, a leading zero, the
 *   old layout's free line) → one place of 5.
 * - G2, 12 bis rue de la Gare, Belfort: rows 6–7 (« 12B »; « 12 » + index B + code R) → one
 *   place of 2, different from G1.
 * - G3, the town hall of Belfort: rows 8–11 say « Mairie », « MAIRIE DE BELFORT » (with its
 *   address 1 place d'Armes), « Place de la Mairie » with no number, « Hôtel de Ville »; row
 *   12 gives only « 1 place d'Armes », joined to it through row 9 → one place of 5.
 * - Alone: row 13 « Mairie de Bavilliers » (another commune's town hall), row 14 « 12 avenue de
 *   la Gare » (avenue, not rue), row 15 « 12 rue de la Gare » in Guéret (other commune).
 * - G4, the house of associations of Guéret: row 22 « Maison des Associations, 11 rue de
 *   Braconne », row 23 « 11 rue de Braconne » only (joined through row 22), row 24 « Cité des
 *   associations » → one place of 3.
 * - Vague, one per reason: rows 16–21.
 *
 * Keyed: 5 + 2 + 5 + 3 + 3 = 18; vague: 6; total 24.
 * Places shared by ≥ 2: G1, G2, G3, G4 = 4; associations at them: 5 + 2 + 5 + 3 = 15.
 * Places shared by ≥ 3: G1, G3, G4 = 3 (G2 has 2: no label).
 */
const FIXTURE: readonly (readonly [SeatFields, typeof BELFORT])[] = [
  [{ adrs_numvoie: '12', adrs_typevoie: 'RUE', adrs_libvoie: 'DE LA GARE', adrs_distrib: '_' }, BELFORT],
  [{ adrs_libvoie: '12 r. de la gare' }, BELFORT],
  [{ adrs_numvoie: '12,', adrs_libvoie: 'Rue de la Gare.' }, BELFORT],
  [{ adrs_numvoie: '012', adrs_typevoie: 'RUE', adrs_libvoie: 'de la  Gâre' }, BELFORT],
  [{ adr2: '12, RUE DE LA GARE', libcom: 'BELFORT' }, BELFORT],
  [{ adrs_numvoie: '12B', adrs_typevoie: 'RUE', adrs_libvoie: 'de la Gare' }, BELFORT],
  [{ adrs_numvoie: '12', adrs_repetition: 'B', adrs_typevoie: 'R', adrs_libvoie: 'Gare' }, BELFORT],
  [{ adrs_complement: 'Mairie', adrs_distrib: '_' }, BELFORT],
  [
    { adrs_complement: 'MAIRIE DE BELFORT', adrs_numvoie: '1', adrs_typevoie: 'PL', adrs_libvoie: "d'Armes" },
    BELFORT,
  ],
  [{ adrs_typevoie: 'PL', adrs_libvoie: 'de la Mairie' }, BELFORT],
  [{ adrs_libvoie: 'Hôtel de Ville' }, BELFORT],
  [{ adrs_numvoie: '1', adrs_typevoie: 'PL', adrs_libvoie: "d'Armes" }, BELFORT],
  [{ adrs_complement: 'Mairie de Bavilliers' }, BELFORT],
  [{ adrs_numvoie: '12', adrs_typevoie: 'AV', adrs_libvoie: 'de la Gare' }, BELFORT],
  [{ adrs_numvoie: '12', adrs_typevoie: 'RUE', adrs_libvoie: 'de la Gare' }, GUERET],
  [{ adrs_libvoie: 'Belfort' }, BELFORT],
  [{ adrs_typevoie: 'LD', adrs_libvoie: 'Les Salles' }, GUERET],
  [{ adrs_distrib: 'BP 60539_' }, BELFORT],
  [{ adrs_libvoie: '_', adrs_distrib: '_' }, BELFORT],
  [{ adrs_typevoie: 'RUE', adrs_libvoie: 'du Stade' }, BELFORT],
  [{ adrs_distrib: '_' }, GUERET],
  [
    {
      adrs_complement: 'Maison des Associations',
      adrs_numvoie: '11',
      adrs_typevoie: 'RUE',
      adrs_libvoie: 'de Braconne',
    },
    GUERET,
  ],
  [{ adrs_numvoie: '11', adrs_typevoie: 'RUE', adrs_libvoie: 'de Braconne' }, GUERET],
  [{ adrs_complement: 'Cité des associations' }, GUERET],
];

const outcomes = FIXTURE.map(([fields, commune]) => [commune.code, normaliseSeat(fields, commune)] as const);
const keyOf = (row: number) => {
  const outcome = outcomes[row - 1]?.[1];
  return outcome?.ok ? seatKey(outcome.normalised) : null;
};
const tallyOf = (rows: readonly (readonly [string, SeatOutcome])[]) => {
  const tally = new SharedSeatTally();
  for (const [code, outcome] of rows) tally.add(code, outcome);
  return tally;
};

describe('the hand-made RNA extract', () => {
  it('gives equal keys to the same place written differently, different keys to different places', () => {
    const g1 = [1, 2, 3, 4, 5].map(keyOf);
    const g2 = [6, 7].map(keyOf);
    const g3 = [8, 9, 10, 11].map(keyOf);
    const g4 = [22, 24].map(keyOf);
    expect([g1, g2, g3, g4].map((group) => new Set(group).size)).toEqual([1, 1, 1, 1]);
    const distinct = [g1[0], g2[0], g3[0], keyOf(12), keyOf(13), keyOf(14), keyOf(15), g4[0], keyOf(23)];
    expect(new Set(distinct).size).toBe(distinct.length);
    expect([16, 17, 18, 19, 20, 21].map(keyOf)).toEqual(Array(6).fill(null));
  });

  it('counts 4 shared places, 15 associations at them, 3 places of 3 or more, and each vague reason once', () => {
    expect(tallyOf(outcomes).summary()).toEqual({
      associations: 24,
      keyed: 18,
      vague: {
        'no-street': 1,
        placeholder: 1,
        'postal-box': 1,
        'commune-name': 1,
        'lieu-dit': 1,
        'no-number': 1,
      },
      sharedPlaces: 4,
      associationsAtSharedPlaces: 15,
      placesFromLabel: 3,
    });
  });

  it('labels only the places of 3 or more, a venue’s name before its address', () => {
    const places = tallyOf(outcomes).places();
    const g3 = [keyOf(8), keyOf(12)].map(String).sort();
    const g4 = [keyOf(22), keyOf(23)].map(String).sort();
    expect(
      places.map(({ commune_code, label, count, keys }) => ({ commune_code, label, count, keys })),
    ).toEqual([
      // Counts 5, 5 in Belfort: by key; then 3 in Guéret; then 2.
      ...[
        { commune_code: '90010', label: '12 rue de la Gare', count: 5, keys: [String(keyOf(1))] },
        { commune_code: '90010', label: 'Mairie', count: 5, keys: g3 },
      ].sort((a, b) => String(a.keys[0]).localeCompare(String(b.keys[0]))),
      { commune_code: '23096', label: 'Maison des associations', count: 3, keys: g4 },
      { commune_code: '90010', label: null, count: 2, keys: [String(keyOf(6))] },
    ]);
    expect(places.every((p) => p.key === p.keys[0])).toBe(true);
  });

  it('finds the same places and counts whatever the order of the rows', () => {
    const expected = tallyOf(outcomes)
      .places()
      .map(({ keys, count }) => ({ keys, count }));
    fc.assert(
      fc.property(fc.shuffledSubarray([...outcomes], { minLength: outcomes.length }), (shuffled) => {
        const places = tallyOf(shuffled)
          .places()
          .map(({ keys, count }) => ({ keys, count }));
        expect(places).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });
});

describe('SharedSeatTally', () => {
  const seat = (normalised: string, label = 'Lieu'): SeatOutcome => ({
    ok: true,
    kind: 'address',
    normalised,
    label,
    aliases: [],
  });

  it('never gives the label of a place shared by fewer associations than labelFrom', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 }), (picks) => {
        const tally = new SharedSeatTally();
        const counts = new Map<number, number>();
        for (const pick of picks) {
          tally.add('90010', seat(`90010|adresse|${pick}|rue|x`, `${pick} rue X`));
          counts.set(pick, (counts.get(pick) ?? 0) + 1);
        }
        const shared = [...counts.values()].filter((n) => n >= 2);
        const summary = tally.summary();
        expect([summary.associations, summary.sharedPlaces, summary.associationsAtSharedPlaces]).toEqual([
          picks.length,
          shared.length,
          shared.reduce((a, b) => a + b, 0),
        ]);
        for (const place of tally.places()) expect(place.label === null).toBe(place.count < 3);
      }),
    );
  });

  it('refuses a bad commune code or threshold with a message saying what is expected', () => {
    expect(() => new SharedSeatTally().add('9001', seat('x'))).toThrow(
      'commune code « 9001 »: five characters (digits, 2A, 2B) expected',
    );
    expect(() => new SharedSeatTally({ labelFrom: 1 })).toThrow(
      'labelFrom 1: an integer of 2 or more expected',
    );
    expect(() => new SharedSeatTally().add('2A004', seat('2A004|lieu|mairie|'))).not.toThrow();
  });

  it('salts the keys when asked, so they cannot be found by hashing addresses', () => {
    const plain = new SharedSeatTally();
    const salted = new SharedSeatTally({ salt: 'secret' });
    for (const tally of [plain, salted])
      for (let i = 0; i < 2; i++) tally.add('90010', seat('90010|lieu|mairie|'));
    expect([plain.places()[0]?.key, salted.places()[0]?.key]).toEqual([
      seatKey('90010|lieu|mairie|'),
      seatKey('90010|lieu|mairie|', 'secret'),
    ]);
  });
});
