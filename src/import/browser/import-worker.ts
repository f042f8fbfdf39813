/// <reference lib="webworker" />
/**
 * The in-page importer, off the main thread: the same code as `npm run import`, fed with the
 * user's files (never sent anywhere) and the compact COG served with the site.
 */
import { EXCHANGES_TABLE, GRANTS_TABLE, OFFERS_TABLE } from '../../data/schema/index.ts';
import type { Cog } from '../cog.ts';
import { cogFromData, type CogData } from '../cog-data.ts';
import { importAdditions, importDataset } from '../import-dataset.ts';
import { ImportError } from '../report.ts';
import type { ImportRequest, ImportResponse, UserFile } from './import-protocol.ts';
import { toArrowStreamBytes } from '../../data/arrow-tables.ts';
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
const ofKind = (files: readonly UserFile[], kind: UserFile['kind']) => files.filter((f) => f.kind === kind);

async function run(request: ImportRequest): Promise<void> {
  post({ type: 'progress', step: 'code officiel géographique', done: 0, total: 1 });
  const code = await loadCog(request.cogUrl);
  const { files } = request;
  if (request.mode === 'territoire') {
    const communes = ofKind(files, 'communes');
    if (communes.length !== 1 || !communes[0])
      throw new ImportError(
        'import',
        `un seul fichier de contours de communes attendu, ${communes.length} reçu(s)`,
      );
    const dataset = importDataset(
      {
        communes: communes[0],
        associations: ofKind(files, 'associations'),
        grants: ofKind(files, 'grants'),
        exchanges: ofKind(files, 'exchanges')[0],
        offers: ofKind(files, 'offers')[0],
        waldec: ofKind(files, 'waldec')[0],
      },
      code,
      {
        id: 'import',
        onProgress: (step, done, total) => post({ type: 'progress', step, done, total }),
      },
    );
    const packed = await packDataset(dataset);
    post({ type: 'done', mode: 'territoire', report: dataset.report, files: packed }, [
      ...[...packed.values()].map((b) => b.buffer as ArrayBuffer),
    ]);
    return;
  }
  const added = importAdditions(
    {
      grants: ofKind(files, 'grants'),
      exchanges: ofKind(files, 'exchanges')[0],
      offers: ofKind(files, 'offers')[0],
    },
    code,
    request.associations,
  );
  const tables = new Map<string, Uint8Array>();
  if (added.tables.subventions.length > 0)
    tables.set(GRANTS_TABLE.name, toArrowStreamBytes(GRANTS_TABLE, added.tables.subventions));
  if (added.tables.echanges.length > 0)
    tables.set(EXCHANGES_TABLE.name, toArrowStreamBytes(EXCHANGES_TABLE, added.tables.echanges));
  if (added.tables.offres_besoins.length > 0)
    tables.set(OFFERS_TABLE.name, toArrowStreamBytes(OFFERS_TABLE, added.tables.offres_besoins));
  post({ type: 'done', mode: 'ajout', report: added.report, files: tables }, [
    ...[...tables.values()].map((b) => b.buffer as ArrayBuffer),
  ]);
}

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  run(event.data).catch((error: unknown) =>
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
};
