import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { QueryRunner } from '../../src/data/query-runner.ts';
import { loadCoefficients } from '../../src/data/load-dataset.ts';
import type { Level } from '../../src/indicators/filters.ts';
import { PARTS } from '../../src/indicators/method/parts.ts';
import { INDICATORS, runIndicatorTable, type ZoneIndicators } from '../../src/indicators/registry.ts';
import { runnerWith } from '../support/engine.ts';
import { fixtureTerritory, PERIOD_2024 } from '../support/fixture.ts';
import {
  ALPHA,
  BETA,
  E1,
  E2,
  expectedIndicators,
  GAMMA,
  TERRITORY,
  triple,
  type HandParts,
} from './method-parts.ts';

let runner: QueryRunner;
const filters = { period: PERIOD_2024 };

beforeAll(async () => {
  runner = await runnerWith(fixtureTerritory());
  await loadCoefficients(runner);
});
afterAll(async () => {
  await runner.close();
});

/** Zones of each level in code order, with their hand-computed parts. */
const LEVEL_ZONES: Readonly<Record<Level, readonly [string, HandParts][]>> = {
  commune: [
    ['00001', ALPHA],
    ['00002', BETA],
    ['00003', GAMMA],
  ],
  epci: [
    ['200000011', E1],
    ['200000029', E2],
  ],
  territoire: [['territoire', TERRITORY]],
};

function expectClose(actual: number | null | undefined, expected: number | null, label: string): void {
  if (expected === null) expect(actual, label).toBeNull();
  else expect(actual, label).toBeCloseTo(expected, 9);
}

describe.each(Object.keys(LEVEL_ZONES) as Level[])('parts at the %s level', (level) => {
  let zones: ZoneIndicators[];
  beforeAll(async () => {
    zones = await runIndicatorTable(runner, INDICATORS, filters, level);
  });

  it('has the zones of the level, in code order', () => {
    expect(zones.map((z) => z.zone)).toEqual(LEVEL_ZONES[level].map(([code]) => code));
  });

  it.each(PARTS.map((p) => p.id))('%s equals the hand computation in every scenario', (id) => {
    for (const [code, hand] of LEVEL_ZONES[level]) {
      const zone = zones.find((z) => z.zone === code);
      const expected = triple(hand[id as keyof HandParts]);
      expectClose(zone?.parts[id].central, expected.central, `${code} ${id} central`);
      expectClose(zone?.parts[id].bas, expected.bas, `${code} ${id} bas`);
      expectClose(zone?.parts[id].haut, expected.haut, `${code} ${id} haut`);
    }
  });
});

describe.each(Object.keys(LEVEL_ZONES) as Level[])('indicators at the %s level', (level) => {
  it('covers every indicator of the registry', () => {
    expect(Object.keys(expectedIndicators(ALPHA)).sort()).toEqual(INDICATORS.map((i) => i.id).sort());
  });

  it.each(INDICATORS.map((i) => i.id))('%s equals the hand computation', async (id) => {
    const zones = await runIndicatorTable(runner, INDICATORS, filters, level);
    for (const [code, hand] of LEVEL_ZONES[level]) {
      const expected = triple(expectedIndicators(hand)[id] ?? null);
      const actual = zones.find((z) => z.zone === code)?.values[id];
      expectClose(actual?.central, expected.central, `${code} ${id} central`);
      expectClose(actual?.bas, expected.bas, `${code} ${id} bas`);
      expectClose(actual?.haut, expected.haut, `${code} ${id} haut`);
    }
  });
});

describe('a few values spelt out, as a funder would read them', () => {
  it('Alpha: 3 of its 4 active associations cooperate; A4 is isolated', async () => {
    const [alpha] = await runIndicatorTable(runner, INDICATORS, filters, 'commune');
    expect(alpha?.values['taux-cooperation']?.central).toBe(0.75);
    expect(alpha?.values['associations-isolees']?.central).toBe(0.25);
  });

  it('the territory: 26 exchanges in 2024 (X20, dated 2023, is left out), 10 pairs, clustering 17/42', async () => {
    const [territory] = await runIndicatorTable(runner, INDICATORS, filters, 'territoire');
    // X01–X19 and X21–X27; X26 (December 2024 – January 2025) overlaps 2024 and counts whole.
    expect(territory?.values['echanges']?.central).toBe(26);
    expect(territory?.values['partenariats']?.central).toBe(10);
    // (1/2 + 2/3 + 1 + 1/3 + 1/3 + 0 + 0) / 7 = (17/6) / 7 = 17/42
    expect(territory?.values['regroupement']?.central).toBeCloseTo(17 / 42, 12);
  });
});
