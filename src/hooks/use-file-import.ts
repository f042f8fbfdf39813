import { useCallback } from 'react';

import type { BrowserSession } from '../data/browser-session.ts';
import { appendImportedRows, loadedAssociations, loadImportedDataset } from '../data/imported-data.ts';
import { manifestAfterAddition } from '../data/open-saved-territory.ts';
import { snapshotFiles, territoryId } from '../data/saved-territory.ts';
import { classifySource } from '../import/classify.ts';
import { sourceFromBlob } from '../import/source.ts';
import { surveyFileName } from '../import/survey-file-name.ts';
import type { UserFile } from '../import/browser/import-protocol.ts';
import { runImport } from '../import/browser/run-import.ts';
import { forgetMapDrawn } from '../state/engine.ts';
import { $import, addChosenFiles, importMode, setImportRun } from '../state/import.ts';
import { replaceSession, setSession } from './session-store.ts';
import { keepAddition, keepImportedTerritory } from './use-saved-territory.ts';

const COG_URL = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}cog/cog.json`;

/** Recognises dropped or picked files from their content and adds them to the dialog. */
export async function chooseFiles(files: readonly File[]): Promise<void> {
  const recognised = await Promise.all(
    files.map(async (file) => ({ file, kind: await classifySource(sourceFromBlob(file.name, file)) })),
  );
  addChosenFiles(recognised);
}

/**
 * Runs the import of the chosen files against the page's session: a new territory replaces the
 * dataset (tables, outlines, manifest), additions are appended to its tables; the page then
 * shows the new data (a new session generation) and the dialog the report. A new territory, and
 * rows added to it, are kept in this browser (see `use-saved-territory.ts`).
 */
export function useFileImport(session: BrowserSession | null): () => Promise<void> {
  return useCallback(async () => {
    const { files } = $import.get();
    const mode = importMode(files);
    if (!session || !mode) return;
    try {
      setImportRun({ status: 'running', step: files[0]?.file.name ?? '', progress: 0 });
      const userFiles: UserFile[] = files.map(({ file, kind }) => ({
        name: file.name,
        file,
        kind: kind ?? 'grants',
      }));
      const onProgress = (step: string, done: number, total: number) =>
        setImportRun({ status: 'running', step, progress: total > 0 ? done / total : 0 });
      const done =
        mode === 'territoire'
          ? await runImport({ mode, files: userFiles, cogUrl: COG_URL }, onProgress)
          : await runImport(
              {
                mode,
                files: userFiles,
                cogUrl: COG_URL,
                associations: await loadedAssociations(session.runner),
              },
              onProgress,
            );
      // Loading hands the buffers to DuckDB: the copy kept in the browser is taken before.
      if (done.mode === 'territoire') {
        const kept = snapshotFiles(done.files);
        const { manifest, outlines } = await loadImportedDataset(session.runner, done.files);
        replaceSession(session, {
          manifest,
          outlines,
          dataset: { kind: 'local', id: await territoryId(kept) },
        });
        void keepImportedTerritory(kept);
      } else {
        // The files the user gave: a template's associations sheet has its own report entry.
        const names = done.report.files.map((f) => f.file);
        const sources = names.filter((n) => !names.some((o) => o !== n && surveyFileName(o) === n));
        const next = manifestAfterAddition(session.manifest, [...done.files.keys()], sources);
        const kept = session.dataset.kind === 'local' ? snapshotFiles(done.files) : null;
        await appendImportedRows(session.runner, done.files, next.mode);
        forgetMapDrawn();
        setSession({ ...session, manifest: next.manifest, generation: session.generation + 1 });
        // Rows added to the demo stay in the page; added to a stored territory, they are kept too.
        if (session.dataset.kind === 'local' && kept)
          void keepAddition(session.dataset.id, { tables: kept, sources });
      }
      setImportRun({ status: 'done', mode: done.mode, report: done.report, rejected: done.rejected });
    } catch (error) {
      setImportRun({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, [session]);
}
