/// <reference lib="webworker" />
/**
 * The in-page importer, off the main thread: the same code as `npm run import`, fed with the
 * user's files (read from disk by the worker, never sent anywhere) and the compact COG served
 * with the site.
 */
import { toArrowStreamBytes } from '../../data/arrow-tables.ts';
import { EXCHANGES_TABLE, GRANTS_TABLE, OFFERS_TABLE, SURVEYS_TABLE } from '../../data/schema/index.ts';
import type { Cog } from '../cog.ts';
import { cogFromData, type CogData } from '../cog-data.ts';
import { importAdditions, importDataset } from '../import-dataset.ts';
import { MemorySink } from '../memory-sink.ts';
import { ImportError } from '../report.ts';
import { sourceFromBlob } from '../source.ts';
import type { ImportRequest, ImportResponse, UserFile } from './import-protocol.ts';
import { packDataset } from './pack-dataset.ts';

declare const self: DedicatedWorkerGlobalScope;

let cog: Promise<Cog> | null = null;
function loadCog(url: string): Promise<Cog> {
  cog ??= fetch(url)
    .then((response) => {
      if (!response.ok) throw new Error(`${url} : réponse HTTP ${response.status}`);
      return response.json() as Promise<CogData>;
    })
    .then(cogFromData);
  cog.catch(() => {
    cog = null;
  });
  return cog;
}

const post = (message: ImportResponse, transfer: Transferable[] = []) => self.postMessage(message, transfer);
const sources = (files: readonly UserFile[], kind: UserFile['kind']) =>
  files.filter((f) => f.kind === kind).map((f) => sourceFromBlob(f.name, f.file));
const onProgress = (step: string, done: number, total: number) =>
  post({ type: 'progress', step, done, total });

async function run(request: ImportRequest): Promise<void> {
  post({ type: 'progress', step: 'code officiel géographique', done: 0, total: 1 });
  const code = await loadCog(request.cogUrl);
  const { files } = request;
  const sink = new MemorySink();
  if (request.mode === 'territoire') {
    const communes = sources(files, 'communes');
    if (communes.length !== 1 || !communes[0])
      throw new ImportError(
        'import',
        `un seul fichier de contours de communes attendu, ${communes.length} reçu(s)`,
      );
    const dataset = await importDataset(
      {
        communes: communes[0],
        associations: sources(files, 'associations'),
        grants: sources(files, 'grants'),
        exchanges: sources(files, 'exchanges'),
        offers: sources(files, 'offers')[0],
        waldec: sources(files, 'waldec')[0],
      },
      code,
      { id: 'import', onProgress },
      sink,
    );
    const packed = await packDataset(dataset, sink);
    post(
      { type: 'done', mode: 'territoire', report: dataset.report, files: packed, rejected: sink.rejected },
      [...[...packed.values()].map((b) => b.buffer as ArrayBuffer)],
    );
    return;
  }
  const report = await importAdditions(
    {
      grants: sources(files, 'grants'),
      exchanges: sources(files, 'exchanges'),
      offers: sources(files, 'offers')[0],
    },
    code,
    request.associations,
    sink,
  );
  const tables = new Map<string, Uint8Array>();
  const { subventions, echanges, offres_besoins: offres, enquetes } = sink.tables;
  if (subventions.length > 0) tables.set(GRANTS_TABLE.name, toArrowStreamBytes(GRANTS_TABLE, subventions));
  if (echanges.length > 0) tables.set(EXCHANGES_TABLE.name, toArrowStreamBytes(EXCHANGES_TABLE, echanges));
  if (offres.length > 0) tables.set(OFFERS_TABLE.name, toArrowStreamBytes(OFFERS_TABLE, offres));
  // Associations asked, from the « Associations » sheet of a filled collection template.
  if (enquetes.length > 0) tables.set(SURVEYS_TABLE.name, toArrowStreamBytes(SURVEYS_TABLE, enquetes));
  post({ type: 'done', mode: 'ajout', report, files: tables, rejected: sink.rejected }, [
    ...[...tables.values()].map((b) => b.buffer as ArrayBuffer),
  ]);
}

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  run(event.data).catch((error: unknown) =>
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
};
