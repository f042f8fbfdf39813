/**
 * « Près de chez moi » on a variant of the hand-built fixture (tests/support/fixture.ts), period 2024.
 * Every association is placed on the meridian 3° E, so that its distance to a point of that meridian
 * is the arc of the latitude difference: d = 6371.0088 km × Δφ (radians), i.e. 111.19508 km a degree.
 *
 *   origin Alpha's point (3.0, 45.5)
 *     A1  45.50   0 km         (sport; website https://club-un.example/)
 *     A2  45.51   0.01° 1.11195 km (culture; offers materiel: O3)
 *     A3  45.48   0.02° 2.22390 km (sport)
 *     A9  45.53   0.03° 3.33585 km (culture, Gamma)
 *     A4  45.45   0.05° 5.55975 km (social; needs premises: O1)
 *     A11 Beta's point (3.1, 45.5): same latitude, Δλ 0.1°:
 *         d = 2R·asin(cos 45.5° · sin 0.05°) = 2 × 6371.0088 × asin(0.7009093 × 0.0008726645) = 7.79377 km
 *         (offers a vehicle: O6)
 *     A5  45.42   0.08° 8.89561 km (culture, Beta)
 *     A6  45.40   0.10° 11.1195 km: beyond the 10 km radius
 *     A10 45.60   0.10° 11.1195 km: beyond;  A12 (Gamma, sport) 45.60 too
 *     A7 dissolved and A8 dormant (last declaration 2010): not active at the end of 2024, never listed
 *   places (lieux), at their commune's point:
 *     K1  Alpha « Maison des associations »: A1 A2 A3, 3 active, 0 km;
 *     K2  Beta « Salle des fêtes »: A7 dissolved, A8 dormant: no active association, never shown;
 *     K2B Beta « Centre social »: A5 A6 A11, 3 active, 7.79377 km (Beta's point, as A11);
 *     K3  Gamma « Mairie »: A9 A10 A12, 3 active, at Gamma's point (3.0, 45.6): 11.1195 km, beyond.
 *   offers open at 2024-12-31: O1 (A4 need, premises), O3 (A2 offer, equipment), O6 (A11 offer,
 *     vehicle, from 2024-05-01); O2 expired, O4 starts in 2025, O5 ended in 2023.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { QueryRunner } from '../../src/data/query-runner.ts';
import { NEAR_LIMITS, NEAR_RADIUS_KM, runNearMe } from '../../src/indicators/explore/near-me.ts';
import { runnerWith } from '../support/engine.ts';
import { fixtureTerritory, PERIOD_2024, rna, type FixtureTables } from '../support/fixture.ts';

const K1 = '00000000000000a1';
const K2 = '00000000000000b2';
const K2B = '00000000000000b3';
const K3 = '00000000000000c3';

/** Kilometres of `degrees` of arc on a meridian (6371.0088 × π / 180 = 111.19508 km a degree). */
const arc = (degrees: number) => (6371.0088 * degrees * Math.PI) / 180;
/** A11 from Alpha's point, worked out above. */
const A11_FROM_ALPHA =
  2 * 6371.0088 * Math.asin(Math.cos((45.5 * Math.PI) / 180) * Math.sin((0.05 * Math.PI) / 180));

const LATITUDES: Readonly<Record<number, number>> = {
  1: 45.5,
  2: 45.51,
  3: 45.48,
  4: 45.45,
  5: 45.42,
  6: 45.4,
  7: 45.5,
  8: 45.5,
  9: 45.53,
  10: 45.6,
};
const SEATS: Readonly<Record<number, string>> = {
  1: K1,
  2: K1,
  3: K1,
  5: K2B,
  6: K2B,
  7: K2,
  8: K2,
  9: K3,
  10: K3,
};

