/**
 * The rules of method v2 on the hand-built fixture, one exchange per rule: each exchange's values
 * (the v_… columns of sql-values.ts) against the hand computation of tests/sql/method-parts.ts;
 * pro-rating across the year boundary (X26); quality tiers and the quality filter; regular
 * exchanges; the grants ratio on cash grants only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadCoefficients } from '../../src/data/load-dataset.ts';
import type { Scenario } from '../../src/data/method/coefficients.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { filterParams } from '../../src/indicators/filters.ts';
import { EXCHANGE_VALUE_SQL, SCOPE_AND_VALUES_CTES } from '../../src/indicators/method/sql-values.ts';
import { INDICATORS, runIndicatorTable, type IndicatorFilters } from '../../src/indicators/registry.ts';
import { runnerWith } from '../support/engine.ts';
import { fixtureTerritory, PERIOD_2024 } from '../support/fixture.ts';
import {
  ALPHA,
  EXCHANGE_VALUES,
  k,
  netAvoidedCost,
  sumValues,
  VALUE_PARTS,
  x26,
  X26_SHARE,
  type ExchangeValues,
  type Range,
  type Run,
  type ValuePart,
} from './method-parts.ts';

let runner: QueryRunner;
beforeAll(async () => {
  runner = await runnerWith(fixtureTerritory());
  await loadCoefficients(runner);
});
afterAll(async () => {
  await runner.close();
});

/** The column of `valeurs` each value part sums. */
const COLUMN: Readonly<Record<ValuePart, string>> = {
  valeur_brute: 'v_brute',
  valeur_substituee: 'v_substituee',
  cout_transport: 'v_transport',
  energie_locaux: 'v_energie_locaux',
  valeur_benevolat: 'v_benevolat',
  valeur_personnel: 'v_personnel',
  personnel_refacture: 'v_personnel_refacture',
  co2_fabrication: 'v_co2_fabrication',
  co2_locaux: 'v_co2_locaux',
  co2_energie_locaux: 'v_co2_energie_locaux',
  co2_transport: 'v_co2_transport',
  matiere_kg: 'v_matiere_kg',
};
const SCENARIO_OF: Readonly<Record<Run, Scenario>> = { c: 'central', b: 'bas', h: 'haut' };

type ExchangeRow = Readonly<Record<string, number>>;

/** Each exchange of the period with its values, by id and run (filters as the indicators take them). */
async function exchangeRows(filters: IndicatorFilters): Promise<Map<string, Record<Run, ExchangeRow>>> {
  const columns = Object.values(COLUMN).join(', ');
  const rows = await runner.query({
    sql: `WITH ${SCOPE_AND_VALUES_CTES}
SELECT id_echange, scenario, ${columns}, part_periode, facteur_donnee,
  ${EXCHANGE_VALUE_SQL} AS cout_evite_net
FROM valeurs ORDER BY id_echange, scenario`,
    params: filterParams(filters, 'commune'),
  });
  const out = new Map<string, Record<Run, ExchangeRow>>();
  for (const row of rows) {
    const id = String(row['id_echange']);
    const run = (Object.keys(SCENARIO_OF) as Run[]).find((s) => SCENARIO_OF[s] === row['scenario']);
    if (!run) throw new Error(`scenario ${String(row['scenario'])}`);
    const numbers: Record<string, number> = {};
    for (const [key, value] of Object.entries(row)) if (typeof value === 'number') numbers[key] = value;
    const entry = out.get(id) ?? ({} as Record<Run, ExchangeRow>);
    entry[run] = numbers;
    out.set(id, entry);
  }
  return out;
}

function expectRange(
  actual: Record<Run, ExchangeRow> | undefined,
  column: string,
  expected: Range,
  label: string,
) {
  for (const s of ['c', 'b', 'h'] as const)
    expect(actual?.[s][column], `${label} ${column} ${SCENARIO_OF[s]}`).toBeCloseTo(expected[s], 9);
}

function expectValues(actual: Record<Run, ExchangeRow> | undefined, expected: ExchangeValues, label: string) {
  for (const part of VALUE_PARTS) expectRange(actual, COLUMN[part], expected[part], label);
}

