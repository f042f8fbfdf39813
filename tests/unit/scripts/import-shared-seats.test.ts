/*
 * Shared seats from a real import (issue 10 §3): `npm run import` on the hand-made RNA extract
 * tests/fixtures/import/rna_sieges_fixture.csv, then `npm run indicators` on the dataset.
 *
 * The fixture's 20 rows (line = row + 1; communes of communes-wgs84.geojson):
 *   Montluel 01262
 *     2–5   « 12 bis rue de la Paix » written four ways — numvoie 12 + repetition B + RUE « de la
 *           Paix »; « 12B R. DE LA PAIX » in libvoie; « 12 bis Rue de la Paix » in libvoie; 012 +
 *           « bis » + RUE « de la Paix. » — 4 active: P4, a place of 4 (listed, label taken from
 *           the 3rd: « 12 bis rue de la Paix »)
 *     6     same place, dissolved in 2021: not counted
 *     7     « 9 rue des Passiflores »: alone
 *     8     no street at all (« _ »): too vague, no-street
 *     9     libvoie « MONTLUEL » only: too vague, commune-name
 *     10    position X: rejected (its address « 3 allée des Hirondelles », its declarant)
 *   Lyon 69123
 *     11    « Maison des associations » with « 28 rue Denfert-Rochereau »
 *     12    « 28 RUE DENFERT ROCHEREAU » only, code 69381 (an arrondissement, brought to 69123)
 *     13    « MAISON DES ASSOCIATIONS » only
 *     14    « Maison des associations », dissolved in 2019: not counted
 *           → 11–13: one place of 3 active (the venue joined to its address by row 11), listed
 *             as « Maison des associations »; every row's key is then the place's.
 *     15    « 2 impasse des Lucioles »: alone
 *   Arboys en Bugey 01015
 *     16–17 « 7 chemin des Quenouilles » (CHE, CHEM): a place of 2 — counted, never listed
 *     18    lieu-dit « La Combe aux Loups »: too vague, lieu-dit
 *     19    « 5 route de Chanteperdrix »: alone
 *     20    41 fields (the street name over three: « Zinzolin » falls in adrs_codeinsee): rejected
 *     21    37 fields (« Résidence Tamaris » falls in objet_social1): rejected
 *
 * Rows read 20 = kept 17 + rejected 3 (lines 10, 20, 21). Active associations: 17 − 2 dissolved
 * = 15; with a place 12 (4 + 1 + 3 + 1 + 2 + 1), too vague 3.
 * Shared seats (≥ 2 active at one place), all active in 2024 (declared 2022, created 2012):
 *   Montluel 1 place, 4 associations; Lyon 1, 3; Arboys 1, 2; territory 3 places, 9 associations.
 * `lieux`: only the places of 3 or more: P4 (4) then the Lyon house of associations (3).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';

import type { DatasetManifest } from '../../../src/data/manifest.ts';
import { packDataset } from '../../../src/import/browser/pack-dataset.ts';
import { importDataset } from '../../../src/import/import-dataset.ts';
import { MemorySink } from '../../../src/import/memory-sink.ts';
import type { ImportReport } from '../../../src/import/report.ts';
import { seatKey } from '../../../src/import/seat-address.ts';
import { fixtureFile, IMPORT_FIXTURES, officialCog, sha256Of } from '../../support/import-fixtures.ts';

function run(script: string, ...args: string[]) {
  return spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
}

const root = mkdtempSync(join(tmpdir(), 'symbiose-sieges-'));
const first = join(root, 'sieges');
const second = join(root, 'sieges-bis');
const INPUTS = [
  ['--communes', join(IMPORT_FIXTURES, 'communes-wgs84.geojson')],
  ['--associations', join(IMPORT_FIXTURES, 'rna_sieges_fixture.csv')],
  ['--from', '2024-01-01', '--to', '2024-12-31', '--id', 'sieges', '--quiet'],
].flat();

let status: number | null;
beforeAll(() => {
  status = run('scripts/import.ts', ...INPUTS, '--out', first).status;
  run('scripts/import.ts', ...INPUTS, '--out', second);
});

/** Every file of a folder, subfolders included, by relative path. */
function files(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(folder.length + 1))
    .sort();
}

/** The rows of an Arrow table of the dataset, as plain objects. */
function rows(file: string): Record<string, unknown>[] {
  const table = tableFromIPC(readFileSync(join(first, file)));
  return table.toArray().map((row: { toJSON(): Record<string, unknown> }) => row.toJSON());
}

/** Text without case or accents, for a search that no spelling escapes. */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