function variant(extra = 0): FixtureTables {
  const base = fixtureTerritory();
  const a5 = base.associations.find((a) => a.id === rna(5));
  const a10 = base.associations.find((a) => a.id === rna(10));
  if (!a5 || !a10) throw new Error('fixture without A5, A10');
  const near = base.associations.map((a) => {
    const n = Number(a.id.slice(1));
    return {
      ...a,
      longitude: 3.0,
      latitude: LATITUDES[n] ?? 45.5,
      precision_geo: n === 1 ? ('exacte' as const) : ('commune' as const),
      siege_cle: SEATS[n] ?? null,
      site_web: n === 1 ? 'https://club-un.example/' : null,
    };
  });
  return {
    ...base,
    associations: [
      ...near,
      { ...a5, id: rna(11), nom: 'Association 11', longitude: 3.1, latitude: 45.5, siege_cle: K2B },
      { ...a10, id: rna(12), nom: 'Association 12', longitude: 3.0, latitude: 45.6, siege_cle: K3 },
      // Associations at Alpha's very point, to overflow the list.
      ...Array.from({ length: extra }, (_, k) => ({
        ...a10,
        id: rna(100 + k),
        nom: `Voisine ${k}`,
        latitude: 45.5,
        longitude: 3.0,
      })),
    ],
    offres_besoins: [
      ...base.offres_besoins,
      {
        id_annonce: 'O6',
        association_id: rna(11),
        sens: 'offre',
        type_ressource: 'vehicule',
        categorie_bien: null,
        description: 'Minibus le week-end',
        date_debut: '2024-05-01',
        date_fin: null,
        statut: 'ouverte',
      },
    ],
    lieux: [
      { cle: K1, commune_code: '00001', libelle: 'Maison des associations' },
      { cle: K2, commune_code: '00002', libelle: 'Salle des fêtes' },
      { cle: K2B, commune_code: '00002', libelle: 'Centre social' },
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

const ALPHA = { longitude: 3.0, latitude: 45.5 };

describe('runNearMe(runner, filters, point)', () => {
  it('lists active associations within 10 km of Alpha, nearest first, with their distance', async () => {
    expect(NEAR_RADIUS_KM).toBe(10);
    const { associations } = await runNearMe(runner, { period: PERIOD_2024 }, ALPHA);
    expect(associations.total).toBe(7);
    expect(associations.items.map((a) => a.id)).toEqual([1, 2, 3, 9, 4, 11, 5].map(rna));
    const expected = [0, arc(0.01), arc(0.02), arc(0.03), arc(0.05), A11_FROM_ALPHA, arc(0.08)];
    associations.items.forEach((a, i) => expect(a.distance_km).toBeCloseTo(expected[i] ?? -1, 6));
    // By hand: 1.11195, 2.22390, 3.33585, 5.55975, 7.79377, 8.89561 km.
    expect(expected.map((d) => Math.round(d * 1e5) / 1e5)).toEqual([
      0, 1.11195, 2.2239, 3.33585, 5.55975, 7.79377, 8.89561,
    ]);
  });

  it('gives each association its register facts, website and open offers and needs', async () => {
    const { associations } = await runNearMe(runner, { period: PERIOD_2024 }, ALPHA);
    const [a1, a2, , , a4, a11] = associations.items;
    expect(a1).toMatchObject({
      nom: 'Association 1',
      waldec_libelle: 'sports, activités de plein air',
      theme_libelle: 'sports, activités de plein air',
      commune_code: '00001',
      commune_nom: 'Alpha',
      precision_geo: 'exacte',
      site_web: 'https://club-un.example/',
      propose: [],
      cherche: [],
    });
    expect([a2?.propose, a2?.cherche, a2?.precision_geo, a2?.site_web]).toEqual([
      ['materiel'],
      [],
      'commune',
      null,
    ]);
    expect([a4?.propose, a4?.cherche]).toEqual([[], ['locaux']]);
    expect([a11?.commune_nom, a11?.propose]).toEqual(['Beta', ['vehicule']]);
  });

  it('orders from the person’s own position, equal distances by identifier', async () => {
    // From (3.0, 45.45), A4's point: A3 and A5 are both 0.03° away, A1 and A6 both 0.05°.
    const { associations } = await runNearMe(
      runner,
      { period: PERIOD_2024 },
      { longitude: 3.0, latitude: 45.45 },
    );
    expect(associations.items.map((a) => a.id)).toEqual([4, 3, 5, 1, 6, 2, 9, 11].map(rna));
    expect(associations.items.slice(0, 7).map((a) => Math.round(a.distance_km * 1e5) / 1e5)).toEqual(
      [0, 0.03, 0.03, 0.05, 0.05, 0.06, 0.08].map((d) => Math.round(arc(d) * 1e5) / 1e5),
    );
  });

  it('keeps to the theme filter', async () => {
    const { associations } = await runNearMe(runner, { period: PERIOD_2024, themes: ['011000'] }, ALPHA);
    // Sport: A1 (0 km), A3 (2.22 km); A6, A10 and A12 are beyond 10 km.
    expect([associations.total, associations.items.map((a) => a.id)]).toEqual([2, [rna(1), rna(3)]]);
  });

  it('lists shared places of three active associations or more within the radius', async () => {
    const { places } = await runNearMe(runner, { period: PERIOD_2024 }, ALPHA);
    expect(places.total).toBe(2);
    expect(places.items.map((p) => [p.libelle, p.commune_nom, p.associations])).toEqual([
      ['Maison des associations', 'Alpha', 3],
      ['Centre social', 'Beta', 3],
    ]);
    expect(places.items[0]?.distance_km).toBe(0);
    expect(places.items[1]?.distance_km).toBeCloseTo(A11_FROM_ALPHA, 6);
  });

  it('lists offers and needs open at the period’s end, nearest first', async () => {
    const { offers } = await runNearMe(runner, { period: PERIOD_2024 }, ALPHA);
    expect(offers.total).toBe(3);
    expect(
      offers.items.map((o) => [o.id_annonce, o.sens, o.type_ressource, o.association, o.date_debut]),
    ).toEqual([
      ['O3', 'offre', 'materiel', 'Association 2', '2024-02-01'],
      ['O1', 'besoin', 'locaux', 'Association 4', '2024-03-01'],
      ['O6', 'offre', 'vehicule', 'Association 11', '2024-05-01'],
    ]);
    expect(offers.items.map((o) => Math.round(o.distance_km * 1e5) / 1e5)).toEqual([
      1.11195, 5.55975, 7.79377,
    ]);
  });

  it('lists the nearest 30 and counts the others', async () => {
    const crowded = await runnerWith(variant(40), 'aucune');
    try {
      const { associations } = await runNearMe(crowded, { period: PERIOD_2024 }, ALPHA);
      // A1 and the 40 neighbours at 0 km, then A2, A3, A9, A4, A11, A5.
      expect(associations.total).toBe(47);
      expect(associations.items.length).toBe(NEAR_LIMITS.associations);
      expect(associations.items.slice(0, 2).map((a) => a.id)).toEqual([rna(1), rna(100)]);
      expect(associations.items.every((a) => a.distance_km === 0)).toBe(true);
    } finally {
      await crowded.close();
    }
  });
});
