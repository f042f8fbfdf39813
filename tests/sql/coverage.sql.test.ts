/**
 * Coverage: cooperation figures rest on the associations the exchange data covers, and read
 * « non renseigné » (null) where it covers none — never 0. Hand values from tests/support/fixture.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';

import { loadCoefficients } from '../../src/data/load-dataset.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { isDeclaredIndicator } from '../../src/indicators/indicator-table.ts';
import { INDICATORS, runIndicatorTable, type ZoneIndicators } from '../../src/indicators/registry.ts';
import { runnerWith } from '../support/engine.ts';
import { fixtureTerritory, PERIOD_2024, type FixtureTables } from '../support/fixture.ts';

const filters = { period: PERIOD_2024 };

async function zonesWith(
  tables: FixtureTables,
  mode: 'echanges' | 'aucune',
  level: 'commune' | 'territoire',
) {
  const runner: QueryRunner = await runnerWith(tables, mode);
  try {
    await loadCoefficients(runner);
    return await runIndicatorTable(runner, INDICATORS, filters, level);
  } finally {
    await runner.close();
  }
}

const value = (zones: readonly ZoneIndicators[], zone: string, id: string) =>
  zones.find((z) => z.zone === zone)?.values[id]?.central;

describe('coverage read from the exchanges (mode « echanges »)', () => {
  // Ends of the exchanges, any date: A1, A2, A3, A5, A6, A7 (X20, 2023), A9, A10. A4 is in no
  // exchange: not surveyed, so neither cooperating nor isolated. A7 is dissolved: not counted.
  let communes: ZoneIndicators[];
  let territory: ZoneIndicators[];
  beforeAll(async () => {
    communes = await zonesWith(fixtureTerritory(), 'echanges', 'commune');
    territory = await zonesWith(fixtureTerritory(), 'echanges', 'territoire');
  });

  it('gives the share of active associations covered, per commune and for the territory', () => {
    expect(value(communes, '00001', 'couverture')).toBe(3 / 4); // A1–A3 of A1–A4
    expect(value(communes, '00002', 'couverture')).toBe(2 / 2); // A5, A6
    expect(value(communes, '00003', 'couverture')).toBe(2 / 2); // A9, A10
    expect(value(territory, 'territoire', 'couverture')).toBe(7 / 8);
  });

  it('computes cooperation on the covered associations only: A4 is unknown, not isolated', () => {
    expect(value(communes, '00001', 'taux-cooperation')).toBe(3 / 3);
    expect(value(communes, '00001', 'associations-isolees')).toBe(0);
    // Degrees A1 4, A2 3, A3 2 over 3 covered; 3 pairs inside Alpha of 3·2/2 possible.
    expect(value(communes, '00001', 'degre-moyen')).toBe(9 / 3);
    expect(value(communes, '00001', 'densite')).toBe(3 / 3);
    expect(value(territory, 'territoire', 'taux-cooperation')).toBe(7 / 7);
    // Degrees 4 + 3 + 2 + 0 (A4) + 4 + 3 + 2 + 2 = 20 over 7 covered; 10 pairs of 7·6/2 = 21.
    expect(value(territory, 'territoire', 'degre-moyen')).toBe(20 / 7);
    expect(value(territory, 'territoire', 'densite')).toBe(10 / 21);
  });

  it('leaves the exchange totals as they are where associations are covered', () => {
    expect(value(territory, 'territoire', 'echanges')).toBe(26);
    expect(value(communes, '00001', 'echanges')).toBe(11);
  });
});

describe('a commune whose associations nobody surveyed', () => {
  // Without X06, X07, X08 and X23 (the exchanges Gamma receives) nor X13, X15 and X24 (those A9
  // and A10 provide), no exchange names A9 or A10: Gamma is not covered at all.
  const tables = fixtureTerritory();
  const gammaExchanges = ['X06', 'X07', 'X08', 'X23', 'X13', 'X15', 'X24'];
  const withoutGamma: FixtureTables = {
    ...tables,
    echanges: tables.echanges.filter((e) => !gammaExchanges.includes(e.id_echange)),
  };
  let communes: ZoneIndicators[];
  beforeAll(async () => {
    communes = await zonesWith(withoutGamma, 'echanges', 'commune');
  });

  it('has a coverage of 0 %, a known figure', () => {
    expect(value(communes, '00003', 'couverture')).toBe(0);
  });

  it('reads every cooperation indicator as not provided (null), never 0', () => {
    const gamma = communes.find((z) => z.zone === '00003');
    for (const indicator of INDICATORS.filter(isDeclaredIndicator)) {
      expect(gamma?.values[indicator.id], indicator.id).toEqual({ central: null, bas: null, haut: null });
    }
  });

  it('keeps the figures of the covered communes', () => {
    expect(value(communes, '00001', 'couverture')).toBe(3 / 4);
    expect(value(communes, '00002', 'taux-cooperation')).toBe(2 / 2);
  });
});

describe('a dataset without any exchange data (mode « aucune »)', () => {
  let territory: ZoneIndicators[];
  beforeAll(async () => {
    territory = await zonesWith({ ...fixtureTerritory(), echanges: [] }, 'aucune', 'territoire');
  });

  it('says that none of the 8 active associations is covered', () => {
    expect(value(territory, 'territoire', 'couverture')).toBe(0);
  });

  it('has every cooperation indicator not provided', () => {
    const declared = INDICATORS.filter(isDeclaredIndicator);
    expect(declared.map((i) => i.id)).toContain('taux-cooperation');
    expect(declared.map((i) => i.id)).toContain('cout-evite-net');
    expect(declared.map((i) => i.id)).toContain('valeur-marche-declaree');
    expect(declared.map((i) => i.id)).toContain('part-recurrente');
    for (const indicator of declared)
      expect(value(territory, 'territoire', indicator.id), indicator.id).toBeNull();
  });
});
