/**
 * `npm run check:real-data -- <folder>` — imports every real file of a folder (e.g. the shared
 * open-data samples) with `npm run import`, as a territory would: each commune outline file with
 * every RNA, WALDEC and grants file found (files are recognised by their content, not their name).
 * Fails if an import crashes or if any file's rows read ≠ kept + rejected; a file refused with a
 * clear message (naming it) is reported as such. Prints the counts, and checks that
 * `npm run indicators` reads each dataset written.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

import { classifyFile } from '../src/import/classify.ts';
import type { ImportReport, InputKind } from '../src/import/report.ts';
import { REPORT_FILE } from './import.ts';

function filesUnder(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

const folder = resolve(process.argv[2] ?? '../shared/data');
const byKind = new Map<InputKind, string[]>();
for (const path of filesUnder(folder)) {
  const kind = classifyFile(new Uint8Array(readFileSync(path).subarray(0, 65536)));
  if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), path]);
  else console.log(`ignoré (format non reconnu) : ${path}`);
}
const of = (kind: InputKind) => byKind.get(kind) ?? [];
const options = [
  ...of('associations').flatMap((p) => ['--associations', p]),
  ...of('waldec').flatMap((p) => ['--waldec', p]),
  ...of('grants').flatMap((p) => ['--grants', p]),
];
if (of('communes').length === 0 || of('associations').length === 0) {
  console.error(`Erreur : il faut au moins un fichier de contours et un fichier RNA dans ${folder}.`);
  process.exit(1);
}

const out = mkdtempSync(join(tmpdir(), 'symbiose-real-data-'));
let failures = 0;
for (const communes of of('communes')) {
  const name = basename(communes);
  const target = join(
    out,
    name
      .replace(/\.[^.]+$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-'),
  );
  console.log(`\n== ${name}`);
  const run = spawnSync(
    process.execPath,
    ['scripts/import.ts', '--communes', communes, ...options, '--out', target, '--quiet'],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) {
    const message = run.stderr.trim().split('\n')[0] ?? '';
    if (message.startsWith(`Erreur : ${name}`)) console.log(`refusé, avec un message clair : ${message}`);
    else {
      console.log(`ÉCHEC (plantage) : ${run.stderr.trim()}`);
      failures++;
    }
    continue;
  }
  const report = JSON.parse(readFileSync(join(target, REPORT_FILE), 'utf8')) as ImportReport;
  for (const file of report.files)
    console.log(
      `${file.file} : ${file.rowsRead} lues = ${file.rowsKept} gardées + ${file.rowsRejected} rejetées${file.rowsRead === file.rowsKept + file.rowsRejected ? '' : '  ← CONSERVATION NON RESPECTÉE'}`,
    );
  console.log(
    `jeu de données : ${Object.entries(report.tables)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}`,
  );
  if (!report.conserved) failures++;
  const indicators = spawnSync(
    process.execPath,
    ['scripts/indicators.ts', '--data', target, '--level', 'commune', '--format', 'json'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const zones =
    indicators.status === 0 ? (JSON.parse(indicators.stdout) as { zones: unknown[] }).zones.length : null;
  if (zones !== report.tables['communes']) {
    console.log(`ÉCHEC : npm run indicators sur ${target} : ${indicators.stderr.trim()}`);
    failures++;
  } else console.log(`npm run indicators : ${zones} communes calculées`);
}
console.log(
  failures === 0 ? '\nDonnées réelles : tout est importé ou refusé proprement.' : `\n${failures} échec(s).`,
);
process.exit(failures === 0 ? 0 : 1);