describe('npm run import on an RNA extract with shared, vague and lone seats', () => {
  it('keeps 17 of 20 rows and counts the active associations’ seats in the report', () => {
    expect(status).toBe(0);
    const report = JSON.parse(readFileSync(join(first, 'rapport-import.json'), 'utf8')) as ImportReport;
    const rna = report.files.find((f) => f.file === 'rna_sieges_fixture.csv');
    expect([rna?.rowsRead, rna?.rowsKept, rna?.rowsRejected]).toEqual([20, 17, 3]);
    expect(rna?.rejected.map((r) => [r.row, r.reasons.map((i) => i.code)])).toEqual([
      [10, ['constraint-error']],
      [20, ['extra-cell-error']],
      [21, ['missing-cell-error']],
    ]);
    expect(rna?.notes).toMatchObject({
      'associations actives : siège à une adresse comptée (sièges partagés)': 12,
      'associations actives : siège trop vague — ni voie ni lieu public': 1,
      'associations actives : siège trop vague — nom de la commune ou « le Bourg » seul': 1,
      'associations actives : siège trop vague — lieu-dit sans numéro': 1,
    });
    expect(report.tables).toMatchObject({ associations: 17, lieux: 2, enquetes: 0 });
  });

  it('lists in `lieux` only the places of 3 active associations or more, with their label', () => {
    expect(rows('lieux.arrow').map(({ commune_code, libelle }) => [commune_code, libelle])).toEqual([
      ['01262', '12 bis rue de la Paix'],
      ['69123', 'Maison des associations'],
    ]);
  });

  it('gives every association of a place the place’s key, salted, and no key to vague seats', () => {
    const [paix, maison] = rows('lieux.arrow').map((place) => place['cle']);
    const keyOf = new Map(rows('associations.arrow').map((a) => [a['id'], a['siege_cle']]));
    const keys = (...ids: string[]) => ids.map((id) => keyOf.get(id));
    // Row 6 is dissolved: not counted, but keyed like the others.
    expect(keys('W012000001', 'W012000002', 'W012000003', 'W012000004', 'W012000005')).toEqual(
      Array(5).fill(paix),
    );
    // Rows 11–14: the venue and its address are one place; row 12 gave the address only.
    expect(keys('W691000010', 'W691000011', 'W691000012', 'W691000013')).toEqual(Array(4).fill(maison));
    const [quenouilles, other] = keys('W011000015', 'W011000016');
    expect(quenouilles).toMatch(/^[0-9a-f]{16}$/);
    expect(other).toBe(quenouilles);
    expect(keys('W012000007', 'W012000008', 'W011000017')).toEqual([null, null, null]);
    // Salted: not the plain hash of the normalised address, which anyone could compute.
    expect(paix).not.toBe(seatKey('01262|adresse|12b|rue|paix'));
  });

  it('lists lieux and enquetes in the manifest with their rows and checksums', () => {
    const manifest = JSON.parse(readFileSync(join(first, 'manifest.json'), 'utf8')) as DatasetManifest;
    for (const [table, count] of [
      ['lieux', 2],
      ['enquetes', 0],
    ] as const) {
      const bytes = readFileSync(join(first, `${table}.arrow`));
      expect(manifest.tables[table]).toEqual({
        file: `${table}.arrow`,
        rows: count,
        bytes: bytes.byteLength,
        sha256: sha256Of(bytes),
      });
    }
  });

  it('writes no street of a place shared by fewer than 3, of a lone or vague seat, in any byte', () => {
    const secrets = [
      'Quenouilles', // the place of 2
      'Passiflores', // alone
      'Lucioles', // alone
      'Chanteperdrix', // alone
      'Combe aux Loups', // lieu-dit
      'Hirondelles', // rejected row
      'Tournesol', // its declarant
      'Colibri', // shifted rows
      'Zinzolin',
      'Tamaris',
      'Aubépines',
      'Denfert', // the address of a listed place shown by its venue's name only
    ].map(fold);
    const all = files(first);
    expect(all).toContain('rejets/rejets-rna_sieges_fixture.csv');
    for (const file of all) {
      // Arrow strings are UTF-8 in the file's buffers: decoding the whole file finds them.
      const text = fold(new TextDecoder().decode(readFileSync(join(first, file))));
      for (const secret of secrets) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
    }
  });

  it('writes byte-identical files from the same input (the salt comes from the files)', () => {
    expect(files(second)).toEqual(files(first));
    for (const file of files(first))
      expect(readFileSync(join(second, file)).equals(readFileSync(join(first, file))), file).toBe(true);
  });
});

describe('the same files imported in the page (Web Worker code, in memory)', () => {
  it('gives the same places and keys, and packs lieux and enquetes with their checksums', async () => {
    const sink = new MemorySink();
    const dataset = await importDataset(
      {
        communes: fixtureFile('communes-wgs84.geojson'),
        associations: [fixtureFile('rna_sieges_fixture.csv')],
      },
      await officialCog(),
      { id: 'sieges', today: '2026-11-26' },
      sink,
    );
    expect(sink.tables.lieux).toEqual(rows('lieux.arrow'));
    const keys = (list: readonly Record<string, unknown>[]) => list.map((a) => [a['id'], a['siege_cle']]);
    expect(keys(sink.tables.associations)).toEqual(keys(rows('associations.arrow')));
    const packed = await packDataset(dataset, sink);
    const manifest = JSON.parse(new TextDecoder().decode(packed.get('manifest.json'))) as DatasetManifest;
    for (const table of ['lieux', 'enquetes'] as const) {
      const bytes = packed.get(`${table}.arrow`) ?? new Uint8Array();
      expect(manifest.tables[table]).toEqual({
        file: `${table}.arrow`,
        rows: table === 'lieux' ? 2 : 0,
        bytes: bytes.byteLength,
        sha256: sha256Of(bytes),
      });
    }
  });
});

describe('npm run indicators on the imported dataset', () => {
  const values = (level: string) => {
    const result = run('scripts/indicators.ts', '--data', first, '--level', level, '--format', 'json');
    expect(result.status).toBe(0);
    const zones = (JSON.parse(result.stdout) as { zones: Record<string, unknown>[] }).zones;
    return zones.map((z) => [z['zone'], z['sieges-partages'], z['associations-siege-partage']]);
  };

  it('counts shared seats and the active associations at them per commune', () => {
    expect(values('commune')).toEqual([
      ['01015', 1, 2],
      ['01262', 1, 4],
      ['69123', 1, 3],
    ]);
  });

  it('counts 3 shared seats and 9 associations for the territory', () => {
    expect(values('territoire')).toEqual([['territoire', 3, 9]]);
  });
});
