/**
 * Edge cases of the v2 rules a reviewer probed, each on its own exchange of a tiny territory, with
 * the value worked out by hand (coefficients read from the file by id, runs by `effet`):
 *
 *   S1  A1 → A2  staff, 1 FTE shared all of 2024, given free (contrepartie 0): valued at cost
 *   S2  A3 → A4  staff, 1 FTE all of 2024, 10 000 € re-invoiced: valued at cost, re-invoiced ≤ cost
 *   V1  A5 → A6  2 cars lent for 3 days (1–3 March): € and CO₂e count both cars and 3 days
 *   V2  A1 → A3  a car lent for two years (2024–2025, 731 days): its rent is capped at its new price,
 *                like equipment, and 2024 holds 366/731 of it
 *   R1  A2 → A4  a tool lent, its end date BEFORE its start (a dataset loaded without validation):
 *                read as a one-day exchange, never negative
 *
 * All verified, on foot, credited to the receiver; the period is 2024.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import file from '../../src/data/method/coefficients.json' with { type: 'json' };
import { loadCoefficients } from '../../src/data/load-dataset.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { filterParams } from '../../src/indicators/filters.ts';
import { SCOPE_AND_VALUES_CTES } from '../../src/indicators/method/sql-values.ts';
import { runnerWith } from '../support/engine.ts';
import { association, commune, COMMUNE_OF, exchange } from '../support/tiny-territory.ts';

type Run = 'bas' | 'central' | 'haut';
const RUNS: readonly Run[] = ['bas', 'central', 'haut'];

/** A coefficient in each run: the low run takes the bound that lowers its component (`effet`). */
function k(id: string): Record<Run, number> {
  const c = file.coefficients.find((entry) => entry.id === id);
  if (!c) throw new Error(`No coefficient ${id}`);
  const up = c.effet === '+';
  return { bas: up ? c.bas : c.haut, central: c.central, haut: up ? c.haut : c.bas };
}

const F = k('facteur_donnee.verifie');
const FTE = k('cout_etp_an');
const OUI = k('substitution.oui');
const CAR = {
  rent: k('location_jour.voiture'),
  price: k('prix_neuf.voiture'),
  manufacturing: k('ef_fabrication.voiture'),
  life: k('duree_vie_jours.voiture'),
};
const TOOL = { rent: k('location_jour.outil'), price: k('prix_neuf.outil') };
/** 2024 has 366 days: a staff loan over the whole year is 366 / 365.25 FTE-year. */
const YEAR_2024 = 366 / 365.25;

/** One full-time employee made available all of 2024, re-invoiced `compensation` €. */
function staffLoan(id: string, from: number, to: number, compensation: number) {
  return exchange(id, from, to, {
    type_ressource: 'personnel',
    modalite: 'mise_a_disposition',
    date_debut: '2024-01-01',
    date_fin: '2024-12-31',
    quantite: 1,
    unite: 'mois',
    etp_partages: 1,
    contrepartie_eur: compensation,
  });
}

const TABLES = {
  communes: [commune('00001', 'Alpha'), commune('00002', 'Beta'), commune('00003', 'Gamma')],
  associations: [1, 2, 3, 4, 5, 6].map((n) => association(n, COMMUNE_OF[n] ?? '')),
  echanges: [
    staffLoan('S1', 1, 2, 0),
    staffLoan('S2', 3, 4, 10_000),
    exchange('V1', 5, 6, {
      type_ressource: 'vehicule',
      categorie_bien: 'voiture',
      modalite: 'pret',
      date_fin: '2024-03-03',
      quantite: 2,
      unite: 'unite',
      aurait_achete: 'oui',
    }),
    exchange('V2', 1, 3, {
      type_ressource: 'vehicule',
      categorie_bien: 'voiture',
      modalite: 'pret',
      date_debut: '2024-01-01',
      date_fin: '2025-12-31',
      quantite: 1,
      unite: 'unite',
      aurait_achete: 'oui',
    }),
    exchange('R1', 2, 4, {
      type_ressource: 'materiel',
      categorie_bien: 'outil',
      modalite: 'pret',
      date_debut: '2024-06-10',
      date_fin: '2024-06-01',
      quantite: 1,
      unite: 'unite',
      aurait_achete: 'oui',
    }),
  ],
  subventions: [],
  offres_besoins: [],
};