const ALL_2024 = { period: PERIOD_2024 };
const DECLARE = k('facteur_donnee.declare');
const CONFIRME = k('facteur_donnee.confirme');
const VERIFIE = k('facteur_donnee.verifie');
const PER_KM = k('cout_transport_km');

describe('one counterfactual per resource type and modality, € and CO₂e alike (2024)', () => {
  let rows: Map<string, Record<Run, ExchangeRow>>;
  beforeAll(async () => {
    rows = await exchangeRows(ALL_2024);
  });

  it('holds the 26 exchanges of 2024, X20 (2023) left out', () => {
    expect([...rows.keys()]).toEqual(Object.keys(EXCHANGE_VALUES).sort());
  });

  it.each([
    ['gift of equipment: remaining share of life of the new price, manufacturing and matter', 'X21'],
    ['gift with a declared mass, « would have bought » unanswered (s of « inconnu »)', 'X09'],
    ['loan of equipment: units × min(days × rent, new price); days ÷ lifetime', 'X01'],
    ['loan of equipment over 60 days, capped at the new price', 'X22'],
    ['loan of equipment with a declared value and a compensation paid', 'X10'],
    ['loan of a vehicle: day × rent + km × price per km', 'X03'],
    ['loan of a vehicle counted in days', 'X17'],
    ['premises: hours × rate; s × (operation + energy of the other room) and the lent room’s energy', 'X27'],
    ['premises partly substituted, with a compensation', 'X02'],
    ['premises with a declared value, not substituted: the lent room’s energy still counts', 'X11'],
    ['« autre » with a declared value', 'X23'],
    ['« autre » without a declared value: not costed', 'X16'],
    ['time: volunteer hours only, the trip by car subtracted', 'X25'],
    ['staff with a compensation: valued at cost, the compensation re-invoiced up to that cost', 'X08'],
    ['staff without compensation: FTE-years × annual cost', 'X24'],
  ])('%s (%s)', (_, id) => {
    const expected = EXCHANGE_VALUES[id];
    if (!expected) throw new Error(`no hand values for ${id}`);
    expectValues(rows.get(id), expected, id);
  });

  it('gives every exchange of 2024 its hand values', () => {
    for (const [id, expected] of Object.entries(EXCHANGE_VALUES)) expectValues(rows.get(id), expected, id);
  });

  it('subtracts the trip of every exchange from its net avoided cost, time and staff included', () => {
    const oui = k('substitution.oui');
    const rate = k('prix_locaux_heure');
    const kwh = k('energie_locaux_kwh_m2_h');
    const price = k('prix_energie_kwh');
    // Within one run, an exchange's net avoided cost is v_substituee − v_transport − v_energie_locaux.
    for (const s of ['c', 'b', 'h'] as const) {
      // X25: skills, nothing avoided: − f × 9 km × cost per km.
      expect(rows.get('X25')?.[s]['cout_evite_net'], `X25 ${s}`).toBeCloseTo(-DECLARE[s] * 9 * PER_KM[s], 9);
      // X08: staff, 12 km by car.
      expect(rows.get('X08')?.[s]['cout_evite_net'], `X08 ${s}`).toBeCloseTo(-DECLARE[s] * 12 * PER_KM[s], 9);
      // X24: staff, 12 km by bus: the fare is not known, no cost (its emissions still count).
      expect(rows.get('X24')?.[s]['cout_evite_net'], `X24 ${s}`).toBe(0);
      // X27: the lent room's energy too: f × (s × 20 h × rate − 60 m² × 20 h × kWh per m²·h × price); on foot.
      expect(rows.get('X27')?.[s]['cout_evite_net'], `X27 ${s}`).toBeCloseTo(
        DECLARE[s] * (oui[s] * 20 * rate[s] - 60 * 20 * kwh[s] * price[s]),
        9,
      );
    }
  });

  it('caps a long loan at the new price: X22, 60 days of rent cost more than a new chair in every run', () => {
    const rent = k('location_jour.mobilier_chaise');
    const price = k('prix_neuf.mobilier_chaise');
    for (const s of ['c', 'b', 'h'] as const) {
      expect(60 * rent[s], `60 days of rent ${s}`).toBeGreaterThan(price[s]);
      expect(rows.get('X22')?.[s]['v_brute'], `X22 ${s}`).toBeCloseTo(VERIFIE[s] * 10 * price[s], 9);
    }
  });

  it('nets the lent room’s energy out of the premises avoided (X27, kgCO₂e)', () => {
    const oui = k('substitution.oui');
    const perM2Year = k('ef_locaux_m2_an');
    const hoursYear = k('heures_reference_locaux');
    const kwh = k('energie_locaux_kwh_m2_h');
    const co2 = k('ef_energie_kwh');
    for (const s of ['c', 'b', 'h'] as const) {
      const x = rows.get('X27')?.[s];
      // f × [s × (60 m² × 20 h ÷ annual hours × factor + 60 × 20 × kWh × kgCO₂e) − 60 × 20 × kWh × kgCO₂e]
      expect((x?.['v_co2_locaux'] ?? NaN) - (x?.['v_co2_energie_locaux'] ?? NaN), `X27 ${s}`).toBeCloseTo(
        DECLARE[s] *
          (oui[s] * ((60 * 20 * perM2Year[s]) / hoursYear[s] + 60 * 20 * kwh[s] * co2[s]) -
            60 * 20 * kwh[s] * co2[s]),
        9,
      );
    }
  });

  it('costs no euro per km on foot, by bike or without travel, in any run', () => {
    for (const id of ['X01', 'X14', 'X18', 'X19', 'X06'] /* bike */
      .concat(['X02', 'X04', 'X09', 'X12', 'X16', 'X23', 'X27'] /* foot */, ['X07'] /* none */)) {
      for (const s of ['c', 'b', 'h'] as const)
        expect(rows.get(id)?.[s]['v_transport'], `${id} ${s}`).toBe(0);
    }
    // A bike still emits in the high run (its manufacturing per km): X01 2 km.
    expect(rows.get('X01')?.h['v_co2_transport']).toBeCloseTo(DECLARE.h * 2 * k('ef_transport.velo').h, 9);
  });

  it('values staff at cost and its re-invoiced part at most that cost: X08, X24 none', () => {
    const fte = k('cout_etp_an');
    for (const s of ['c', 'b', 'h'] as const) {
      // X08: 1.2 FTE-months, 3 600 € re-invoiced.
      expect(rows.get('X08')?.[s]['v_personnel']).toBeCloseTo(DECLARE[s] * (1.2 / 12) * fte[s], 9);
      expect(rows.get('X08')?.[s]['v_personnel_refacture']).toBeCloseTo(
        DECLARE[s] * Math.min(3600, (1.2 / 12) * fte[s]),
        9,
      );
      expect(rows.get('X24')?.[s]['v_personnel_refacture']).toBe(0);
    }
    expect(rows.get('X24')?.c['v_personnel']).toBeCloseTo((3 / 12) * k('cout_etp_an').c, 9);
  });

  it('multiplies each exchange by the data factor of its tier: declared, confirmed, verified', () => {
    for (const [id, factor] of [
      ['X01', DECLARE],
      ['X21', CONFIRME],
      ['X13', VERIFIE],
      ['X22', VERIFIE],
    ] as const)
      expectRange(rows.get(id), 'facteur_donnee', factor, id);
    // The tiers' ranges narrow as the data is attested: declared 0.7–1.3 ⊃ confirmed ⊃ verified.
    expect(DECLARE.b).toBeLessThan(CONFIRME.b);
    expect(CONFIRME.b).toBeLessThan(VERIFIE.b);
    expect(VERIFIE.h).toBeLessThan(CONFIRME.h);
    expect(CONFIRME.h).toBeLessThan(DECLARE.h);
  });
});

