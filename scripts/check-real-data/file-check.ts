/*
 * One imported file's outcome, checked: rows read = kept + rejected and lines add up
 * (`conservationProblem`, the report's own rule, applied again here), and the report's count of
 * physical lines against a count made here from the file's bytes. Gives the terminal line and
 * the figures of the README table.
 */
import { conservationProblem, type FileReport, type IssueSummary } from '../../src/import/report.ts';
import type { CorpusFile } from './corpus.ts';
import { countPhysicalLines } from './physical-lines.ts';

/** A file checked: its line in the terminal, its notes, what failed, and its lines for the table. */
export interface FileCheck {
  readonly report: FileReport;
  readonly line: string;
  readonly notes: string | null;
  readonly failures: readonly string[];
  /** « 4,641 », « 176 sheet rows (SheetJS) » or « — » (GeoJSON). */
  readonly physical: string;
}

const fr = (n: number) => n.toLocaleString('fr-FR');
const en = (n: number) => n.toLocaleString('en-US');

/**
 * The most frequent issues of one severity, by code and column, as « code (column) ×count »:
 * « outside-territory (adrs_codeinsee) ×118 ». A row rejected for two reasons counts in both.
 */
export function topIssues(
  summary: readonly IssueSummary[],
  severity: IssueSummary['severity'],
  count: number,
  format: (n: number) => string,
): string[] {
  return summary
    .filter((s) => s.severity === severity)
    .sort((a, b) => b.count - a.count)
    .slice(0, count)
    .map((s) => `${s.code}${s.field ? ` (${s.field})` : ''} ×${format(s.count)}`);
}

/** « 4 641 lignes = 1 d’en-tête + 0 de titre + 0 vides + 4 640 d’enregistrements (dont 841 retours à la ligne dans des champs) ». */
function linesSentence(report: FileReport): string {
  const l = report.lines;
  if (!l) return report.format;
  const wrapped = l.recordLines - l.records;
  return (
    `${fr(l.physical)} ${l.unit} = ${fr(l.header)} d’en-tête + ${fr(l.title)} de titre + ${fr(l.blank)} vides + ` +
    `${fr(l.recordLines)} d’enregistrements${wrapped > 0 ? ` (dont ${fr(wrapped)} retours à la ligne dans des champs)` : ''}`
  );
}

/** The recount of a file's physical lines: a phrase for the terminal, a failure, and the table's figure. */
async function recount(report: FileReport, input: CorpusFile | undefined) {
  if (report.kind === 'communes') return { phrase: null, failure: null, physical: '—' };
  if (!input)
    return {
      phrase: null,
      failure: `${report.file} : fichier d’entrée introuvable pour le recompte`,
      physical: '?',
    };
  const count = await countPhysicalLines(input.path);
  const physical = report.lines?.physical;
  if (count.kind === 'spreadsheet')
    return {
      phrase: 'tableur : lignes comptées par SheetJS',
      failure: null,
      physical: physical === undefined ? '—' : `${en(physical)} sheet rows (SheetJS)`,
    };
  if (count.kind === 'other')
    return { phrase: null, failure: `${report.file} : ${count.what}`, physical: '?' };
  if (physical === undefined)
    return {
      phrase: null,
      failure: `${report.file} : le rapport ne compte pas les lignes du fichier`,
      physical: '?',
    };
  if (physical !== count.lines)
    return {
      phrase: `recompté : ${fr(count.lines)} ✗`,
      failure: `${report.file} : ${fr(physical)} lignes physiques dans le rapport, ${fr(count.lines)} recomptées dans le fichier`,
      physical: `${en(physical)} (recount: ${en(count.lines)})`,
    };
  return { phrase: `recompté : ${fr(count.lines)} ✓`, failure: null, physical: en(physical) };
}

/** Checks one file of an import report (see the module comment). */
export async function checkFile(report: FileReport, input: CorpusFile | undefined): Promise<FileCheck> {
  const counted = await recount(report, input);
  const conservation = conservationProblem(report);
  const rejections = topIssues(report.summary, 'rejet', 2, fr);
  const parts = [
    `${report.file} : ${fr(report.rowsRead)} lues = ${fr(report.rowsKept)} gardées + ${fr(report.rowsRejected)} rejetées`,
    linesSentence(report),
    counted.phrase,
    rejections.length > 0 ? `rejets : ${rejections.join(', ')}` : null,
    conservation ? `CONSERVATION NON RESPECTÉE : ${conservation}` : null,
  ];
  const notes = Object.entries(report.notes).map(([note, n]) => `${note} : ${fr(n)}`);
  return {
    report,
    line: parts.filter((p) => p !== null).join(' ; '),
    notes: notes.length > 0 ? notes.join(' ; ') : null,
    failures: [counted.failure, conservation ? `${report.file} : ${conservation}` : null].filter(
      (f) => f !== null,
    ),
    physical: counted.physical,
  };
}
