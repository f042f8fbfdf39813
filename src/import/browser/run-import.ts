import type { ImportRequest, ImportResponse } from './import-protocol.ts';

export type ImportDone = Extract<ImportResponse, { type: 'done' }>;

/**
 * Runs the importer in a Web Worker (the page stays responsive while a large RNA file is read)
 * and resolves with its answer; `onProgress` hears each step. The worker ends with the import.
 */
export function runImport(
  request: ImportRequest,
  onProgress: (step: string, done: number, total: number) => void,
): Promise<ImportDone> {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ImportDone>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ImportResponse>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress(message.step, message.done, message.total);
      else {
        worker.terminate();
        if (message.type === 'done') resolve(message);
        else reject(new Error(message.message));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`import impossible : ${event.message || 'le module d’import n’a pas démarré'}`));
    };
    // Files go as `File` objects (cloned handles, not bytes): the worker reads them itself.
    worker.postMessage(request);
  });
}
