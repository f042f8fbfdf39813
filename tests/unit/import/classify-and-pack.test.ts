import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openNodeRunner } from '../../../src/data/duckdb-node.ts';
import {
  appendImportedRows,
  loadedAssociations,
  loadImportedDataset,
} from '../../../src/data/imported-data.ts';
import type { QueryRunner } from '../../../src/data/query-runner.ts';
import { GRANTS_TABLE } from '../../../src/data/schema/index.ts';
import { toArrowStreamBytes } from '../../../src/data/arrow-tables.ts';
import { packDataset } from '../../../src/import/browser/pack-dataset.ts';
import { classifySource } from '../../../src/import/classify.ts';
import { importAdditions, importDataset } from '../../../src/import/import-dataset.ts';
import { MemorySink } from '../../../src/import/memory-sink.ts';
import { fixtureFile, officialCog, textFile } from '../../support/import-fixtures.ts';

describe('classifySource', () => {
  it.each([
    ['communes-wgs84.geojson', 'communes'],
    ['communes-lambert93.geojson', 'communes'],
    ['rna_waldec_fixture.csv', 'associations'],
    ['rna_import_fixture.csv', 'associations'],
    ['waldec-nomenclature.csv', 'waldec'],
    ['subventions-titres-virgules-mixte.csv', 'grants'],
    ['subventions-scdl-2-1.csv', 'grants'],
    ['echanges.csv', 'exchanges'],
    ['offres_besoins.csv', 'offers'],
  ])('recognises %s as %s from its content', async (name, kind) => {
    expect(await classifySource(fixtureFile(name))).toBe(kind);
  });

  it('recognises a grants list outside the SCDL by a beneficiary and an amount column, below title rows', async () => {
    const list =
      'Subventions 2018;;\n\nAnnée;Nom de l’organisme bénéficiaire;Montant de la subvention de fonctionnement (1)\n2018;Club;1 200\n';
    expect(await classifySource(textFile('liste.csv', list))).toBe('grants');
  });

  it('recognises nothing in other files', async () => {
    expect(await classifySource(textFile('f.json', '{"type": "Feature"}'))).toBeNull();
    expect(await classifySource(textFile('p.csv', 'nom;prenom;age\nA;B;3\n'))).toBeNull();
    expect(await classifySource(textFile('vide.csv', ''))).toBeNull();
    expect(await classifySource(textFile('a.gz', new Uint8Array([0x1f, 0x8b, 0x08, 0x00])))).toBeNull();
  });
});

describe('an import packed in memory and loaded as the page does', () => {
  let runner: QueryRunner;
  beforeAll(async () => {
    runner = await openNodeRunner();
  });
  afterAll(async () => {
    await runner?.close();
  });

  it('loads through the checked path (manifest, checksums, columns, row counts)', async () => {
    const cog = await officialCog();
    const sink = new MemorySink();
    const dataset = await importDataset(
      {
        communes: fixtureFile('communes-wgs84.geojson'),
        associations: [fixtureFile('rna_waldec_fixture.csv')],
        exchanges: fixtureFile('echanges.csv'),
      },
      cog,
      { id: 'fixture', today: '2026-11-26' },
      sink,
    );
    const { manifest, outlines } = await loadImportedDataset(runner, await packDataset(dataset, sink));
    expect(manifest.tables.associations.rows).toBe(5);
    expect(outlines.features.map((f) => f.properties?.['code_insee'])).toEqual(['01015', '01262', '69123']);
    const [counts] = await runner.query({
      sql: 'SELECT (SELECT count(*) FROM communes) AS c, (SELECT count(*) FROM echanges) AS e, (SELECT count(*) FROM subventions) AS s',
      params: [],
    });
    expect([Number(counts?.['c']), Number(counts?.['e']), Number(counts?.['s'])]).toEqual([3, 2, 0]);
  });

  it('appends a grants file to the loaded dataset, attached to its associations', async () => {
    const cog = await officialCog();
    const associations = await loadedAssociations(runner);
    expect(associations.map((a) => a.id)).toEqual([
      'W011000001',
      'W011000002',
      'W011000003',
      'W011000008',
      'W691000004',
    ]);
    const sink = new MemorySink();
    await importAdditions({ grants: [fixtureFile('subventions-scdl-2-1.csv')] }, cog, associations, sink, {
      today: '2026-11-26',
    });
    await appendImportedRows(
      runner,
      new Map([[GRANTS_TABLE.name, toArrowStreamBytes(GRANTS_TABLE, sink.tables.subventions)]]),
      'echanges',
    );
    const rows = await runner.query({
      sql: 'SELECT association_id, montant FROM subventions ORDER BY id_subvention',
      params: [],
    });
    expect(rows.map((r) => [r['association_id'], Number(r['montant'])])).toEqual([
      ['W011000001', 1500.5],
      ['W011000002', 2000],
      [null, 750],
      ['W011000003', 100],
    ]);
  });
});
