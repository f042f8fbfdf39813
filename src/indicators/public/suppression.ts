/*
 * Statistical secrecy of the public product (methodology §5, INSEE rules): which cells of a
 * table of additive figures are published, which are masked, and why. Pure: no SQL, no I/O.
 *
 * A table is a list of cells and a list of margin equations `total = Σ parts` (communes of an
 * intercommunalité → the intercommunalité, quarters → the year, families → all families…).
 *
 * Primary masks: a cell built from 1 or 2 associations (frequency rule, INSEE « règle de
 * fréquence »: fewer than 3 units), a cell one association dominates (more than 85 % of a
 * measure, INSEE « règle de dominance »), and for the figures that count people (volunteer
 * hours, beneficiaries) a cell built from fewer than 11 associations — the DGFiP threshold the
 * methodology applies « when they can come from a handful of people ».
 *
 * Secondary masks: a masked cell must not be recoverable from the published cells through the
 * margin equations, alone or combined. The audit is exact linear algebra: with the published
 * cells known, the equations restricted to the masked cells have a row space, and a masked cell
 * is determined iff its unit vector lies in it (Gauss–Jordan elimination over the integers modulo
 * a prime: exact arithmetic, no rounding; a rank that drops modulo the prime only ever makes the
 * audit mask more). While a masked cell is determined, the published cell of smallest value in
 * an equation through it is masked too. Then non-negativity (the attacker knows no figure is
 * below zero): the masked cells that are zero in every table consistent with the published ones
 * are taken as known, and the audit is run again, per measure. Those zeros are exactly where the
 * polyhedron of consistent tables touches the bounds for good, so with them known the equations
 * span its affine hull, and a masked value is pinned by bounds and equations together iff linear
 * algebra pins it. Finding them takes a linear program (`forced-zeros.ts`, given to `maskTable`
 * by the build); without it every masked zero is taken as known, which is more than an attacker
 * can prove, so the audit masks more, never less. (Zeros found only from one equation at a time
 * missed a zero under a masked total with published parts: review of issue 14.)
 */

import { determinedCells, withPeriodBounds } from './margin-algebra.ts';

export { determinedCells, withPeriodBounds };

/** The frequency rule: a cell needs at least this many distinct associations. */
export const FREQUENCY_THRESHOLD = 3;
/** The dominance rule: no association may account for more than this share of a cell's measure. */
export const DOMINANCE_SHARE = 0.85;
/** The stricter threshold for figures that count people (volunteer hours, beneficiaries). */
export const PEOPLE_THRESHOLD = 11;
/** Fewest active associations registered at a seat for it to be shown as a place. */
export const PLACE_THRESHOLD = 3;

/** Why a cell is masked. */
export type MaskReason = 'frequence' | 'dominance' | 'seuil-11' | 'non-renseigne' | 'secondaire';

/**
 * What the product says of a cell: published, secret, or not known (« non renseigné »: figures
 * missing behind its exchanges). The reason of a secret is not published: « frequence » would say
 * a cell rests on one or two associations, « secondaire » which cells hold nothing sensitive.
 */
export type CellStatus = 'publie' | 'secret' | 'non-renseigne';

/** A cell as the secrecy rules read it. */
export interface SecrecyInput {
  /** Distinct associations behind the cell (both ends of its exchanges). */
  readonly associations: number;
  /** Each measure's value (central scenario); null: unknown (« non renseigné »). */
  readonly values: readonly (number | null)[];
  /**
   * Per measure, the magnitudes the dominance rule reads: the cell's total of each non-negative
   * component (the measure itself, or each term of a balance) and the largest contribution of one
   * association to it. A balance is not checked as such: its terms are (INSEE's rule is for
   * magnitudes; a net figure near zero says nothing of who dominates it).
   */
  readonly magnitudes: readonly (readonly Magnitude[])[];
}

/** A non-negative total of a cell and the largest contribution of one association to it. */
export interface Magnitude {
  readonly total: number;
  readonly largest: number;
}

/** A margin equation: cell `total` = Σ cells `parts`. */
export interface MarginEquation {
  readonly total: number;
  readonly parts: readonly number[];
  /** The dimension it adds up along (a period margin of a count may be a bound, see below). */
  readonly dimension?: 'zone' | 'period' | 'family';
}

