/*
 * One territory imported and checked: the plan said aloud, `npm run import`, every file of its
 * report checked, then `npm run indicators` on the dataset written (one zone per commune).
 */
import { relative } from 'node:path';

import type { ImportReport } from '../../src/import/report.ts';
import { describeCounts, isCommuneOutline, seatsInside } from './departements.ts';
import { checkFile, type FileCheck } from './file-check.ts';
import { runImport, runIndicators, type ImportOutcome } from './run.ts';
import { importOptions, inputsByName, type TerritoryPlan } from './territories.ts';

/** A territory's import, checked. */
export interface TerritoryResult {
  readonly plan: TerritoryPlan;
  readonly outcome: ImportOutcome;
  /** Its files checked (when imported). */
  readonly checks: readonly FileCheck[];
  readonly failures: readonly string[];
}

const fr = (n: number) => n.toLocaleString('fr-FR');

/** How the plan's RNA files were chosen, in a sentence. */
function rnaSentence(plan: TerritoryPlan): string {
  const { contour } = plan;
  const names = plan.rna.map((r) => r.file.name).join(', ');
  if (!isCommuneOutline(contour))
    return `contours qui ne sont pas des communes (${fr(contour.communes)} code(s) commune sur ${fr(contour.features)} entités) : refus attendu ; importés avec tous les fichiers RNA (${names})`;
  if (!plan.ownRna)
    return `aucun fichier RNA de son département (${[...contour.departements.keys()].join(', ')}) : importé avec tous les fichiers RNA (${names}) et --allow-empty`;
  return plan.rna
    .map(
      (r) =>
        `RNA : ${r.file.name} (sièges dans le territoire : ${fr(seatsInside(r, contour))} sur ${fr(r.seated)})`,
    )
    .join('\n');
}

/** The command, as a person would type it from the repository. */
function commandLine(options: readonly string[], out: string): string {
  const shown = options.map((o) => (o.startsWith('--') ? o : JSON.stringify(relative(process.cwd(), o))));
  return `npm run import -- ${shown.join(' ')} --out ${out}`;
}

/** Checks every file of a report, the report's own verdict, and `npm run indicators` on the dataset. */
async function checkImported(plan: TerritoryPlan, report: ImportReport, out: string) {
  const inputs = inputsByName(plan);
  const checks: FileCheck[] = [];
  const failures: string[] = [];
  for (const file of report.files) {
    const check = await checkFile(file, inputs.get(file.file));
    console.log(`  ${check.line}`);
    if (check.notes) console.log(`      ${check.notes}`);
    checks.push(check);
    failures.push(...check.failures);
  }
  const tables = Object.entries(report.tables).map(([t, n]) => `${t} ${fr(n)}`);
  console.log(`  jeu de données : ${tables.join(', ')}`);
  if (!report.conserved) failures.push(`${plan.contour.file.name} : rapport « conserved: false »`);
  const indicators = runIndicators(out);
  const communes = report.tables['communes'];
  if ('error' in indicators) failures.push(`npm run indicators -- --data ${out} : ${indicators.error}`);
  else if (indicators.zones !== communes)
    failures.push(
      `npm run indicators : ${fr(indicators.zones)} zones pour ${communes ?? '?'} communes dans le jeu de données`,
    );
  else
    console.log(
      `  npm run indicators : ${fr(indicators.zones)} communes calculées, une par commune du jeu de données`,
    );
  return { checks, failures };
}

/** Imports one territory into `out` (a path that does not exist yet) and checks it. */
export async function runTerritory(plan: TerritoryPlan, out: string): Promise<TerritoryResult> {
  const { contour } = plan;
  console.log(
    `\n== ${contour.file.name} (${fr(contour.features)} entités ; départements : ${describeCounts(contour.departements, 4, fr) || 'aucun'})`,
  );
  console.log(rnaSentence(plan));
  const options = importOptions(plan);
  console.log(commandLine(options, out));
  const outcome = runImport(options, out, [...inputsByName(plan).keys()]);
  const communeOutline = isCommuneOutline(contour);
  if (outcome.kind === 'crashed') {
    console.log(`ÉCHEC (plantage, ${outcome.seconds.toFixed(1)} s) :\n${outcome.output}`);
    return { plan, outcome, checks: [], failures: [`${contour.file.name} : npm run import a planté`] };
  }
  if (outcome.kind === 'refused') {
    const expected = !communeOutline && outcome.file === contour.file.name;
    console.log(
      `${expected ? 'refusé, avec un message clair' : 'ÉCHEC : refus inattendu'} : ${outcome.message}`,
    );
    const failures = expected ? [] : [`${contour.file.name} : refus inattendu de ${outcome.file}`];
    return { plan, outcome, checks: [], failures };
  }
  console.log(`importé en ${outcome.seconds.toFixed(1)} s`);
  const { checks, failures } = await checkImported(plan, outcome.report, out);
  if (!communeOutline)
    failures.push(`${contour.file.name} : des contours qui ne sont pas des communes ont été importés`);
  return { plan, outcome, checks, failures };
}
