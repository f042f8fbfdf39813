import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FeatureCollection } from 'geojson';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import {
  ASSOCIATIONS_TABLE,
  COMMUNES_TABLE,
  EXCHANGES_TABLE,
  GRANTS_TABLE,
  OFFERS_TABLE,
  PLACES_TABLE,
  SURVEYS_TABLE,
} from '../../src/data/schema/index.ts';
import { DatasetWriter } from '../../scripts/lib/dataset-writer.ts';
import type { FixtureTables } from './fixture.ts';
import { testManifest } from './manifest.ts';

/** Square outlines `2 × half` degrees wide around each commune's reference point. */
export function squareOutlines(tables: FixtureTables, half = 0.01): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: tables.communes.map((c) => ({
      type: 'Feature',
      properties: { code_insee: c.code_insee, nom: c.nom },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [c.longitude - half, c.latitude - half],
            [c.longitude + half, c.latitude - half],
            [c.longitude + half, c.latitude + half],
            [c.longitude - half, c.latitude + half],
            [c.longitude - half, c.latitude - half],
          ],
        ],
      },
    })),
  };
}

/** Writes the fixture as a complete dataset folder (Arrow files, outlines, manifest) in a temp dir. */
export async function writeFixtureDataset(
  tables: FixtureTables,
): Promise<{ folder: string; manifest: DatasetManifest }> {
  const folder = join(await mkdtemp(join(tmpdir(), 'symbiose-fixture-')), 'dataset');
  const writer = await DatasetWriter.create(folder);
  const communes = await writer.writeTable(COMMUNES_TABLE, [tables.communes]);
  const associations = await writer.writeTable(ASSOCIATIONS_TABLE, [tables.associations]);
  const echanges = await writer.writeTable(EXCHANGES_TABLE, [tables.echanges]);
  const subventions = await writer.writeTable(GRANTS_TABLE, [tables.subventions]);
  const offres = await writer.writeTable(OFFERS_TABLE, [tables.offres_besoins]);
  const lieux = await writer.writeTable(PLACES_TABLE, [tables.lieux ?? []]);
  const enquetes = await writer.writeTable(SURVEYS_TABLE, [tables.enquetes ?? []]);
  const geometry = await writer.writeGeometry('communes.geojson', squareOutlines(tables));
  const manifest = testManifest(
    { communes, associations, echanges, subventions, offres_besoins: offres, lieux, enquetes },
    geometry,
  );
  await writer.commit(manifest);
  return { folder, manifest };
}
