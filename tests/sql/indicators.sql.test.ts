import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { QueryRunner } from '../../src/data/query-runner.ts';
import { runCommuneSummary } from '../../src/indicators/commune-summary.ts';
import { runExchangesByQuarter } from '../../src/indicators/exchanges-by-quarter.ts';
import { exchangesPer1000 } from '../../src/indicators/exchanges-per-1000.ts';
import { runAssociationPoints } from '../../src/indicators/map-layers-data.ts';
import { runMapIndicator } from '../../src/indicators/run-map-indicator.ts';
import { runTerritorySummary } from '../../src/indicators/territory-summary.ts';
import { runnerWith } from '../support/engine.ts';
import { PERIOD_2024, smallTerritory } from '../support/fixture.ts';

// Expected values are worked out by hand from the fixture drawn in tests/support/fixture.ts.
const filters = { period: PERIOD_2024 };
let runner: QueryRunner;

beforeAll(async () => {
  runner = await runnerWith(smallTerritory());
});
afterAll(async () => {
  await runner.close();
});

describe('echanges-pour-1000-hab', () => {
  it('counts 2024 exchanges on the receiver side, per 1,000 inhabitants', async () => {
    const values = await runMapIndicator(runner, exchangesPer1000, filters);
    expect(values).toEqual([
      // Alpha receives X1 (A1→A2), X3 (A3→A1), X6 (A3→A2): 3 / 1 000 × 1 000 = 3.
      { code_insee: '00001', numerateur: 3, denominateur: 1000, valeur: 3 },
      // Beta receives X2 and X4 (X5 is dated 2023): 2 / 2 000 × 1 000 = 1.
      { code_insee: '00002', numerateur: 2, denominateur: 2000, valeur: 1 },
      // Gamma receives nothing and its population is unknown: no value, not zero.
      { code_insee: '00003', numerateur: 0, denominateur: null, valeur: null },
    ]);
  });

  it('takes X5 in when the period starts on its day', async () => {
    const values = await runMapIndicator(runner, exchangesPer1000, {
      period: { start: '2023-12-31', end: '2023-12-31' },
    });
    expect(values.map((v) => v.numerateur)).toEqual([0, 1, 0]);
  });
});

describe('runCommuneSummary', () => {
  it('gives Alpha its associations, exchanges and partners', async () => {
    expect(await runCommuneSummary(runner, '00001', filters)).toEqual({
      code_insee: '00001',
      nom: 'Alpha',
      population: 1000,
      epci_nom: 'Intercommunalité E1',
      associations: 2,
      associations_actives: 2,
      associations_cooperantes: 2, // A1 (X1, X2, X3) and A2 (X1, X4, X6)
      echanges_recus: 3, // X1, X3, X6
      echanges_fournis: 3, // X1, X2, X4
      echanges_internes: 1, // X1
      communes_partenaires: 1, // Beta
    });
  });

  it('does not count dormant or dissolved associations as active', async () => {
    const beta = await runCommuneSummary(runner, '00002', filters);
    // A3 active; A4 last declared in 2010, more than ten years before 2024-12-31; A5 dissolved.
    expect(beta).toMatchObject({ associations: 3, associations_actives: 1, associations_cooperantes: 1 });
    expect(beta).toMatchObject({ echanges_recus: 2, echanges_fournis: 2, echanges_internes: 0 });
  });

  it('returns null for a code that is not a commune of the dataset', async () => {
    expect(await runCommuneSummary(runner, '99999', filters)).toBeNull();
  });
});

describe('runTerritorySummary', () => {
  it('adds up the territory once per exchange and per pair', async () => {
    expect(await runTerritorySummary(runner, filters)).toEqual({
      communes: 3,
      population: 3000, // Gamma's unknown population is left out, not taken as 0 inhabitants
      associations_actives: 4, // A1, A2, A3, A6
      associations_cooperantes: 3, // A6 is isolated
      echanges: 5, // X1, X2, X3, X4, X6
      echanges_intercommunaux: 4, // all but X1
      partenariats: 3, // {A1,A2}, {A1,A3} (X2 and X3 both ways), {A2,A3} (X4, X6)
    });
  });
});

describe('runExchangesByQuarter', () => {
  it('fills every quarter of the period, for the territory', async () => {
    expect(await runExchangesByQuarter(runner, filters, null)).toEqual([
      { trimestre: '2024-01-01', echanges: 2 }, // X1, X2
      { trimestre: '2024-04-01', echanges: 1 }, // X3
      { trimestre: '2024-07-01', echanges: 1 }, // X6
      { trimestre: '2024-10-01', echanges: 1 }, // X4
    ]);
  });

  it('counts an exchange of a commune once, given or received', async () => {
    const alpha = await runExchangesByQuarter(runner, filters, '00001');
    expect(alpha.map((q) => q.echanges)).toEqual([2, 1, 1, 1]);
    const gamma = await runExchangesByQuarter(runner, filters, '00003');
    expect(gamma.map((q) => q.echanges)).toEqual([0, 0, 0, 0]);
  });
});

describe('runAssociationPoints', () => {
  it('draws only associations active at the end of the period', async () => {
    const points = await runAssociationPoints(runner, filters);
    expect(points.map((p) => p.id)).toEqual(['W000000001', 'W000000002', 'W000000003', 'W000000006']);
  });
});
