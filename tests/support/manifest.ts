import type { DatasetFileEntry, DatasetManifest } from '../../src/data/manifest.ts';
import { DATASET_SCHEMA_VERSION } from '../../src/data/schema/index.ts';

/** A manifest for test datasets: the given file entries, everything else plain. */
export function testManifest(
  tables: DatasetManifest['tables'],
  geometry: DatasetFileEntry,
  overrides: Partial<DatasetManifest> = {},
): DatasetManifest {
  return {
    schema_version: DATASET_SCHEMA_VERSION,
    id: 'fixture',
    name: 'Fixture',
    fictional: true,
    description: 'Petit territoire de test',
    period: { start: '2024-01-01', end: '2024-12-31' },
    bbox: [3, 45, 4, 46],
    events: [],
    sources: [{ name: 'tests/support', licence: 'Licence Ouverte 2.0', url: null }],
    generator: null,
    coverage: {
      mode: 'toutes',
      description: 'Toutes les associations du territoire de test sont enquêtées.',
    },
    tables,
    geometry: { communes: { ...geometry, format: 'geojson' } },
    ...overrides,
  };
}
