/**
 * Shared places and umbrella structures as the map and the portrait draw them, on a variant of
 * the hand-built fixture (tests/support/fixture.ts). Themes: sport 011000, culture 006000, social
 * 019000, environment 024000. Period 2024 unless said.
 *
 *   Seats (the `lieux` table lists k1, k2, k3: each had three or more associations when built)
 *     k1 Alpha « Maison des associations »: A1 sport, A2 culture, A3 sport, A4 social — 4 active
 *     k2 Beta « 12 rue de la Gare »: A5 culture, A6 sport active; A7 dissolved in 2023, A8 dormant
 *        (last declaration 2010-01-01, more than ten years before 2024-12-31) — 2 active only
 *     k3 Gamma « Mairie »: A9 culture, A10 sport, A11 culture (new, active) — 3 active
 *     A12 (Gamma, sport) at k9, a seat not in `lieux`: never a place.
 *   Umbrella structures
 *     A3 « Maison des associations d’Alpha » (name), A6 federation, A7 union but dissolved,
 *     A9 union, A10 « Office municipal des sports de Gamma » (name),
 *     A4 « Union sportive d’Alpha »: a club (groupement simple), not an umbrella structure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { QueryRunner } from '../../src/data/query-runner.ts';
import {
  PLACE_MIN_ASSOCIATIONS,
  runHubs,
  runSeatDataKnown,
  runSharedPlaces,
} from '../../src/indicators/explore/shared-places.ts';
import { runnerWith } from '../support/engine.ts';
import { fixtureTerritory, PERIOD_2024, rna, type FixtureTables } from '../support/fixture.ts';

const K1 = '00000000000000a1';
const K2 = '00000000000000b2';
const K3 = '00000000000000c3';
const K9 = '00000000000000f9';

function variant(): FixtureTables {
  const base = fixtureTerritory();
  const changes: Readonly<Record<number, Partial<(typeof base.associations)[number]>>> = {
    1: { siege_cle: K1 },
    2: { siege_cle: K1 },
    3: { nom: 'Maison des associations d’Alpha', siege_cle: K1 },
    4: { nom: 'Union sportive d’Alpha', siege_cle: K1 },
    5: { siege_cle: K2 },
    6: { groupement: 'federation', siege_cle: K2 },
    7: { groupement: 'union', siege_cle: K2 },
    8: { siege_cle: K2 },
    9: { groupement: 'union', siege_cle: K3 },
    10: { nom: 'Office municipal des sports de Gamma', siege_cle: K3 },
  };
  const a9 = base.associations.find((a) => a.id === rna(9));
  const a10 = base.associations.find((a) => a.id === rna(10));
  if (!a9 || !a10) throw new Error('fixture without A9, A10');
  return {
    ...base,
    associations: [
      ...base.associations.map((a) => ({ ...a, ...changes[Number(a.id.slice(1))] })),
      { ...a9, id: rna(11), nom: 'Association 11', groupement: 'simple', siege_cle: K3 },
      { ...a10, id: rna(12), nom: 'Association 12', siege_cle: K9 },
    ],
    lieux: [
      { cle: K1, commune_code: '00001', libelle: 'Maison des associations' },
      { cle: K2, commune_code: '00002', libelle: '12 rue de la Gare' },
      { cle: K3, commune_code: '00003', libelle: 'Mairie' },
    ],
  };
}

let runner: QueryRunner;
beforeAll(async () => {
  runner = await runnerWith(variant(), 'aucune');
});
afterAll(async () => {
  await runner.close();
});

describe('runSharedPlaces(runner, filters)', () => {
  it('lists places of three or more active associations, with their themes, at the commune’s point', async () => {
    expect(PLACE_MIN_ASSOCIATIONS).toBe(3);
    expect(await runSharedPlaces(runner, { period: PERIOD_2024 })).toEqual([
      {
        cle: K1,
        commune_code: '00001',
        libelle: 'Maison des associations',
        associations: 4, // A1, A2, A3, A4
        themes: [
          { theme_code: '011000', associations: 2 }, // A1, A3
          { theme_code: '006000', associations: 1 }, // A2
          { theme_code: '019000', associations: 1 }, // A4
        ],
        longitude: 3.0,
        latitude: 45.5,
      },
      // k2 (Beta) has 2 active associations in 2024: counted by the indicators, never shown.
      {
        cle: K3,
        commune_code: '00003',
        libelle: 'Mairie',
        associations: 3, // A9, A10, A11
        themes: [
          { theme_code: '006000', associations: 2 }, // A9, A11
          { theme_code: '011000', associations: 1 }, // A10
        ],
        longitude: 3.0,
        latitude: 45.6,
      },
    ]);
  });

  it('counts the associations active at the end of the period: in 2015, A8 still makes k2 a place', async () => {
    // A8's last declaration (2010-01-01) is within ten years of 2015-12-31; A7 stays dissolved.
    const places = await runSharedPlaces(runner, { period: { start: '2015-01-01', end: '2015-12-31' } });
    expect(places.map((p) => [p.cle, p.associations])).toEqual([
      [K1, 4],
      [K2, 3], // A5, A6, A8
      [K3, 3],
    ]);
  });

  it('follows the theme filter: culture and sport leave k1 with 3 and k3 with 3', async () => {
    const places = await runSharedPlaces(runner, { period: PERIOD_2024, themes: ['006000', '011000'] });
    expect(places.map((p) => [p.cle, p.associations, p.themes.length])).toEqual([
      [K1, 3, 2], // A1, A2, A3 (A4 social left out)
      [K3, 3, 2],
    ]);
    // Sport alone: k1 has 2 (A1, A3) and k3 1 — no place is left to show.
    expect(await runSharedPlaces(runner, { period: PERIOD_2024, themes: ['011000'] })).toEqual([]);
  });
});

describe('runHubs(runner, filters)', () => {
  it('lists active unions, federations and structures recognised by name, by commune', async () => {
    expect(
      (await runHubs(runner, { period: PERIOD_2024 })).map(({ id, nom, commune_code, kind }) => [
        id,
        nom,
        commune_code,
        kind,
      ]),
    ).toEqual([
      [rna(3), 'Maison des associations d’Alpha', '00001', 'nom'],
      [rna(6), 'Association 6', '00002', 'federation'],
      // A7, a union, is dissolved; A4 « Union sportive » is a club.
      [rna(9), 'Association 9', '00003', 'union'],
      [rna(10), 'Office municipal des sports de Gamma', '00003', 'nom'],
    ]);
  });

  it('follows the theme filter', async () => {
    const hubs = await runHubs(runner, { period: PERIOD_2024, themes: ['006000'] });
    expect(hubs.map((h) => h.id)).toEqual([rna(9)]); // A9 culture; A3, A10 sport, A6 sport
  });
});

describe('runSeatDataKnown(runner)', () => {
  it('is true when one association has a seat key, false when none has', async () => {
    expect(await runSeatDataKnown(runner)).toBe(true);
    const bare = await runnerWith(fixtureTerritory(), 'aucune');
    try {
      expect(await runSeatDataKnown(bare)).toBe(false);
      expect(await runSharedPlaces(bare, { period: PERIOD_2024 })).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});
