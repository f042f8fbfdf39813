/*
 * Which files each territory is imported with: its commune outlines, the RNA files whose seats
 * lie mostly in its départements, the WALDEC nomenclature and every grants file (grants of other
 * départements stay unattached). A territory with no RNA file of its own is imported with all of
 * them and `--allow-empty`: an RNA file of which no row is kept is otherwise a fatal error.
 */
import type { CorpusFile } from './corpus.ts';
import { isCommuneOutline, seatsInside, type ContourLook, type RnaLook } from './departements.ts';

/** One `npm run import` to make. */
export interface TerritoryPlan {
  readonly contour: ContourLook;
  readonly rna: readonly RnaLook[];
  /** True when `rna` are the territory's own files; false when it has none and gets them all. */
  readonly ownRna: boolean;
  readonly waldec: CorpusFile | null;
  readonly grants: readonly CorpusFile[];
}

/** Whether most of an RNA file's seats lie in the contour file's départements. */
export function belongsTo(rna: RnaLook, contour: ContourLook): boolean {
  return rna.seated > 0 && seatsInside(rna, contour) * 2 > rna.seated;
}

/** One plan per contour file, in the folder's order. */
export function planTerritories(
  contours: readonly ContourLook[],
  rna: readonly RnaLook[],
  waldec: CorpusFile | null,
  grants: readonly CorpusFile[],
): TerritoryPlan[] {
  return contours.map((contour) => {
    const own = isCommuneOutline(contour) ? rna.filter((r) => belongsTo(r, contour)) : [];
    return { contour, rna: own.length > 0 ? own : rna, ownRna: own.length > 0, waldec, grants };
  });
}

/** The `npm run import` options of a plan (without `--out`). */
export function importOptions(plan: TerritoryPlan): string[] {
  return [
    '--communes',
    plan.contour.file.path,
    ...plan.rna.flatMap((r) => ['--associations', r.file.path]),
    ...(plan.waldec ? ['--waldec', plan.waldec.path] : []),
    ...plan.grants.flatMap((g) => ['--grants', g.path]),
    ...(plan.ownRna ? [] : ['--allow-empty']),
    '--quiet',
  ];
}

/** Every input file of a plan, by the name the import report gives it. */
export function inputsByName(plan: TerritoryPlan): ReadonlyMap<string, CorpusFile> {
  const files = [
    plan.contour.file,
    ...plan.rna.map((r) => r.file),
    ...(plan.waldec ? [plan.waldec] : []),
    ...plan.grants,
  ];
  return new Map(files.map((f) => [f.name, f]));
}