describe('pro-rating across the year boundary: X26, 1 December 2024 – 31 January 2025 (62 days)', () => {
  const YEAR_2025 = { period: { start: '2025-01-01', end: '2025-12-31' } };
  const BOTH_YEARS = { period: { start: '2024-01-01', end: '2025-12-31' } };

  it('counts 31/62 of its values in 2024 and 31/62 in 2025', async () => {
    for (const filters of [ALL_2024, YEAR_2025]) {
      const x = (await exchangeRows(filters)).get('X26');
      expect(x?.c['part_periode']).toBe(31 / 62);
      expectValues(x, x26(31 / 62), `X26 ${filters.period.start}`);
    }
  });

  it('counts the days of a window inside it: 15 December – 15 January holds 17 + 15 = 32 of its 62 days', async () => {
    const x = (await exchangeRows({ period: { start: '2024-12-15', end: '2025-01-15' } })).get('X26');
    expect(x?.c['part_periode']).toBe(32 / 62);
    expectValues(x, x26(32 / 62), 'X26 window');
  });

  it('gives 2025 its half, and counts the exchange whole in the count of both years', async () => {
    const zones = await runIndicatorTable(runner, INDICATORS, YEAR_2025, 'commune');
    const alpha = zones.find((z) => z.zone === '00001');
    // X26 is the only exchange overlapping 2025; it is received by A2 in Alpha.
    expect(zones.map((z) => z.parts.echanges.central)).toEqual([1, 0, 0]);
    expect(alpha?.parts.heures_benevoles.central).toBe(X26_SHARE * 6);
    expect(alpha?.parts.valeur_marche_declaree.central).toBe(X26_SHARE * 310);
    expect(alpha?.parts.beneficiaires.central).toBe(30); // counts are not pro-rated
    const half = x26(X26_SHARE);
    expect(alpha?.parts.valeur_substituee.central).toBeCloseTo(half.valeur_substituee.c, 9);
    expect(alpha?.parts.cout_transport.haut).toBeCloseTo(half.cout_transport.h, 9);
    // And in 2024 it is one of Alpha's 11 exchanges (method-parts.ts: ALPHA).
    const [alpha2024] = await runIndicatorTable(runner, INDICATORS, ALL_2024, 'commune');
    expect(alpha2024?.parts.echanges.central).toBe(ALPHA.echanges);
  });

  it('adds up over the two years: the union period counts X26 whole, once', async () => {
    const whole = (await exchangeRows(BOTH_YEARS)).get('X26');
    expect(whole?.c['part_periode']).toBe(1);
    expectValues(whole, x26(1), 'X26 whole');
    const [union] = await runIndicatorTable(runner, INDICATORS, BOTH_YEARS, 'commune');
    const [y2024] = await runIndicatorTable(runner, INDICATORS, ALL_2024, 'commune');
    const [y2025] = await runIndicatorTable(runner, INDICATORS, YEAR_2025, 'commune');
    // Alpha over both years: its 2024 hours (13) and 2025 hours (3) = 2 + 1 + 4 + 3 + 6.
    expect(union?.parts.heures_benevoles.central).toBe(2 + 1 + 4 + 3 + 6);
    expect((y2024?.parts.heures_benevoles.central ?? 0) + (y2025?.parts.heures_benevoles.central ?? 0)).toBe(
      2 + 1 + 4 + 3 + 6,
    );
    expect(union?.parts.valeur_marche_declaree.central).toBe(120 + 150 + 45 + 310);
    // Counts are not spread: 11 exchanges in 2024, 1 in 2025, 11 over both years.
    expect(union?.parts.echanges.central).toBe(11);
  });
});

