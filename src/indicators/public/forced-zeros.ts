import loadHighs from 'highs';

import { everyMaskedZero, type MarginEquation, type ZeroOracle } from './suppression.ts';

/*
 * The zeros an attacker can prove (issue 14): the masked cells that are zero in every table
 * consistent with the published cells, the margins and non-negativity. These are exactly the
 * coordinates the polyhedron {margins hold, every cell ≥ 0} keeps at zero, so the published
 * figures, the margins and these zeros span the same affine hull as the polyhedron: a masked
 * value is pinned by the attacker's linear programs iff linear algebra pins it once these zeros
 * are known (suppression.ts `determinedCells`). Found with HiGHS, the solver the tests attack
 * the product with. Build time only: the site never loads it.
 */

/**
 * The scale the margins may be multiplied by (see below): a masked zero proved free must reach
 * 0.5 / SCALE = 5e-7 in some consistent table, below which it is taken as zero (more known zeros
 * only ever make the audit mask more).
 */
const SCALE = 1e6;
/** A candidate reaching this share of 1 in a solution can rise. */
const RISES = 0.5;

/** The equations the true values satisfy (time margins of overlapping exchanges may not). */
function satisfied(equations: readonly MarginEquation[], values: readonly number[]): MarginEquation[] {
  return equations.filter((e) => {
    const total = values[e.total] ?? 0;
    const sum = e.parts.reduce((s, p) => s + (values[p] ?? 0), 0);
    return Math.abs(total - sum) <= 1e-7 * (1 + Math.abs(total));
  });
}

/**
 * A row's constant as the solver reads it: rounded to 10 significant digits of the largest term
 * it was computed from, so that the rounding noise of dependent margins (1234.5700000000070 and
 * 1234.5699999999999 for the same sum) does not make them contradict each other once multiplied
 * by λ.
 */
function lpConstant(x: number, magnitude: number): string {
  if (magnitude === 0) return '0';
  const step = 10 ** (Math.floor(Math.log10(magnitude)) - 9);
  const rounded = Math.round(x / step) * step;
  return rounded === 0 ? '0' : rounded.toPrecision(12);
}

/**
 * Loads the solver once; the oracle it returns is synchronous. One linear program finds them all
 * (the classic homogenisation for implicit equalities): with the margins' constants multiplied by
 * a free λ ≥ 1 (A·x = λ·b), consistent tables form a cone, so a table where one masked zero is
 * positive can be scaled until it is ≥ 1, and the sum of such tables for every zero that can rise
 * is one table where each is ≥ 1. Maximising Σ min(x_j, 1) over the candidates therefore sets
 * t_j = 1 for every zero that can rise and 0 for the others. λ is capped (SCALE) for the solver's
 * sake: when the cap binds, a zero left at 0 for want of room is tried again with the others left,
 * until a round frees none.
 */
export async function loadForcedZeros(): Promise<ZeroOracle> {
  const highs = await loadHighs();
  return (equations, masked, values, lower = [], candidates) => {
    const rows: string[] = [];
    const inRows = new Set<number>();
    for (const e of satisfied(equations, values)) {
      let rhs = 0;
      let magnitude = 0;
      const terms: string[] = [];
      const term = (cell: number, sign: 1 | -1) => {
        if (masked.has(cell)) {
          terms.push(`${sign > 0 ? '+' : '-'} x${cell}`);
          inRows.add(cell);
        } else {
          rhs -= sign * (values[cell] ?? 0);
          magnitude = Math.max(magnitude, Math.abs(values[cell] ?? 0));
        }
      };
      term(e.total, -1);
      for (const p of e.parts) term(p, 1);
      if (terms.length === 0) continue;
      const constant = lpConstant(rhs, magnitude);
      rows.push(
        `${terms.join(' ')}${constant === '0' ? '' : ` ${constant.startsWith('-') ? '+' : '-'} ${constant.replace(/^-/, '')} lambda`} = 0`,
      );
    }
    // A masked cell in no equation can take any value: only those the margins hold are candidates.
    // With a lower bound L (x ≥ L, homogenised as x ≥ λ·L), « zero » is « at L ».
    const floor = (c: number) => lower[c] ?? 0;
    const open = new Set(
      [...inRows].filter((c) => (values[c] ?? 0) === floor(c) && (!candidates || candidates.has(c))),
    );
    const floors = [...inRows].filter((c) => floor(c) > 0);
    const slackOf = (c: number) =>
      floor(c) > 0 ? ` - x${c} + ${lpConstant(floor(c), floor(c))} lambda` : ` - x${c}`;
    while (open.size > 0) {
      const candidates = [...open];
      const model = [
        'Maximize',
        ` obj: ${candidates.map((c) => `t${c}`).join(' + ')}`,
        'Subject To',
        ...rows.map((row, k) => ` e${k}: ${row}`),
        ...floors.map((c) => ` f${c}: x${c} - ${lpConstant(floor(c), floor(c))} lambda >= 0`),
        ...candidates.map((c) => ` r${c}: t${c}${slackOf(c)} <= 0`),
        'Bounds',
        ` 1 <= lambda <= ${SCALE}`,
        ...candidates.map((c) => ` 0 <= t${c} <= 1`),
        'End',
      ].join('\n');
      // Presolve can read dependent margins' last-digit differences as a contradiction: then the
      // program is solved again without it (slower: seconds instead of tens of milliseconds).
      let result = highs.solve(model, { output_flag: false });
      if (result.Status !== 'Optimal') result = highs.solve(model, { output_flag: false, presolve: 'off' });
      // A program the solver cannot finish: every masked zero is taken as known (safe: more known
      // zeros only ever make the audit mask more).
      if (result.Status !== 'Optimal') return everyMaskedZero(equations, masked, values, lower);
      let rose = false;
      for (const c of candidates) {
        if ((result.Columns[`t${c}`]?.Primal ?? 0) >= RISES) {
          open.delete(c);
          rose = true;
        }
      }
      // λ below its cap: the cap did not bind, so this was the uncapped optimum and every zero that
      // can rise has risen.
      if (!rose || (result.Columns['lambda']?.Primal ?? SCALE) < SCALE * 0.99) break;
    }
    return open;
  };
}
