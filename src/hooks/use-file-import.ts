import { useCallback } from 'react';

import type { BrowserSession } from '../data/browser-session.ts';
import { coverageMode } from '../data/coverage.ts';
import { appendImportedRows, loadedAssociations, loadImportedDataset } from '../data/imported-data.ts';
import { classifySource } from '../import/classify.ts';
import { sourceFromBlob } from '../import/source.ts';
import type { UserFile } from '../import/browser/import-protocol.ts';
import { runImport } from '../import/browser/run-import.ts';
import { setMapDrawn } from '../state/engine.ts';
import { $import, addChosenFiles, importMode, setImportRun } from '../state/import.ts';
import { setSession } from './session-store.ts';
import { startNewTerritory } from '../state/view.ts';

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
 * shows the new data (a new session generation) and the dialog the report.
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
      if (done.mode === 'territoire') {
        const { manifest, outlines } = await loadImportedDataset(session.runner, done.files);
        startNewTerritory();
        setMapDrawn(null);
        setSession({ runner: session.runner, manifest, outlines, generation: session.generation + 1 });
      } else {
        // Exchanges added to a dataset without any make their associations covered.
        const before = coverageMode(session.manifest);
        const mode = before === 'aucune' && done.files.has('echanges') ? 'echanges' : before;
        await appendImportedRows(session.runner, done.files, mode);
        const added = done.report.files.map((f) => ({ name: f.file, licence: '', url: null }));
        const coverage =
          mode === before
            ? session.manifest.coverage
            : { mode, description: `Échanges ajoutés : ${added.map((a) => a.name).join(', ')}.` };
        setMapDrawn(null);
        setSession({
          ...session,
          manifest: {
            ...session.manifest,
            ...(coverage ? { coverage } : {}),
            sources: [...session.manifest.sources, ...added],
          },
          generation: session.generation + 1,
        });
      }
      setImportRun({ status: 'done', mode: done.mode, report: done.report, rejected: done.rejected });
    } catch (error) {
      setImportRun({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, [session]);
}
