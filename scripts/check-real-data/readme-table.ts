/*
 * The README table of real files: one row per input file, in English like the README, with the
 * columns padded as Prettier pads Markdown tables, so that it can be pasted as is.
 */
import { topIssues, type FileCheck } from './file-check.ts';

/** One row of the table. */
export interface TableRow {
  readonly file: string;
  readonly read: string;
  readonly kept: string;
  readonly rejected: string;
  readonly physical: string;
  readonly notes: string;
}

const HEADER: TableRow = {
  file: 'file',
  read: 'read',
  kept: 'kept',
  rejected: 'rejected',
  physical: 'physical lines',
  notes: 'notes',
};
const COLUMNS = Object.keys(HEADER) as (keyof TableRow)[];

const en = (n: number) => n.toLocaleString('en-US');

/** Grants kept without an imported association to attach them to (grants of other départements). */
function unattached(check: FileCheck): string | null {
  if (check.report.kind !== 'grants') return null;
  const count = check.report.summary
    .filter((s) => s.code === 'grant-unmatched')
    .reduce((n, s) => n + s.count, 0);
  return `${en(count)} kept unattached (no matching association in the territory)`;
}

/**
 * Notes of a file: its two most frequent reasons for rejecting rows, then for grants how many are
 * kept unattached, else its most frequent warning.
 */
function notesOf(check: FileCheck, extra: readonly string[]): string {
  const rejected = topIssues(check.report.summary, 'rejet', 2, en);
  const warned = topIssues(check.report.summary, 'avertissement', 1, en);
  return [
    ...extra,
    rejected.length > 0 ? `rejected: ${rejected.join(', ')}` : null,
    unattached(check) ?? (warned.length > 0 ? `warning: ${warned.join(', ')}` : null),
  ]
    .filter((n) => n !== null)
    .join('; ');
}

/** The row of an imported file; `label` is its cell (the file name, and with which territory). */
export function importedRow(check: FileCheck, label: string, extra: readonly string[] = []): TableRow {
  const r = check.report;
  return {
    file: label,
    read: en(r.rowsRead),
    kept: en(r.rowsKept),
    rejected: en(r.rowsRejected),
    physical: check.physical,
    notes: notesOf(check, extra),
  };
}

/** The row of a file that was not imported; `notes` says why. */
export function refusedRow(label: string, notes: string): TableRow {
  return { file: label, read: '—', kept: '—', rejected: '—', physical: '—', notes };
}

/** Markdown cell text: pipes escaped, line breaks flattened. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** The Markdown table, columns padded to their widest cell. */
export function markdownTable(rows: readonly TableRow[]): string {
  const all = [HEADER, ...rows].map((row) => COLUMNS.map((c) => cell(row[c])));
  const widths = COLUMNS.map((_, i) => Math.max(3, ...all.map((cells) => [...(cells[i] ?? '')].length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - [...c].length)).join(' | ')} |`;
  const [header, ...body] = all;
  return [line(header ?? []), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
