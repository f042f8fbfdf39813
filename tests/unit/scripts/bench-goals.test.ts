import { describe, expect, it } from 'vitest';

import type { Figure, Measure } from '../../../scripts/bench/figures.ts';
import { GOALS_SECTION, goalMeasures } from '../../../scripts/bench/goals.ts';

const at = (label: string, figure: Figure): Measure => ({ section: 'any', label, figure });
const times = (...ms: number[]): Figure => ({ kind: 'time', ms });

/** The goals' rows as label → text. */
function goals(size: string, measures: readonly Measure[]): Record<string, string> {
  const rows = goalMeasures(size, measures);
  expect(rows.every((r) => r.section === GOALS_SECTION)).toBe(true);
  return Object.fromEntries(rows.map((r) => [r.label, r.figure.kind === 'text' ? r.figure.text : '']));
}

const TYPE = 'a resource type ticked / unticked';

describe('the bench goals', () => {
  it('says met or not met for each interaction, with the median time of each phase', () => {
    const rows = goals('demo', [
      // Median 92.5 (of 80, 90, 95, 210), printed 93: below 100, but p95 210 > 200, so not met.
      at(TYPE, times(80, 90, 95, 210)),
      at(`${TYPE}: of which input → first query sent`, times(10, 12, 14, 20)),
      at(`${TYPE}: of which queries (first sent → answers shown)`, times(40, 50, 60, 70)),
      at(`${TYPE}: of which drawing (answers shown → map drawn)`, times(20, 30, 30, 40)),
      at('another indicator (recolouring)', times(50, 60, 70)),
    ]);
    expect(rows[`${TYPE}: median ≤ 100 ms, p95 ≤ 200 ms`]).toBe(
      '93 / 210 ms (n=4) — not met; before queries 13 ms, queries 55 ms, drawing 30 ms',
    );
    expect(rows['another indicator (recolouring): median ≤ 100 ms, p95 ≤ 200 ms']).toBe(
      '60 / 70 ms (n=3) — met; no query ran (map and panels only)',
    );
    expect(rows['the period moved by a month: median ≤ 100 ms, p95 ≤ 200 ms']).toBe('not measured');
  });

  it('applies the start-up goal of the size, and the national resource goals only there', () => {
    const common = [
      at('start-up: map and first figures drawn (ready), ms since navigation', times(1400, 1600, 1500)),
      at('start-up: first map drawn (build-time figures), ms since navigation', times(2000, 2500)),
      at('renderer peak RSS (VmHWM in /proc, largest renderer)', { kind: 'value', value: 1600, unit: 'MB' }),
      at('bytes received until ready, everything', { kind: 'value', value: 7.3, unit: 'MB' }),
      at('runIndicatorLevels pre-aggregated, WASM / native', { kind: 'ratio', value: 1.16 }),
    ];
    const demo = goals('demo', common);
    expect(demo['demo ready ≤ 1.5 s']).toBe('1,500 / 1,600 ms (n=3) — met');
    expect(demo['renderer peak memory ≤ 1.5 GB (national)']).toBe(
      '1,600 MB (goal set for the national size)',
    );
    expect(demo['the indicator query in WASM ≤ 1.5 × native']).toBe('×1.16 — met');

    const national = goals('national', common);
    expect(national['national first map ≤ 3 s']).toBe('2,250 / 2,500 ms (n=2) — met');
    expect(national['national full interactivity (ready) ≤ 6 s']).toBe('1,500 / 1,600 ms (n=3) — met');
    expect(national['renderer peak memory ≤ 1.5 GB (national)']).toBe('1,600 MB — not met');
    expect(national['bytes until ready ≤ 60 MB (national)']).toBe('7.3 MB — met');

    const regional = goals('regional', common);
    expect(regional['ready (no start-up goal at this size)']).toBe('1,500 / 1,600 ms (n=3)');
  });

  it('says why a goal could not be measured when the bench printed an error instead', () => {
    const rows = goals('national', [
      at('start-up: map and first figures drawn (ready), ms since navigation', {
        kind: 'error',
        message: 'out of memory',
      }),
    ]);
    expect(rows['national full interactivity (ready) ≤ 6 s']).toBe('not measured: « out of memory »');
    expect(rows['national first map ≤ 3 s']).toBe('not measured');
  });

  it('says why an interaction is not on the page (the overview of a dataset beyond the browser)', () => {
    const why = 'not on the page: dataset beyond the browser, build-time overview only (no engine)';
    const rows = goals('national', [
      at(TYPE, { kind: 'text', text: why }),
      at('start-up: map and first figures drawn (ready), ms since navigation', { kind: 'text', text: '—' }),
    ]);
    expect(rows[`${TYPE}: median ≤ 100 ms, p95 ≤ 200 ms`]).toBe(`not measured: ${why}`);
    expect(rows['national full interactivity (ready) ≤ 6 s']).toBe('not measured');
  });
});
