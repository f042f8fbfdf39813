/**
 * The sensitivity of a zone's figures (src/indicators/method/sensitivity.ts) on a tiny territory
 * built here, worked out by hand: one coefficient at a time at each bound (the tornado), each
 * exchange's share of a figure, and the flag of a figure that one exchange drives (> 85 %).
 *
 *   communes   00001 Alpha (A1, A2)   00002 Beta (A3, A4)   00003 Gamma (A5, A6)
 *   exchanges, all verified, in 2024, one day each (share of the period 1), credited to the receiver:
 *     X1  A1 → A2  skills, 3 volunteer hours, 10 km round trip by car
 *     X2  A2 → A1  2 tools lent for 24 h, « would have bought: yes », 4 km by bike (no travel cost)
 *     X3  A3 → A4  skills, 9 volunteer hours, on foot      X4  A4 → A3  skills, 1 volunteer hour
 *     X5  A5 → A6  skills, 8 volunteer hours, on foot      X6  A6 → A5  skills, 2 volunteer hours
 *
 * Coefficients are read from src/data/method/coefficients.json by id (their values change with
 * sources); the formulas are written out here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import file from '../../src/data/method/coefficients.json' with { type: 'json' };
import { loadCoefficients } from '../../src/data/load-dataset.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import {
  DOMINANCE_THRESHOLD,
  runSensitivity,
  type FigureSensitivity,
} from '../../src/indicators/method/sensitivity.ts';
import {
  indicatorById,
  runIndicatorTable,
  type IndicatorDefinition,
  type ZoneIndicators,
} from '../../src/indicators/registry.ts';
import { runnerWith } from '../support/engine.ts';
import { association, commune, COMMUNE_OF, exchange } from '../support/tiny-territory.ts';

const PERIOD = { start: '2024-01-01', end: '2024-12-31' } as const;
const filters = { period: PERIOD };

/** A coefficient's three values (every one used here raises its component: effet « + »). */
function k(id: string): { bas: number; central: number; haut: number } {
  const entry = file.coefficients.find((c) => c.id === id);
  if (!entry) throw new Error(`No coefficient ${id}`);
  if (entry.effet !== '+') throw new Error(`${id}: effet ${entry.effet}, the hand formulas assume « + »`);
  return { bas: entry.bas, central: entry.central, haut: entry.haut };
}

const TABLES = {
  communes: [commune('00001', 'Alpha'), commune('00002', 'Beta'), commune('00003', 'Gamma')],
  associations: [1, 2, 3, 4, 5, 6].map((n) => association(n, COMMUNE_OF[n] ?? '')),
  echanges: [
    exchange('X1', 1, 2, {
      libelle: 'Aide à la comptabilité',
      quantite: 3,
      heures_benevoles: 3,
      distance_km: 10,
      mode_transport: 'voiture',
    }),
    exchange('X2', 2, 1, {
      libelle: 'Prêt de deux outils',
      type_ressource: 'materiel',
      categorie_bien: 'outil',
      modalite: 'pret',
      quantite: 2,
      unite: 'unite',
      duree_heures: 24,
      aurait_achete: 'oui',
      distance_km: 4,
      mode_transport: 'velo',
    }),
    exchange('X3', 3, 4, { libelle: 'Formation premiers secours', quantite: 9, heures_benevoles: 9 }),
    exchange('X4', 4, 3, { quantite: 1, heures_benevoles: 1 }),
    exchange('X5', 5, 6, { libelle: 'Atelier', quantite: 8, heures_benevoles: 8 }),
    exchange('X6', 6, 5, { quantite: 2, heures_benevoles: 2 }),
  ],
  subventions: [],
  offres_besoins: [],
};

function indicator(id: string): IndicatorDefinition {
  const found = indicatorById(id);
  if (!found) throw new Error(`No indicator ${id}`);
  return found;
}

