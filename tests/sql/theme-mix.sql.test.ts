/**
 * The theme mix of a commune beside the territory's, on the hand-built fixture
 * (tests/support/fixture.ts), period 2024. Active at the end of 2024: Alpha A1 sport, A2 culture,
 * A3 sport, A4 social; Beta A5 culture, A6 sport (A7 is dissolved, A8 dormant); Gamma A9
 * culture, A10 sport.
 *   Alpha:     sport 2, culture 1, social 1 → 4 associations: 1/2, 1/4, 1/4
 *   territory: sport 4 (A1, A3, A6, A10), culture 3 (A2, A5, A9), social 1 → 8: 1/2, 3/8, 1/8
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { QueryRunner } from '../../src/data/query-runner.ts';
import { runThemeMix, themeShares } from '../../src/indicators/explore/theme-mix.ts';
import { runnerWith } from '../support/engine.ts';
import { fixtureTerritory, PERIOD_2024 } from '../support/fixture.ts';

let runner: QueryRunner;
beforeAll(async () => {
  runner = await runnerWith(fixtureTerritory());
});
afterAll(async () => {
  await runner.close();
});

const empty = (family: string) => ({
  family,
  commune: 0,
  territoire: 0,
  communeShare: 0,
  territoireShare: 0,
});

describe('runThemeMix(runner, filters, commune)', () => {
  it('gives every theme family of Alpha’s active associations beside the territory’s, as counts and shares', async () => {
    expect(await runThemeMix(runner, { period: PERIOD_2024 }, '00001')).toEqual([
      { family: 'sport', commune: 2, territoire: 4, communeShare: 1 / 2, territoireShare: 1 / 2 },
      { family: 'culture', commune: 1, territoire: 3, communeShare: 1 / 4, territoireShare: 3 / 8 },
      empty('loisirs'),
      { family: 'social', commune: 1, territoire: 1, communeShare: 1 / 4, territoireShare: 1 / 8 },
      empty('education'),
      empty('environnement'),
      empty('economie'),
      empty('civique'),
    ]);
  });

  it('says « no share » (null), not 0 %, for a commune without active association', async () => {
    const mix = await runThemeMix(runner, { period: PERIOD_2024 }, '99999');
    expect(mix.every((s) => s.commune === 0 && s.communeShare === null)).toBe(true);
    expect(mix.find((s) => s.family === 'sport')?.territoireShare).toBe(1 / 2);
  });
});

describe('themeShares(counts)', () => {
  it('folds WALDEC codes into families (a sub-theme with its parent, an unknown code in « civique »)', () => {
    const shares = themeShares([
      { theme_code: '011040', commune: 1, territoire: 2 },
      { theme_code: '011000', commune: 1, territoire: 1 },
      { theme_code: '999999', commune: 2, territoire: 1 },
    ]);
    expect(shares.find((s) => s.family === 'sport')).toEqual({
      family: 'sport',
      commune: 2,
      territoire: 3,
      communeShare: 1 / 2,
      territoireShare: 3 / 4,
    });
    expect(shares.find((s) => s.family === 'civique')).toEqual({
      family: 'civique',
      commune: 2,
      territoire: 1,
      communeShare: 1 / 2,
      territoireShare: 1 / 4,
    });
  });
});
