import { atom } from 'nanostores';

import type { ImportReport, InputKind } from '../import/report.ts';

/** A file the user gave, with what it was recognised as (null: not recognised; the user may set it). */
export interface ChosenFile {
  readonly id: number;
  readonly file: File;
  readonly kind: InputKind | null;
}

/**
 * The in-page import: the dialog, the files chosen, then the run and its report. Kept outside
 * the components because the page is rebuilt around the new data when an import succeeds.
 */
export interface ImportState {
  readonly open: boolean;
  readonly files: readonly ChosenFile[];
  readonly run:
    | { readonly status: 'idle' }
    | { readonly status: 'running'; readonly step: string; readonly progress: number }
    | {
        readonly status: 'done';
        readonly mode: 'territoire' | 'ajout';
        readonly report: ImportReport;
        /** Rejected rows as CSV, by file name, to download, fix and import again. */
        readonly rejected: ReadonlyMap<string, string>;
      }
    | { readonly status: 'error'; readonly message: string };
}

export const $import = atom<ImportState>({ open: false, files: [], run: { status: 'idle' } });

export function openImport(open: boolean): void {
  $import.set({ ...$import.get(), open });
}

let nextId = 1;
export function addChosenFiles(files: readonly { file: File; kind: InputKind | null }[]): void {
  const state = $import.get();
  const fresh = state.run.status === 'done' || state.run.status === 'error';
  $import.set({
    open: true,
    files: [...(fresh ? [] : state.files), ...files.map((f) => ({ id: nextId++, ...f }))],
    run: fresh ? { status: 'idle' } : state.run,
  });
}

export function setChosenKind(id: number, kind: InputKind | null): void {
  const state = $import.get();
  $import.set({ ...state, files: state.files.map((f) => (f.id === id ? { ...f, kind } : f)) });
}

export function removeChosenFile(id: number): void {
  const state = $import.get();
  $import.set({ ...state, files: state.files.filter((f) => f.id !== id) });
}

export function setImportRun(run: ImportState['run']): void {
  $import.set({ ...$import.get(), run });
}

export function resetImport(): void {
  $import.set({ open: true, files: [], run: { status: 'idle' } });
}

/** What the chosen files make: a new territory, additions to the loaded dataset, or not enough. */
export function importMode(files: readonly ChosenFile[]): 'territoire' | 'ajout' | null {
  const kinds = files.map((f) => f.kind);
  if (kinds.includes(null) || kinds.length === 0) return null;
  if (kinds.includes('communes') && kinds.includes('associations')) return 'territoire';
  if (kinds.every((k) => k === 'grants' || k === 'exchanges' || k === 'offers')) return 'ajout';
  return null;
}
