/*
 * Which run gives each row of the README table: each contour file from its own import, each RNA
 * file with its own territory, the nomenclature and each grants file once, from a reference
 * territory (their counts do not depend on the territory: `sharedDifferences` checks it).
 */
import type { InputKind } from '../../src/import/report.ts';
import { importedRow, refusedRow, type TableRow } from './readme-table.ts';
import type { TerritoryResult } from './territory-run.ts';

const en = (n: number) => n.toLocaleString('en-US');
const code = (name: string) => `\`${name}\``;

/** The run the nomenclature and grants rows come from: the one named by `fragment`, else the first with its own RNA. */
export function referenceRun(
  results: readonly TerritoryResult[],
  fragment: string,
): TerritoryResult | undefined {
  const imported = results.filter((r) => r.outcome.kind === 'imported');
  const own = imported.filter((r) => r.plan.ownRna);
  return own.find((r) => r.plan.contour.file.name.includes(fragment)) ?? own[0] ?? imported[0];
}

function contourRow(result: TerritoryResult): TableRow {
  const name = code(result.plan.contour.file.name);
  const { outcome } = result;
  if (outcome.kind === 'refused')
    return refusedRow(
      name,
      `${result.failures.length > 0 ? 'UNEXPECTEDLY ' : ''}refused: « ${outcome.reason} »`,
    );
  if (outcome.kind === 'crashed') return refusedRow(name, 'CRASHED');
  const check = result.checks.find((c) => c.report.kind === 'communes');
  if (!check) return refusedRow(name, 'no report for this file');
  const extra = [`${en(outcome.report.tables['communes'] ?? 0)} communes in the dataset`];
  if (!result.plan.ownRna)
    extra.push('no RNA file of its own: imported with every RNA file and --allow-empty');
  return importedRow(check, name, extra);
}

function rowsOfKind(
  result: TerritoryResult | undefined,
  kind: InputKind,
  label: (file: string) => string,
): TableRow[] {
  return (result?.checks ?? [])
    .filter((c) => c.report.kind === kind)
    .map((c) => importedRow(c, label(c.report.file)));
}

/** Every row of the table, in the README's order: contours, RNA files, nomenclature, grants. */
export function readmeRows(
  results: readonly TerritoryResult[],
  reference: TerritoryResult | undefined,
): TableRow[] {
  const rna = results
    .filter((r) => r.plan.ownRna)
    .flatMap((r) =>
      rowsOfKind(r, 'associations', (file) => `${code(file)} with ${code(r.plan.contour.file.name)}`),
    );
  return [
    ...results.map(contourRow),
    ...rna,
    ...rowsOfKind(reference, 'waldec', code),
    ...rowsOfKind(reference, 'grants', code),
  ];
}

/** Files read by several territories (nomenclature, grants) whose counts differ from one territory to another. */
export function sharedDifferences(results: readonly TerritoryResult[]): string[] {
  const seen = new Map<string, Map<string, string[]>>();
  for (const result of results)
    for (const check of result.checks) {
      if (check.report.kind !== 'waldec' && check.report.kind !== 'grants') continue;
      const r = check.report;
      const counts = `${r.rowsRead} lues, ${r.rowsKept} gardées, ${r.rowsRejected} rejetées, ${r.lines?.physical ?? '—'} lignes`;
      const byCounts = seen.get(r.file) ?? new Map<string, string[]>();
      byCounts.set(counts, [...(byCounts.get(counts) ?? []), result.plan.contour.file.name]);
      seen.set(r.file, byCounts);
    }
  return [...seen]
    .filter(([, byCounts]) => byCounts.size > 1)
    .map(
      ([file, byCounts]) =>
        `${file} : ${[...byCounts].map(([c, t]) => `${c} (${t.join(', ')})`).join(' ≠ ')}`,
    );
}