const NET = indicator('cout-evite-net');
const VOLUNTEERING = indicator('valeur-benevolat');

let runner: QueryRunner;
let communes: ZoneIndicators[];

beforeAll(async () => {
  runner = await runnerWith(TABLES);
  await loadCoefficients(runner);
  communes = await runIndicatorTable(runner, [NET, VOLUNTEERING], filters, 'commune');
});
afterAll(async () => {
  await runner.close();
});

async function sensitivityOf(code: string): Promise<FigureSensitivity[]> {
  const zone = communes.find((c) => c.zone === code);
  if (!zone) throw new Error(`No commune ${code}`);
  return runSensitivity(runner, [NET, VOLUNTEERING], filters, 'commune', code, zone.parts);
}

function figure(figures: readonly FigureSensitivity[], id: string): FigureSensitivity {
  const found = figures.find((f) => f.indicator === id);
  if (!found) throw new Error(`No figure ${id}`);
  return found;
}

describe('runSensitivity on Alpha: a tool loan and a trip by car', () => {
  // Central: X2 avoids renting 2 tools for 1 day, 2 × min(1 × rent, new price), × s(oui) = 1;
  // X1's trip costs 10 km × cost per km; X2 goes by bike (no cost). Data factor (verified) 1.
  const rent = k('location_jour.outil');
  const newPrice = k('prix_neuf.outil');
  const perKm = k('cout_transport_km');
  const s = k('substitution.oui');
  const f = k('facteur_donnee.verifie');
  const avoided = (r: number) => 2 * Math.min(r, newPrice.central);
  const central = avoided(rent.central) - 10 * perKm.central;
  let figures: FigureSensitivity[];
  beforeAll(async () => {
    figures = await sensitivityOf('00001');
  });

  it('keeps the zone’s central value', () => {
    expect(figure(figures, 'cout-evite-net').central).toBeCloseTo(central, 9);
  });

  it('moves the net avoided cost by exactly −10 km × the change of the cost per km', () => {
    const swing = figure(figures, 'cout-evite-net').swings.find((w) => w.parametre === 'cout_transport_km');
    // The trip is subtracted: the high cost per km gives the low figure, and the other way round.
    expect(swing?.low).toBeCloseTo(central - 10 * (perKm.haut - perKm.central), 9);
    expect(swing?.high).toBeCloseTo(central - 10 * (perKm.bas - perKm.central), 9);
  });

  it('lists every parameter that moves it, widest swing first, and none that does not', () => {
    const swings = figure(figures, 'cout-evite-net').swings;
    const trip = 10 * perKm.central;
    const expected = [
      { parametre: 'location_jour', low: avoided(rent.bas) - trip, high: avoided(rent.haut) - trip },
      // « would have bought » and the data factor swing one key at a time: X2 answered « oui »,
      // every exchange is verified; the other answers and tiers move nothing here.
      {
        parametre: 'substitution.oui',
        low: s.bas * avoided(rent.central) - trip,
        high: s.haut * avoided(rent.central) - trip,
      },
      // The data factor at its low bound lowers what is avoided and raises the trip's cost.
      {
        parametre: 'facteur_donnee.verifie',
        low: f.bas * avoided(rent.central) - f.haut * trip,
        high: f.haut * avoided(rent.central) - f.bas * trip,
      },
      {
        parametre: 'cout_transport_km',
        low: avoided(rent.central) - 10 * perKm.haut,
        high: avoided(rent.central) - 10 * perKm.bas,
      },
    ].sort((a, b) => b.high - b.low - (a.high - a.low));
    // The new price caps the rent nowhere here (2 tools × 1 day of rent < their price), the
    // distances are declared: prix_neuf, facteur_detour, distance_intracommunale_km do not move it.
    expect(swings.map((w) => w.parametre)).toEqual(expected.map((e) => e.parametre));
    swings.forEach((w, i) => {
      expect(w.low).toBeCloseTo(expected[i]?.low ?? NaN, 9);
      expect(w.high).toBeCloseTo(expected[i]?.high ?? NaN, 9);
    });
  });

  it('gives each exchange’s share of Σ|contributions|, the trip included, below the flag', () => {
    const net = figure(figures, 'cout-evite-net');
    const x2 = avoided(rent.central);
    const x1 = -10 * perKm.central;
    const sum = Math.abs(x1) + Math.abs(x2);
    expect(net.contributing).toBe(2);
    expect(net.exchanges.map((e) => [e.id_echange, e.libelle, e.type_ressource])).toEqual([
      ['X2', 'Prêt de deux outils', 'materiel'],
      ['X1', 'Aide à la comptabilité', 'competences'],
    ]);
    expect(net.exchanges[0]?.contribution).toBeCloseTo(x2, 9);
    expect(net.exchanges[1]?.contribution).toBeCloseTo(x1, 9);
    expect(net.exchanges[0]?.share).toBeCloseTo(x2 / sum, 12);
    expect(net.exchanges[1]?.share).toBeCloseTo(-x1 / sum, 12);
    expect(net.topShare).toBeCloseTo(x2 / sum, 12);
    // 30 of 36.36 at the file's values: about 83 %, under the 85 % flag.
    expect(x2 / sum).toBeLessThan(DOMINANCE_THRESHOLD);
    expect(net.dominated).toBe(false);
  });

  it('flags the volunteer time value that one exchange makes alone', () => {
    const volunteering = figure(figures, 'valeur-benevolat');
    const hour = k('valeur_heure_benevole');
    expect(volunteering.central).toBeCloseTo(3 * hour.central, 9);
    expect(volunteering.contributing).toBe(1);
    expect(volunteering.exchanges.map((e) => e.id_echange)).toEqual(['X1']);
    expect(volunteering.topShare).toBe(1);
    expect(volunteering.dominated).toBe(true);
    const swing = volunteering.swings.find((w) => w.parametre === 'valeur_heure_benevole');
    expect(swing?.low).toBeCloseTo(3 * hour.bas, 9);
    expect(swing?.high).toBeCloseTo(3 * hour.haut, 9);
  });
});