describe('quality tiers and the « minimal quality » filter', () => {
  const withQuality = (quality: 'declare' | 'confirme' | 'verifie') => ({ ...ALL_2024, quality });

  it('keeps every exchange at « declare », the confirmed and verified at « confirme », the verified at « verifie »', async () => {
    const counts = async (quality: 'declare' | 'confirme' | 'verifie', level: 'commune' | 'territoire') =>
      (await runIndicatorTable(runner, INDICATORS, withQuality(quality), level)).map(
        (z) => z.parts.echanges.central,
      );
    expect(await counts('declare', 'commune')).toEqual([11, 11, 4]);
    // Alpha X22; Beta X13, X21.
    expect(await counts('confirme', 'commune')).toEqual([1, 2, 0]);
    expect(await counts('confirme', 'territoire')).toEqual([3]);
    // Alpha X22; Beta X13.
    expect(await counts('verifie', 'commune')).toEqual([1, 1, 0]);
    expect(await counts('verifie', 'territoire')).toEqual([2]);
    const kept = async (quality: 'confirme' | 'verifie') => [
      ...(await exchangeRows(withQuality(quality))).keys(),
    ];
    expect(await kept('confirme')).toEqual(['X13', 'X21', 'X22']);
    expect(await kept('verifie')).toEqual(['X13', 'X22']);
  });

  it('sums only the kept exchanges’ values, each with its tier’s factor', async () => {
    for (const [quality, ids] of [
      ['confirme', ['X13', 'X21', 'X22']],
      ['verifie', ['X13', 'X22']],
    ] as const) {
      const [territory] = await runIndicatorTable(runner, INDICATORS, withQuality(quality), 'territoire');
      const expected = sumValues(ids.map((id) => EXCHANGE_VALUES[id] ?? sumValues([])));
      for (const part of VALUE_PARTS) {
        for (const s of ['c', 'b', 'h'] as const)
          expect(territory?.parts[part][SCENARIO_OF[s]], `${quality} ${part} ${s}`).toBeCloseTo(
            expected[part][s],
            9,
          );
      }
    }
  });

  it('gives the shares of verified and of confirmed-or-verified exchanges', async () => {
    const [territory] = await runIndicatorTable(runner, INDICATORS, ALL_2024, 'territoire');
    expect(territory?.values['part-verifiee']?.central).toBe(2 / 26); // X13, X22
    expect(territory?.values['part-confirmee']?.central).toBe(3 / 26); // and X21
    const [alpha, beta, gamma] = await runIndicatorTable(runner, INDICATORS, ALL_2024, 'commune');
    expect(alpha?.values['part-confirmee']?.central).toBe(1 / 11);
    expect(beta?.values['part-confirmee']?.central).toBe(2 / 11);
    expect(gamma?.values['part-confirmee']?.central).toBe(0);
  });
});

