import type { MarginEquation } from './suppression.ts';

/*
 * The linear algebra of the secrecy audit (suppression.ts): which masked cells the margin
 * equations determine exactly, and the margins of counts made whole in every period, written as
 * sums with slack cells. Pure arithmetic: no rule of secrecy here.
 */

/** A prime below 2^26.5: products of two residues stay exact in a double. */
const PRIME = 94_906_249;

function mod(a: number): number {
  const r = a % PRIME;
  return r < 0 ? r + PRIME : r;
}

function mulMod(a: number, b: number): number {
  return (a * b) % PRIME;
}

function inverse(a: number): number {
  let [t, newT, r, newR] = [0, 1, PRIME, mod(a)];
  while (newR !== 0) {
    const q = Math.floor(r / newR);
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return mod(t);
}

/**
 * The masked cells that the published ones determine exactly: the unknowns are the cells of
 * `masked` not in `known`, each equation's other cells are known. Gauss–Jordan elimination on the
 * sparse equations; an unknown is determined iff a reduced row holds it alone.
 */
export function determinedCells(
  equations: readonly MarginEquation[],
  masked: ReadonlySet<number>,
  known: ReadonlySet<number> = new Set(),
): Set<number> {
  const unknown = (cell: number) => masked.has(cell) && !known.has(cell);
  const rows: Map<number, number>[] = [];
  const rowsOf = new Map<number, Set<number>>();
  for (const equation of equations) {
    const row = new Map<number, number>();
    const add = (cell: number, coefficient: number) => {
      if (!unknown(cell)) return;
      const value = mod((row.get(cell) ?? 0) + coefficient);
      if (value === 0) row.delete(cell);
      else row.set(cell, value);
    };
    add(equation.total, -1);
    for (const part of equation.parts) add(part, 1);
    if (row.size === 0) continue;
    const index = rows.length;
    rows.push(row);
    for (const cell of row.keys()) {
      let set = rowsOf.get(cell);
      if (!set) rowsOf.set(cell, (set = new Set()));
      set.add(index);
    }
  }
  const pivotRows: number[] = [];
  const done = new Set<number>();
  // Shortest rows first: they pivot with the least fill.
  const order = rows.map((_, i) => i).sort((a, b) => (rows[a]?.size ?? 0) - (rows[b]?.size ?? 0));
  for (const index of order) {
    const row = rows[index];
    if (!row || row.size === 0) continue;
    // The row's column that appears in the fewest rows.
    let pivot = -1;
    let fewest = Infinity;
    for (const cell of row.keys()) {
      if (done.has(cell)) continue;
      const count = rowsOf.get(cell)?.size ?? 0;
      if (count < fewest) [pivot, fewest] = [cell, count];
    }
    if (pivot < 0) continue;
    const scale = inverse(row.get(pivot) ?? 1);
    for (const [cell, value] of row) row.set(cell, mulMod(value, scale));
    for (const other of [...(rowsOf.get(pivot) ?? [])]) {
      if (other === index) continue;
      const target = rows[other];
      if (!target) continue;
      const factor = target.get(pivot) ?? 0;
      if (factor === 0) continue;
      for (const [cell, value] of row) {
        const next = mod((target.get(cell) ?? 0) - mulMod(factor, value));
        if (next === 0) {
          target.delete(cell);
          rowsOf.get(cell)?.delete(other);
        } else {
          if (!target.has(cell)) rowsOf.get(cell)?.add(other);
          target.set(cell, next);
        }
      }
    }
    done.add(pivot);
    pivotRows.push(index);
  }
  const determined = new Set<number>();
  for (const index of pivotRows) {
    const row = rows[index];
    if (row?.size === 1) for (const cell of row.keys()) determined.add(cell);
  }
  return determined;
}

/**
 * A table's margins for values counted whole in every period they overlap: each period margin
 * T ~ q₁ … q_k becomes what is known of it, T ≤ Σ qᵢ and T ≥ qᵢ, written as sums with
 * non-negative slack cells appended after the table's (`a = Σ qᵢ`, `a = T + s₀`, `T = qᵢ + sᵢ`),
 * whose true values are returned with the table's. The slacks are unknown to everyone, masked:
 * the zero oracle finds the bounds that are tight, and the audit then reads them as sums.
 */
export function withPeriodBounds(
  equations: readonly MarginEquation[],
  values: readonly number[],
): { equations: MarginEquation[]; values: number[]; slacks: number[] } {
  const out: MarginEquation[] = [];
  const all = [...values];
  const slacks: number[] = [];
  const slack = (value: number) => {
    const id = all.length;
    all.push(value);
    slacks.push(id);
    return id;
  };
  for (const e of equations) {
    if (e.dimension !== 'period') {
      out.push(e);
      continue;
    }
    const total = values[e.total] ?? 0;
    const sum = e.parts.reduce((s, p) => s + (values[p] ?? 0), 0);
    const a = slack(sum);
    out.push({ total: a, parts: e.parts }, { total: a, parts: [e.total, slack(sum - total)] });
    for (const p of e.parts) out.push({ total: e.total, parts: [p, slack(total - (values[p] ?? 0))] });
  }
  return { equations: out, values: all, slacks };
}
