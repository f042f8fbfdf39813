import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { generateDemo } from '../../support/demo.ts';

describe('the demo generator', () => {
  it('writes byte-identical datasets from the same seed', async () => {
    const [a, b] = [await generateDemo(), await generateDemo()];
    const files = (await readdir(a.folder)).sort();
    expect(files).toEqual([
      'associations.arrow',
      'communes.arrow',
      'communes.geojson',
      'echanges.arrow',
      'enquetes.arrow',
      'lieux.arrow',
      'manifest.json',
      'offres_besoins.arrow',
      'subventions.arrow',
    ]);
    for (const file of files) {
      const [bytesA, bytesB] = await Promise.all([
        readFile(join(a.folder, file)),
        readFile(join(b.folder, file)),
      ]);
      expect(bytesA.equals(bytesB), file).toBe(true);
    }
  });

  it('draws another territory from another seed', async () => {
    const [a, b] = [await generateDemo(), await generateDemo({ seed: 7 })];
    expect(b.manifest.tables.echanges.sha256).not.toBe(a.manifest.tables.echanges.sha256);
    expect(b.manifest.tables.communes.sha256).not.toBe(a.manifest.tables.communes.sha256);
  });
});
