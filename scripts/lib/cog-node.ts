import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import type { Cog, CogCommuneRecord, CogDepartementRecord, CogEpciRecord } from '../../src/import/cog.ts';
import { cogFromData, compactCogData, type CogData } from '../../src/import/cog-data.ts';

const require = createRequire(import.meta.url);

async function json<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(require.resolve(path), 'utf8')) as T;
}

/** The official geographic code from @etalab/decoupage-administratif, read from node_modules. */
export async function readCogData(): Promise<CogData> {
  const [communes, epcis, departements, pkg] = await Promise.all([
    json<CogCommuneRecord[]>('@etalab/decoupage-administratif/data/communes.json'),
    json<CogEpciRecord[]>('@etalab/decoupage-administratif/data/epci.json'),
    json<CogDepartementRecord[]>('@etalab/decoupage-administratif/data/departements.json'),
    json<{ version: string }>('@etalab/decoupage-administratif/package.json'),
  ]);
  return compactCogData({
    source: `COG (@etalab/decoupage-administratif ${pkg.version})`,
    communes,
    epcis,
    departements,
  });
}

export async function loadCog(): Promise<Cog> {
  return cogFromData(await readCogData());
}
