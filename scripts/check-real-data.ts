/**
 * `npm run check:real-data -- <folder> [--keep] [--no-browser] [--reference <contour file name part>]` — imports
 * every real open-data file of a folder (e.g. the shared samples) with the real `npm run import`,
 * as territories would: each commune outline file with the RNA files whose seats lie mostly in
 * its départements (all of them, with `--allow-empty`, when it has none), the WALDEC
 * nomenclature and every grants file. Files are recognised by their content, not their name.
 *
 * For every file of every report: rows read = kept + rejected, and the report's physical lines
 * against a count made here from the file's bytes; `npm run indicators` must read each dataset
 * written and give one zone per commune. A file refused with a clear message naming it (the
 * département outlines) is reported as such. Ends with the README table of real files, and exits
 * with 1 on any failure. Datasets go to a fresh temporary folder, removed unless `--keep`.
 *
 * Each territory that has its own RNA files is then imported again in the built site (dist/), in
 * Chromium, without exchanges, and checked as a person sees it (see browser-check.ts), unless
 * `--no-browser`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { filesOf, readCorpus, type Corpus } from './check-real-data/corpus.ts';
import { describeCounts, lookAtContours, lookAtRna, type RnaLook } from './check-real-data/departements.ts';
import { readmeRows, referenceRun, sharedDifferences } from './check-real-data/readme-rows.ts';
import { checkInBrowser, mainCommuneOf } from './check-real-data/browser-check.ts';
import { markdownTable } from './check-real-data/readme-table.ts';
import { planTerritories } from './check-real-data/territories.ts';
import { runTerritory, type TerritoryResult } from './check-real-data/territory-run.ts';

const fr = (n: number) => n.toLocaleString('fr-FR');

function commandLine() {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: {
      keep: { type: 'boolean', default: false },
      'no-browser': { type: 'boolean', default: false },
      reference: { type: 'string', default: 'territoire-de-belfort' },
    },
    allowPositionals: true,
  });
  return {
    folder: resolve(positionals[0] ?? '../shared/data'),
    keep: values.keep,
    browser: !values['no-browser'],
    reference: values.reference,
  };
}

function printCorpus(corpus: Corpus): void {
  for (const [kind, files] of corpus.byKind) console.log(`${kind} : ${files.map((f) => f.name).join(', ')}`);
  for (const file of corpus.ignored) console.log(`ignoré (format non reconnu) : ${file.path}`);
}

async function lookAtAllRna(corpus: Corpus): Promise<RnaLook[]> {
  const looks: RnaLook[] = [];
  for (const file of filesOf(corpus, 'associations')) {
    const look = await lookAtRna(file);
    const sample = look.truncated ? ` (sur les ${fr(look.rows)} premières lignes)` : '';
    console.log(`sièges de ${file.name}${sample} : ${describeCounts(look.departements, 5, fr)}`);
    looks.push(look);
  }
  return looks;
}

/** The README table and the shared files' consistency, from the territories' results. */
function printTable(results: readonly TerritoryResult[], fragment: string): void {
  const differences = sharedDifferences(results);
  for (const difference of differences)
    console.log(`à examiner : comptes différents selon le territoire : ${difference}`);
  const reference = referenceRun(results, fragment);
  const from = reference
    ? ` (nomenclature et subventions : import de ${reference.plan.contour.file.name})`
    : '';
  console.log(`\nTableau pour le README${from} :\n`);
  console.log(markdownTable(readmeRows(results, reference)));
}

async function main(): Promise<number> {
  const args = commandLine();
  const corpus = await readCorpus(args.folder);
  printCorpus(corpus);
  const contours = await Promise.all(filesOf(corpus, 'communes').map(lookAtContours));
  const rna = await lookAtAllRna(corpus);
  if (contours.length === 0 || rna.length === 0) {
    console.error(`Erreur : il faut au moins un fichier de contours et un fichier RNA dans ${args.folder}.`);
    return 1;
  }
  const [waldec, ...otherWaldec] = filesOf(corpus, 'waldec');
  for (const file of otherWaldec) console.log(`nomenclature en trop, non utilisée : ${file.name}`);
  for (const kind of ['exchanges', 'offers'] as const)
    for (const file of filesOf(corpus, kind)) console.log(`non vérifié ici (${kind}) : ${file.name}`);
  const plans = planTerritories(contours, rna, waldec ?? null, filesOf(corpus, 'grants'));
  const out = await mkdtemp(join(tmpdir(), 'symbiose-real-data-'));
  try {
    const results: TerritoryResult[] = [];
    const seen: string[] = [];
    for (const [i, plan] of plans.entries()) {
      const slug = plan.contour.file.name
        .replace(/\.[^.]+$/, '')
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-');
      const dataset = join(out, `${i + 1}-${slug}`);
      const result = await runTerritory(plan, dataset);
      // A territory with its own RNA files, imported: opened in the built site as a user would.
      if (args.browser && plan.ownRna && result.outcome.kind === 'imported') {
        const { failures, summary } = await checkInBrowser(plan, await mainCommuneOf(dataset)).catch(
          (error: unknown) => ({
            failures: [
              `${plan.contour.file.name} (navigateur) : ${error instanceof Error ? error.message : String(error)}`,
            ],
            summary: '',
          }),
        );
        if (summary) seen.push(`${plan.contour.file.name} dans le navigateur : ${summary}`);
        results.push({ ...result, failures: [...result.failures, ...failures] });
      } else results.push(result);
    }
    printTable(results, args.reference);
    for (const line of seen) console.log(line);
    const failures = results.flatMap((r) => r.failures);
    if (failures.length === 0) console.log('\nDonnées réelles : tout est importé ou refusé proprement.');
    else console.log(`\n${failures.length} échec(s) :\n${failures.map((f) => `- ${f}`).join('\n')}`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    if (args.keep) console.log(`\nJeux de données gardés dans ${out}`);
    else await rm(out, { recursive: true, force: true });
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(
    `ÉCHEC (plantage de la vérification) : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return 1;
});