describe('regular exchanges (recurrent)', () => {
  it('counts X27, the weekly room, in echanges_recurrents and the share of regular exchanges', async () => {
    const [alpha, beta] = await runIndicatorTable(runner, INDICATORS, ALL_2024, 'commune');
    expect(beta?.parts.echanges_recurrents.central).toBe(1);
    expect(beta?.values['part-recurrente']?.central).toBe(1 / 11);
    expect(alpha?.values['part-recurrente']?.central).toBe(0);
    const [territory] = await runIndicatorTable(runner, INDICATORS, ALL_2024, 'territoire');
    expect(territory?.values['part-recurrente']?.central).toBe(1 / 26);
  });
});

describe('the grants ratio on cash grants only', () => {
  it('takes in-kind support out of the denominator', async () => {
    const tables = fixtureTerritory();
    const [s1] = tables.subventions;
    if (!s1) throw new Error('no grant');
    // A 400 € in-kind grant to A1 (Alpha) in 2024, beside its 1 000 € cash grant.
    tables.subventions.push({ ...s1, id_subvention: 'S5', montant: 400, nature: 'aide en nature' });
    const inKind = await runnerWith(tables);
    try {
      await loadCoefficients(inKind);
      const [alpha] = await runIndicatorTable(inKind, INDICATORS, ALL_2024, 'commune');
      expect(alpha?.parts.subventions.central).toBe(1000 + 400);
      expect(alpha?.parts.subventions_nature_montant.central).toBe(400);
      expect(alpha?.values['aides-en-nature']?.central).toBe(1);
      const net = netAvoidedCost(ALPHA);
      expect(alpha?.values['ratio-subventions']?.central).toBeCloseTo(net.c / 1000, 9);
      expect(alpha?.values['ratio-subventions']?.bas).toBeCloseTo(net.b / 1000, 9);
      expect(alpha?.values['ratio-subventions']?.haut).toBeCloseTo(net.h / 1000, 9);
    } finally {
      await inKind.close();
    }
  });
});