/** The rules a tier of measures is masked by. */
export interface TierRules {
  /** Fewest distinct associations a published cell may rest on. */
  readonly threshold: number;
  /** Measures (indexes into `values`) checked for dominance and non-negativity. */
  readonly measures: readonly number[];
  /**
   * Values never below zero (indexes into `values`: the measures, and their low and high
   * scenarios when given): the attacker may use it, and the audit checks each.
   */
  readonly nonNegative: readonly number[];
  /**
   * Values counted whole in every period they overlap (counts of exchanges, of beneficiaries): a
   * period's total lies between its largest part and the sum of its parts, bounds the attacker
   * knows too. Their period margins are audited as those bounds, not as sums.
   */
  readonly wholeInEachPeriod?: readonly number[];
  /**
   * Per value index, what the attacker knows each cell is at least from elsewhere (the consented
   * exchanges listed one by one give a count per cell): the audit protects what lies above it.
   */
  readonly lowerBounds?: ReadonlyMap<number, readonly number[]>;
  /** Measure whose value orders the candidates of secondary suppression (smallest first). */
  readonly costMeasure: number;
}

/** The mask of a table: per cell, null when published, else its reason. */
export type Mask = (MaskReason | null)[];

/** True when the cell holds no exchange: a known zero, published as such. */
export function isEmpty(cell: SecrecyInput): boolean {
  return cell.associations === 0;
}

/** The primary reason to mask a cell under `rules`, or null. */
export function primaryReason(cell: SecrecyInput, rules: TierRules): MaskReason | null {
  if (isEmpty(cell)) return null;
  if (cell.associations < FREQUENCY_THRESHOLD) return 'frequence';
  for (const m of rules.measures) {
    if (cell.values[m] === null || cell.values[m] === undefined) return 'non-renseigne';
    for (const { total, largest } of cell.magnitudes[m] ?? []) {
      if (largest > 0 && largest > DOMINANCE_SHARE * total) return 'dominance';
    }
  }
  if (cell.associations < rules.threshold) return 'seuil-11';
  return null;
}

/**
 * The masked cells that are zero in every non-negative table satisfying the equations with the
 * published cells at their values (`values`: the true values of one measure).
 */
export type ZeroOracle = (
  equations: readonly MarginEquation[],
  masked: ReadonlySet<number>,
  values: readonly number[],
  /** What the attacker knows each cell is at least (default 0); « zero » then means « at it ». */
  lower?: readonly number[],
  /**
   * The only cells that may still be proved (default: every masked one). Masking more only ever
   * frees cells, so a cell that could move away from its floor before still can: the audit passes
   * the cells proved last time and those masked since.
   */
  candidates?: ReadonlySet<number>,
) => ReadonlySet<number>;

/** Every masked cell at its lower bound: a superset of those an attacker can prove there. */
export const everyMaskedZero: ZeroOracle = (_equations, masked, values, lower = []) =>
  new Set([...masked].filter((i) => (values[i] ?? 0) === (lower[i] ?? 0)));

/** The equations each cell appears in. */
function equationsByCell(equations: readonly MarginEquation[], cells: number): number[][] {
  const byCell: number[][] = Array.from({ length: cells }, () => []);
  for (const [index, equation] of equations.entries()) {
    for (const cell of [equation.total, ...equation.parts]) byCell[cell]?.push(index);
  }
  return byCell;
}

/** Lexicographic order of candidate keys. */
function before(a: readonly number[], b: readonly number[]): boolean {
  for (const [i, x] of a.entries()) {
    const y = b[i] ?? Infinity;
    if (x !== y) return x < y;
  }
  return false;
}

/**
 * The cell to mask so that masked cell `cell` is no longer determined: in the equation `through`
 * that gives it away, or else in the equations through it (then through the masked cells they
 * reach), the published cell of smallest cost — non-empty (and `wanted`) cells first, another
 * only when nothing else is left; among those, the most detailed first (a cell that is the total
 * of fewer margins: a commune's quarter before the territory's whole period, which readers need
 * most). Null when every cell is masked.
 */
function secondaryCandidate(
  cell: number,
  equations: readonly MarginEquation[],
  byCell: readonly number[][],
  masked: ReadonlySet<number>,
  cost: (cell: number) => number,
  empty: (cell: number) => boolean,
  height: (cell: number) => number,
  options: { readonly through?: number; readonly wanted?: (cell: number) => boolean } = {},
): number | null {
  const wanted = options.wanted ?? (() => true);
  const seen = new Set<number>([cell]);
  let frontier = [cell];
  for (let first = true; frontier.length > 0; first = false) {
    let best: number | null = null;
    let bestKey: [number, number, number] = [Infinity, Infinity, Infinity];
    const next: number[] = [];
    for (const from of frontier) {
      const through = first && options.through !== undefined ? [options.through] : (byCell[from] ?? []);
      for (const e of through) {
        const equation = equations[e];
        if (!equation) continue;
        for (const other of [equation.total, ...equation.parts]) {
          if (masked.has(other)) {
            if (!seen.has(other)) {
              seen.add(other);
              next.push(other);
            }
            continue;
          }
          const key: [number, number, number] = [
            empty(other) || !wanted(other) ? 1 : 0,
            height(other),
            cost(other),
          ];
          if (before(key, bestKey)) {
            best = other;
            bestKey = key;
          }
        }
      }
    }
    if (best !== null) return best;
    frontier = next;
  }
  return null;
}