type Values = Readonly<Record<string, number>>;
let runner: QueryRunner;
let values: Map<string, Record<Run, Values>>;

beforeAll(async () => {
  runner = await runnerWith(TABLES);
  await loadCoefficients(runner);
  const rows = await runner.query({
    sql: `WITH ${SCOPE_AND_VALUES_CTES}
SELECT id_echange, scenario, v_brute, v_substituee, v_personnel, v_personnel_refacture, v_co2_fabrication, part_periode
FROM valeurs ORDER BY id_echange, scenario`,
    params: filterParams({ period: { start: '2024-01-01', end: '2024-12-31' } }, 'commune'),
  });
  values = new Map();
  for (const row of rows) {
    const id = String(row['id_echange']);
    const entry = values.get(id) ?? ({} as Record<Run, Values>);
    entry[row['scenario'] as Run] = Object.fromEntries(
      Object.entries(row).filter(([, v]) => typeof v === 'number'),
    ) as Values;
    values.set(id, entry);
  }
});
afterAll(async () => {
  await runner.close();
});

function value(id: string, run: Run, column: string): number {
  const found = values.get(id)?.[run]?.[column];
  if (found === undefined) throw new Error(`No ${column} for ${id} (${run})`);
  return found;
}

describe('staff at cost (F4) and its re-invoiced part', () => {
  it('values staff given free at its cost, not at its compensation of 0 (S1)', () => {
    for (const run of RUNS) {
      expect(value('S1', run, 'v_personnel'), run).toBeCloseTo(F[run] * YEAR_2024 * FTE[run], 6);
      expect(value('S1', run, 'v_personnel_refacture'), run).toBe(0);
    }
  });

  it('values re-invoiced staff at cost too, its re-invoiced part never above that cost (S2)', () => {
    for (const run of RUNS) {
      const cost = YEAR_2024 * FTE[run];
      expect(value('S2', run, 'v_personnel'), run).toBeCloseTo(F[run] * cost, 6);
      expect(value('S2', run, 'v_personnel_refacture'), run).toBeCloseTo(F[run] * Math.min(10_000, cost), 6);
      expect(value('S2', run, 'v_personnel_refacture')).toBeLessThanOrEqual(value('S2', run, 'v_personnel'));
    }
  });
});

describe('a vehicle lent: one alternative for € and CO₂e', () => {
  it('counts both cars and their 3 days in the rent and in the manufacturing share (V1)', () => {
    for (const run of RUNS) {
      // 2 cars × min(3 days × rent, new price); 2 × manufacturing × 3 days ÷ lifetime.
      const rent = 2 * Math.min(3 * CAR.rent[run], CAR.price[run]);
      expect(value('V1', run, 'v_brute'), run).toBeCloseTo(F[run] * rent, 6);
      expect(value('V1', run, 'v_substituee'), run).toBeCloseTo(F[run] * OUI[run] * rent, 6);
      expect(value('V1', run, 'v_co2_fabrication'), run).toBeCloseTo(
        F[run] * OUI[run] * 2 * CAR.manufacturing[run] * (3 / CAR.life[run]),
        6,
      );
    }
  });

  it('caps a two-year loan at the car’s new price, then counts 2024’s share (V2)', () => {
    // 731 days of rent cost more than a new car in the central run.
    expect(731 * CAR.rent.central).toBeGreaterThan(CAR.price.central);
    for (const run of RUNS) {
      expect(value('V2', run, 'part_periode')).toBeCloseTo(366 / 731, 12);
      expect(value('V2', run, 'v_brute'), run).toBeCloseTo(
        F[run] * (366 / 731) * Math.min(731 * CAR.rent[run], CAR.price[run]),
        6,
      );
    }
    expect(value('V2', 'central', 'v_brute')).toBeCloseTo(F.central * (366 / 731) * CAR.price.central, 6);
  });
});

describe('an end date before the start date', () => {
  it('reads as one day: a whole share of the period, one day of rent, nothing negative (R1)', () => {
    for (const run of RUNS) {
      expect(value('R1', run, 'part_periode')).toBe(1);
      expect(value('R1', run, 'v_brute'), run).toBeCloseTo(
        F[run] * Math.min(1 * TOOL.rent[run], TOOL.price[run]),
        6,
      );
      expect(value('R1', run, 'v_co2_fabrication'), run).toBeGreaterThan(0);
    }
  });
});
