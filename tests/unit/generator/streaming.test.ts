import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { RecordBatchReader } from 'apache-arrow';
import { describe, expect, it } from 'vitest';

import { generateDemo } from '../../support/demo.ts';

async function batchSizes(file: string): Promise<number[]> {
  const reader = RecordBatchReader.from(new Uint8Array(await readFile(file)));
  return [...reader].map((batch) => batch.numRows);
}

describe('generating larger territories', () => {
  it('writes tables batch by batch, never more than the batch size at once', async () => {
    const { folder, manifest } = await generateDemo({
      communes: 30,
      associations: 2500,
      exchanges: 6000,
      batchSize: 1000,
    });
    for (const table of ['echanges', 'associations', 'subventions'] as const) {
      const sizes = await batchSizes(join(folder, manifest.tables[table].file));
      const rows = manifest.tables[table].rows;
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(rows);
      expect(sizes).toEqual([
        ...Array(Math.floor(rows / 1000)).fill(1000),
        ...(rows % 1000 ? [rows % 1000] : []),
      ]);
    }
  });

  it('gives the number of exchanges asked for, within sampling noise', async () => {
    const { manifest } = await generateDemo({ communes: 30, associations: 2500, exchanges: 6000 });
    // A Poisson total of mean 6,000 lies within ±4 standard deviations (±310) but for 1 in 15,000 draws.
    expect(Math.abs(manifest.tables.echanges.rows - 6000)).toBeLessThan(310);
    expect(manifest.tables.associations.rows).toBe(2500);
    expect(manifest.tables.communes.rows).toBe(30);
  });
});
