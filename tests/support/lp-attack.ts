/*
 * The linear-programming attacker of the public product's tests (issue 14). He holds every
 * published cell of a measure and knows its margins: each margin the true figures satisfy is an
 * equation, and for a count made whole in every period it overlaps, each period's total lies
 * between its largest part and the sum of its parts. Any combination of published cells is a
 * linear combination of that knowledge, so the strongest attack on a masked cell is a linear
 * program: minimise and maximise it. Solved with HiGHS; the cell is protected when the interval
 * has a positive width.
 */
import loadHighs from 'highs';

import type { MarginEquation } from '../../src/indicators/public/suppression.ts';

/** A HiGHS instance (the `highs` package, WebAssembly). */
export type Highs = Awaited<ReturnType<typeof loadHighs>>;

/** Loads HiGHS. */
export function loadSolver(): Promise<Highs> {
  return loadHighs();
}

/** One constraint the attacker knows: Σ coefficient × cell = 0, or ≤ 0 (coefficients ±1). */
export interface Known {
  readonly terms: readonly (readonly [cell: number, coefficient: number])[];
  readonly sense: '=' | '<=';
}

/**
 * What the attacker knows of a measure whose true value in each cell is `truth`: every margin
 * equation the true values satisfy exactly (up to rounding), and with `wholeInEachPeriod` (a count
 * made whole in every period it overlaps, which the method page says) each period margin as
 * bounds instead — total ≤ sum of the parts, and each part ≤ total — whether tight or not.
 */
export function attackerKnowledge(
  equations: readonly MarginEquation[],
  truth: readonly number[],
  wholeInEachPeriod: boolean,
): Known[] {
  const known: Known[] = [];
  for (const e of equations) {
    if (wholeInEachPeriod && e.dimension === 'period') {
      known.push({ terms: [[e.total, 1], ...e.parts.map((p) => [p, -1] as const)], sense: '<=' });
      for (const p of e.parts)
        known.push({
          terms: [
            [p, 1],
            [e.total, -1],
          ],
          sense: '<=',
        });
      continue;
    }
    const total = truth[e.total] ?? 0;
    const sum = e.parts.reduce((s, p) => s + (truth[p] ?? 0), 0);
    if (Math.abs(total - sum) <= 1e-7 * (1 + Math.abs(total)))
      known.push({ terms: [[e.total, -1], ...e.parts.map((p) => [p, 1] as const)], sense: '=' });
  }
  return known;
}

/** The bounds the attacker puts on masked cells. */
export interface CellBounds {
  /** Whether the figure cannot be negative; without it, masked cells are free. */
  readonly nonNegative: boolean;
  /** A lower bound of each cell the attacker also knows (0 where absent); only with `nonNegative`. */
  readonly lower?: readonly number[];
}

/** The least and greatest values the attacker can give a masked cell. */
export interface Interval {
  readonly min: number;
  readonly max: number;
}

const lpNumber = (x: number) => (Math.abs(x) < 1e-12 ? '0' : x.toPrecision(15));

/**
 * The interval an attacker can pin masked cell `target` to: min and max of it subject to what he
 * knows through the masked cells connected to it (`published[i] === null` for a masked cell), the
 * published values fixed. The constraints of other masked cells cannot move it (the true values
 * satisfy them), so they are left out of the program. ±Infinity where unbounded; a program that
 * is neither optimal nor unbounded (knowledge the true values contradict) throws.
 */
export function feasibleInterval(
  highs: Highs,
  target: number,
  known: readonly Known[],
  published: readonly (number | null)[],
  { nonNegative, lower = [] }: CellBounds,
): Interval {
  const masked = (i: number) => published[i] === null;
  const byCell = new Map<number, Known[]>();
  for (const k of known) {
    for (const [c] of k.terms) {
      if (!masked(c)) continue;
      const list = byCell.get(c) ?? [];
      list.push(k);
      byCell.set(c, list);
    }
  }
  const component = new Set([target]);
  const used = new Set<Known>();
  for (const queue = [target]; queue.length > 0;) {
    const cell = queue.pop() as number;
    for (const k of byCell.get(cell) ?? []) {
      used.add(k);
      for (const [c] of k.terms) {
        if (masked(c) && !component.has(c)) {
          component.add(c);
          queue.push(c);
        }
      }
    }
  }
  const constraints = [...used].map((k, n) => {
    let rhs = 0;
    const terms: string[] = [];
    for (const [cell, coefficient] of k.terms) {
      if (masked(cell)) terms.push(`${coefficient > 0 ? '+' : '-'} x${cell}`);
      else rhs -= coefficient * (published[cell] ?? 0);
    }
    return ` c${n}: ${terms.join(' ')} ${k.sense} ${lpNumber(rhs)}`;
  });
  const bounds = [...component].map((c) => (nonNegative ? ` x${c} >= ${lower[c] ?? 0}` : ` x${c} free`));
  const solve = (sense: 'Minimize' | 'Maximize') => {
    const model = `${sense}\n obj: x${target}\nSubject To\n${constraints.join('\n')}\nBounds\n${bounds.join('\n')}\nEnd`;
    const result = highs.solve(model, { output_flag: false });
    if (result.Status === 'Unbounded') return sense === 'Minimize' ? -Infinity : Infinity;
    if (result.Status !== 'Optimal') throw new Error(`LP ${result.Status} for x${target}`);
    return result.ObjectiveValue;
  };
  return { min: solve('Minimize'), max: solve('Maximize') };
}