/**
 * Masks a table under one tier's rules: `forced` cells (masked by another tier) and the primary
 * masks, then secondary masks until no masked cell is determined by the equations, nor, measure
 * by measure, once the zeros that non-negativity proves (`zeros`) are known.
 */
export function maskTable(
  cells: readonly SecrecyInput[],
  equations: readonly MarginEquation[],
  rules: TierRules,
  forced: ReadonlyMap<number, MaskReason> = new Map(),
  zeros: ZeroOracle = everyMaskedZero,
): Mask {
  const mask: Mask = cells.map((cell, i) => forced.get(i) ?? primaryReason(cell, rules));
  const masked = new Set<number>();
  for (const [i, reason] of mask.entries()) if (reason !== null) masked.add(i);
  const byCell = equationsByCell(equations, cells.length);
  const cost = (i: number) => cells[i]?.values[rules.costMeasure] ?? Infinity;
  const empty = (i: number) => (cells[i] ? isEmpty(cells[i]) : true);
  const totals = new Array<number>(cells.length).fill(0);
  for (const e of equations) totals[e.total] = (totals[e.total] ?? 0) + 1;
  const height = (i: number) => totals[i] ?? 0;
  // Per audited vector, what its zero oracle was given and proved last time.
  const previous = new Map<number, { unknown: ReadonlySet<number>; proved: ReadonlySet<number> }>();
  const hide = (candidate: number | null) => {
    if (candidate === null || masked.has(candidate)) return false;
    masked.add(candidate);
    mask[candidate] = 'secondaire';
    return true;
  };
  for (;;) {
    // Cheap pass first: an equation with exactly one masked cell gives it away.
    let widened = true;
    while (widened) {
      widened = false;
      for (const [e, equation] of equations.entries()) {
        const inside = [equation.total, ...equation.parts].filter((c) => masked.has(c));
        if (inside.length !== 1) continue;
        const [only] = inside;
        if (only === undefined) continue;
        const candidate = secondaryCandidate(only, equations, byCell, masked, cost, empty, height, {
          through: e,
        });
        if (hide(candidate)) widened = true;
      }
    }
    let added = false;
    for (const cell of determinedCells(equations, masked)) {
      if (hide(secondaryCandidate(cell, equations, byCell, masked, cost, empty, height))) added = true;
    }
    if (added) continue;
    // Non-negativity: zeros an attacker can prove, then what they determine.
    const bounded = new Set(rules.wholeInEachPeriod ?? []);
    for (const m of rules.nonNegative) {
      const values = cells.map((c) => c.values[m] ?? 0);
      const system = bounded.has(m)
        ? withPeriodBounds(equations, values)
        : { equations, values, slacks: [] as number[] };
      const unknown = system.slacks.length > 0 ? new Set([...masked, ...system.slacks]) : masked;
      const lower = rules.lowerBounds?.get(m) ?? [];
      const last = previous.get(m);
      const candidates =
        last && new Set([...last.proved, ...[...unknown].filter((c) => !last.unknown.has(c))]);
      const proved = zeros(system.equations, unknown, system.values, lower, candidates);
      previous.set(m, { unknown: new Set(unknown), proved });
      if (proved.size === 0) continue;
      for (const cell of determinedCells(system.equations, unknown, proved)) {
        // A cell pinned at what the attacker knew anyway gives nothing away.
        if (cell >= cells.length || (values[cell] ?? 0) === (lower[cell] ?? 0)) continue;
        const positive = (i: number) => (values[i] ?? 0) > 0;
        const candidate = secondaryCandidate(cell, equations, byCell, masked, cost, empty, height, {
          wanted: positive,
        });
        if (hide(candidate)) added = true;
      }
    }
    if (!added) return mask;
  }
}

/** The status of a cell from its mask. */
export function statusOf(reason: MaskReason | null): CellStatus {
  if (reason === null) return 'publie';
  return reason === 'non-renseigne' ? 'non-renseigne' : 'secret';
}
