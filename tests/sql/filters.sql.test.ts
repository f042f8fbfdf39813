import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadCoefficients } from '../../src/data/load-dataset.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { INDICATORS, runIndicatorTable, type IndicatorFilters } from '../../src/indicators/registry.ts';
import { runExchangesByQuarter } from '../../src/indicators/exchanges-by-quarter.ts';
import { programmeKey } from '../../src/indicators/method/sql-scope.ts';
import { runnerWith } from '../support/engine.ts';
import { fixtureTerritory, PERIOD_2024 } from '../support/fixture.ts';

let runner: QueryRunner;
beforeAll(async () => {
  runner = await runnerWith(fixtureTerritory());
  await loadCoefficients(runner);
});
afterAll(async () => {
  await runner.close();
});

async function byZone(filters: IndicatorFilters, level: 'commune' | 'territoire', part: string) {
  const zones = await runIndicatorTable(runner, INDICATORS, filters, level);
  return Object.fromEntries(zones.map((z) => [z.zone_nom, z.parts[part as 'echanges'].central]));
}

describe('attribution side', () => {
  it('credits providers when asked: Alpha provides X01, X02, X03, X09, X10, X12, X16, X18, X19, X22, X26', async () => {
    expect(await byZone({ period: PERIOD_2024, side: 'fournisseur' }, 'commune', 'echanges')).toEqual({
      Alpha: 11,
      Beta: 9, // X04, X05, X08, X11, X14, X17, X21, X25, X27
      Gamma: 6, // X06, X07, X13, X15, X23, X24
    });
  });

  it('leaves partnerships (shared half and half) unchanged', async () => {
    expect(await byZone({ period: PERIOD_2024, side: 'fournisseur' }, 'commune', 'partenariats')).toEqual({
      Alpha: 4.5,
      Beta: 3.5,
      Gamma: 2,
    });
  });
});

describe('filters', () => {
  it('by resource type: equipment only (X01, X05, X09, X10, X14, X19, X21, X22, X26)', async () => {
    expect(await byZone({ period: PERIOD_2024, types: ['materiel'] }, 'commune', 'echanges')).toEqual({
      Alpha: 6, // X01, X09, X10, X19, X22, X26
      Beta: 3, // X05, X14, X21
      Gamma: 0,
    });
    expect(
      await byZone({ period: PERIOD_2024, types: ['materiel', 'locaux'] }, 'territoire', 'echanges'),
    ).toEqual({
      Territoire: 12, // + X02, X11, X27
    });
  });

  it('by theme: only social associations, whose one active member (A4) has no partner', async () => {
    const [territory] = await runIndicatorTable(
      runner,
      INDICATORS,
      { period: PERIOD_2024, themes: ['019000'] },
      'territoire',
    );
    expect(territory?.parts.echanges.central).toBe(0);
    expect(territory?.parts.associations_actives.central).toBe(1); // A4 (A8 is dormant)
    expect(territory?.values['taux-cooperation']?.central).toBe(0);
  });

  it('by funder: the Département funded A5 and A9 in 2024, so their fifteen exchanges count', async () => {
    const filters = { period: PERIOD_2024, funder: 'Département' };
    const [territory] = await runIndicatorTable(runner, INDICATORS, filters, 'territoire');
    // X03, X04, X05, X06, X07, X08, X13, X14, X17, X18, X21, X23, X24, X25, X27 have A5 or A9 at one end.
    expect(territory?.parts.echanges.central).toBe(15);
    expect(territory?.parts.associations_actives.central).toBe(2);
    expect(territory?.parts.subventions.central).toBe(2000 * 0.5 + 500);
    // The same funder named by its SIRET.
    const [bySiret] = await runIndicatorTable(
      runner,
      INDICATORS,
      { period: PERIOD_2024, funder: '22000001000019' },
      'territoire',
    );
    expect(bySiret?.parts.echanges.central).toBe(15);
  });

  it('by programme: the Département’s « Fonds vie associative » funded only A9', async () => {
    const [territory] = await runIndicatorTable(
      runner,
      INDICATORS,
      { period: PERIOD_2024, funder: programmeKey('22000001000019', 'Fonds vie associative') },
      'territoire',
    );
    // X06, X07, X08, X13, X23, X24 have A9 at one end.
    expect(territory?.parts.echanges.central).toBe(6);
    expect(territory?.parts.subventions.central).toBe(500);
    expect(territory?.parts.associations_actives.central).toBe(1);
  });

  it('applies the same filters to the quarterly series', async () => {
    const quarters = await runExchangesByQuarter(runner, { period: PERIOD_2024, types: ['materiel'] }, null);
    // X01, X21, X22 (Q1), X05, X09 (Q2), X10 (Q3), X14, X19, X26 (Q4)
    expect(quarters.map((q) => q.echanges)).toEqual([3, 2, 1, 3]);
  });
});

describe('activity dates', () => {
  it('does not count an association created after the period as active in it', async () => {
    const tables = fixtureTerritory();
    const a4 = tables.associations[3];
    if (a4) tables.associations[3] = { ...a4, date_creation: '2025-01-15' };
    const later = await runnerWith(tables);
    await loadCoefficients(later);
    const alpha = async (end: string) =>
      (await runIndicatorTable(later, INDICATORS, { period: { start: '2024-01-01', end } }, 'commune'))[0]
        ?.parts.associations_actives.central;
    expect(await alpha('2024-12-31')).toBe(3); // A1, A2, A3
    expect(await alpha('2025-01-31')).toBe(4); // and A4, created on 15 January 2025
    await later.close();
  });
});

describe('unknown population', () => {
  it('gives « no data » per inhabitant for the commune and every zone that contains it', async () => {
    const tables = fixtureTerritory();
    const gamma = tables.communes[2];
    if (gamma) tables.communes[2] = { ...gamma, population: null };
    const withUnknown = await runnerWith(tables);
    await loadCoefficients(withUnknown);
    const communes = await runIndicatorTable(withUnknown, INDICATORS, { period: PERIOD_2024 }, 'commune');
    // Alpha 11 exchanges for 1 000 inhabitants, Beta 11 for 2 000.
    expect(communes.map((z) => z.values['echanges-pour-1000-hab']?.central)).toEqual([11, 5.5, null]);
    const [territory] = await runIndicatorTable(
      withUnknown,
      INDICATORS,
      { period: PERIOD_2024 },
      'territoire',
    );
    expect(territory?.values['cout-evite-par-habitant']?.central).toBeNull();
    await withUnknown.close();
  });
});
