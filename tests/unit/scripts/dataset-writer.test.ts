import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { RecordBatchStreamWriter } from 'apache-arrow';
import { describe, expect, it } from 'vitest';

import { toArrowSchema, toRecordBatch } from '../../../src/data/arrow-tables.ts';
import { EXCHANGES_TABLE } from '../../../src/data/schema/index.ts';
import { DatasetWriter } from '../../../scripts/lib/dataset-writer.ts';
import { fixtureTerritory } from '../../support/fixture.ts';
import { testManifest } from '../../support/manifest.ts';

async function scratch(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'symbiose-writer-')), 'dataset');
}

describe('DatasetWriter.writeTable(table, batches)', () => {
  it('writes exactly the stream apache-arrow writes for the same batches, with its sha256', async () => {
    const rows = fixtureTerritory().echanges;
    const batches = [rows.slice(0, 2), rows.slice(2, 5), rows.slice(5)];
    const writer = await DatasetWriter.create(await scratch());
    const entry = await writer.writeTable(EXCHANGES_TABLE, batches);
    const reference = new RecordBatchStreamWriter();
    reference.reset(undefined, toArrowSchema(EXCHANGES_TABLE));
    for (const batch of batches) reference.write(toRecordBatch(EXCHANGES_TABLE, batch));
    reference.finish();
    const expected = reference.toUint8Array(true);
    const geometry = await writer.writeGeometry('communes.geojson', {
      type: 'FeatureCollection',
      features: [],
    });
    await writer.commit(
      testManifest(
        { communes: entry, associations: entry, echanges: entry, subventions: entry, offres_besoins: entry },
        geometry,
      ),
    );

    const written = new Uint8Array(await readFile(join(writer.target, 'echanges.arrow')));
    expect(Buffer.from(written).equals(Buffer.from(expected))).toBe(true);
    expect(entry).toEqual({
      file: 'echanges.arrow',
      rows: 20,
      bytes: expected.byteLength,
      sha256: createHash('sha256').update(expected).digest('hex'),
    });
  });
});

describe('DatasetWriter.abort()', () => {
  it('leaves nothing behind', async () => {
    const target = await scratch();
    const writer = await DatasetWriter.create(target);
    await writer.writeTable(EXCHANGES_TABLE, [fixtureTerritory().echanges]);
    await writer.abort();
    expect(await readdir(join(target, '..'))).toEqual([]);
  });
});