describe('the flag of a figure one exchange drives', () => {
  it('is raised when one exchange makes 90 % of the figure (Beta: 9 hours of 10)', async () => {
    const volunteering = figure(await sensitivityOf('00002'), 'valeur-benevolat');
    expect(volunteering.contributing).toBe(2);
    expect(volunteering.exchanges.map((e) => [e.id_echange, e.libelle])).toEqual([
      ['X3', 'Formation premiers secours'],
      ['X4', null],
    ]);
    expect(volunteering.exchanges[0]?.share).toBeCloseTo(0.9, 12);
    expect(volunteering.exchanges[1]?.share).toBeCloseTo(0.1, 12);
    expect(volunteering.topShare).toBeCloseTo(0.9, 12);
    expect(volunteering.dominated).toBe(true);
  });

  it('is not raised at 80 % (Gamma: 8 hours of 10)', async () => {
    const volunteering = figure(await sensitivityOf('00003'), 'valeur-benevolat');
    expect(volunteering.exchanges.map((e) => e.id_echange)).toEqual(['X5', 'X6']);
    expect(volunteering.topShare).toBeCloseTo(0.8, 12);
    expect(volunteering.dominated).toBe(false);
  });

  it('finds nothing to weigh where the net avoided cost is zero', async () => {
    // Beta's exchanges are on foot and in time only: the net avoided cost is 0, no exchange weighs.
    const net = figure(await sensitivityOf('00002'), 'cout-evite-net');
    expect(net.central).toBe(0);
    expect(net.swings).toEqual([]);
    expect(net.exchanges).toEqual([]);
    expect(net.contributing).toBe(0);
    expect(net.topShare).toBeNull();
    expect(net.dominated).toBe(false);
  });
});
