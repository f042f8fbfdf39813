/*
 * Associations asked for their exchanges (issue 10 §4): a filled collection template given to
 * the importer as an exchange file also fills `enquetes` from its « Associations » sheet, and the
 * cooperation figures then cover those associations (the `couverture` table).
 *
 * Territory: communes-belfort-carres.geojson (hand-drawn squares for Belfort 90010 and
 * Andelnans 90001) and rna_enquetes_fixture.csv — four active associations: W901000001 Club
 * (90010), W901000002 Comité (90001), W901000003 Ressourcerie (90010), W901000005 Chorale (90010).
 * The template (tests/unit/kit/fill-template.ts) lists W901000001–W901000004 on its associations
 * sheet, rows 2 Comité (…02), 3 Club (…01), 4 Ressourcerie (…03), 5 Théâtre (…04, not in the RNA).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { toArrowStreamBytes } from '../../../src/data/arrow-tables.ts';
import { openNodeRunner } from '../../../src/data/duckdb-node.ts';
import {
  appendImportedRows,
  loadedAssociations,
  loadImportedDataset,
} from '../../../src/data/imported-data.ts';
import { loadDataset } from '../../../src/data/load-dataset.ts';
import { exchangesXlsx } from '../../../src/declare/declaration-files.ts';
import { EXCHANGE_COLUMNS } from '../../../src/declare/declaration-rows.ts';
import type { DatasetManifest } from '../../../src/data/manifest.ts';
import { folderDatasetReader } from '../../../src/data/node-dataset-reader.ts';
import type { QueryRunner } from '../../../src/data/query-runner.ts';
import { SURVEYS_TABLE } from '../../../src/data/schema/index.ts';
import { packDataset } from '../../../src/import/browser/pack-dataset.ts';
import { importAdditions, importDataset } from '../../../src/import/import-dataset.ts';
import { issueSentence } from '../../../src/import/issue-text.ts';
import { MemorySink } from '../../../src/import/memory-sink.ts';
import type { ImportReport } from '../../../src/import/report.ts';
import { sourceFromBytes } from '../../../src/import/source.ts';
import { fixtureFile, IMPORT_FIXTURES, officialCog } from '../../support/import-fixtures.ts';
import { ASSOCIATIONS, date, EXCHANGES, filled } from '../kit/fill-template.ts';

const UNKNOWN = 'association W901000004 absente des associations importées';

let runner: QueryRunner;
beforeAll(async () => {
  runner = await openNodeRunner();
});
afterAll(async () => {
  await runner?.close();
});

const surveys = async () =>
  (
    await runner.query({
      sql: 'SELECT association_id, CAST(date_sollicitation AS VARCHAR) AS d, source FROM enquetes ORDER BY association_id',
      params: [],
    })
  ).map((r) => [r['association_id'], r['d'], r['source']]);
const covered = async () =>
  (await runner.query({ sql: 'SELECT id FROM couverture ORDER BY id', params: [] })).map((r) => r['id']);

describe('npm run import with a filled template as exchange file', () => {
  const root = mkdtempSync(join(tmpdir(), 'symbiose-enquetes-'));
  const out = join(root, 'enquetes');
  let manifest: DatasetManifest;
  let report: ImportReport;

  beforeAll(async () => {
    // Asked: Comité on 2024-02-01 (a date cell: 45,292 + 31), Club on 2024-02-05, Théâtre on
    // 2024-02-10 (unknown: rejected); Ressourcerie not asked. One exchange, E-003 Ressourcerie → Club.
    const bytes = await filled(
      'xlsx',
      { 2: ['oui', date(45323)], 3: ['oui', '2024-02-05'], 4: ['non', null], 5: ['oui', '2024-02-10'] },
      EXCHANGES.slice(2),
    );
    writeFileSync(join(root, 'reponse.xlsx'), bytes);
    const result = spawnSync(
      process.execPath,
      [
        'scripts/import.ts',
        ...['--communes', join(IMPORT_FIXTURES, 'communes-belfort-carres.geojson')],
        ...['--associations', join(IMPORT_FIXTURES, 'rna_enquetes_fixture.csv')],
        ...['--exchanges', join(root, 'reponse.xlsx'), '--today', '2026-11-26', '--quiet'],
        ...['--out', out],
      ],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toContain('Écrit :');
    manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as DatasetManifest;
    report = JSON.parse(readFileSync(join(out, 'rapport-import.json'), 'utf8')) as ImportReport;
  });

  it('reads the associations sheet as its own file: 4 rows = 3 kept + 1 of an unknown association', () => {
    expect(report.files.map((f) => [f.file, f.rowsRead, f.rowsKept, f.rowsRejected])).toEqual([
      ['communes-belfort-carres.geojson', 2, 2, 0],
      ['rna_enquetes_fixture.csv', 4, 4, 0],
      ['reponse.xlsx', 1, 1, 0],
      ['reponse (feuille Associations).xlsx', 4, 3, 1],
    ]);
    const sheet = report.files[3];
    expect(sheet?.rejected.map((r) => [r.row, r.id, r.reasons.map((i) => [i.code, i.message_fr])])).toEqual([
      [5, 'W901000004', [['association-unknown', UNKNOWN]]],
    ]);
    expect(sheet?.notes).toMatchObject({ 'associations sollicitées': 2 });
    expect(report.tables).toMatchObject({ echanges: 1, enquetes: 2 });
    expect(readdirSync(join(out, 'rejets'))).toEqual(['rejets-reponse_feuille_Associations_.csv']);
  });

  it('writes the associations asked, and covers them with the ends of the exchange', async () => {
    await loadDataset(runner, folderDatasetReader(out));
    expect(await surveys()).toEqual([
      ['W901000001', '2024-02-05', 'reponse.xlsx'],
      ['W901000002', '2024-02-01', 'reponse.xlsx'],
    ]);
    // Asked: …01, …02; exchange E-003: …03 → …01. The Chorale (…05) is not covered.
    expect(await covered()).toEqual(['W901000001', 'W901000002', 'W901000003']);
  });

  it('says in the manifest how many associations were asked, the template once among the sources', () => {
    expect(manifest.tables.enquetes?.rows).toBe(2);
    expect(manifest.coverage).toEqual({
      mode: 'echanges',
      description:
        'Échanges déclarés dans reponse.xlsx ; 2 associations enquêtées (sollicitées pour déclarer leurs échanges, feuille « Associations » de reponse.xlsx) : seules les associations enquêtées ou qui figurent dans les échanges sont couvertes.',
    });
    expect(manifest.sources.map((s) => s.name.replace(/ \(sha256 .*$/, ''))).toEqual([
      'communes-belfort-carres.geojson',
      'rna_enquetes_fixture.csv',
      'reponse.xlsx',
      expect.stringMatching(/^COG /),
    ]);
  });
});

describe('a filled template added to a dataset already loaded', () => {
  beforeAll(async () => {
    const sink = new MemorySink();
    const dataset = await importDataset(
      {
        communes: fixtureFile('communes-belfort-carres.geojson'),
        associations: [fixtureFile('rna_enquetes_fixture.csv')],
      },
      await officialCog(),
      { id: 'belfort', today: '2026-11-26' },
      sink,
    );
    await loadImportedDataset(runner, await packDataset(dataset, sink));
  });

  /** Imports a template against the loaded associations and appends its rows, as the page does. */
  async function add(name: string, bytes: Uint8Array) {
    const sink = new MemorySink();
    const report = await importAdditions(
      { exchanges: [sourceFromBytes(name, bytes)] },
      await officialCog(),
      await loadedAssociations(runner),
      sink,
      { today: '2026-11-26' },
    );
    const tables = new Map([[SURVEYS_TABLE.name, toArrowStreamBytes(SURVEYS_TABLE, sink.tables.enquetes)]]);
    await appendImportedRows(runner, tables, 'echanges');
    return { report, sink };
  }

  it('starts with no association covered', async () => {
    expect(await covered()).toEqual([]);
  });

  it('appends the associations asked, even with no exchange declared, and covers them', async () => {
    const { report, sink } = await add(
      'a.ods',
      await filled('ods', { 2: ['oui', '2024-02-01'], 3: ['oui', '2024-02-05'], 5: ['oui', null] }, []),
    );
    expect(report.files.map((f) => [f.file, f.rowsRead, f.rowsKept, f.rowsRejected])).toEqual([
      ['a.ods', 0, 0, 0],
      ['a (feuille Associations).ods', 4, 3, 1],
    ]);
    expect(report.files[1]?.rejected[0]?.reasons[0]?.message_fr).toBe(UNKNOWN);
    expect(sink.tables.echanges).toEqual([]);
    expect(await surveys()).toEqual([
      ['W901000001', '2024-02-05', 'a.ods'],
      ['W901000002', '2024-02-01', 'a.ods'],
    ]);
    expect(await covered()).toEqual(['W901000001', 'W901000002']);
  });

  it('adds only the associations not asked before, the first date kept, and covers them too', async () => {
    const { sink } = await add(
      'b.xlsx',
      await filled('xlsx', { 3: ['oui', '2024-03-02'], 4: ['oui', '2024-03-01'] }, []),
    );
    // The page does not know who was asked before: the file gives both, the table keeps one each.
    expect(sink.tables.enquetes.map((s) => s.association_id)).toEqual(['W901000001', 'W901000003']);
    expect(await surveys()).toEqual([
      ['W901000001', '2024-02-05', 'a.ods'],
      ['W901000002', '2024-02-01', 'a.ods'],
      ['W901000003', '2024-03-01', 'b.xlsx'],
    ]);
    expect(await covered()).toEqual(['W901000001', 'W901000002', 'W901000003']);
  });

  it('writes an association asked in two templates of one import once, from the first', async () => {
    const sink = new MemorySink();
    const report = await importAdditions(
      {
        exchanges: [
          sourceFromBytes('a.ods', await filled('ods', { 2: ['oui', '2024-02-01'], 3: ['oui', null] }, [])),
          sourceFromBytes('b.ods', await filled('ods', { 3: ['oui', '2024-03-02'], 4: ['oui', null] }, [])),
        ],
      },
      await officialCog(),
      await loadedAssociations(runner),
      sink,
      { today: '2026-11-26' },
    );
    // a.ods: Comité (…02), Club (…01); b.ods: Club again, Ressourcerie (…03).
    expect(sink.tables.enquetes.map((s) => [s.association_id, s.date_sollicitation, s.source])).toEqual([
      ['W901000002', '2024-02-01', 'a.ods'],
      ['W901000001', null, 'a.ods'],
      ['W901000003', null, 'b.ods'],
    ]);
    expect(report.files[3]?.notes).toMatchObject({
      'associations déjà sollicitées dans un fichier précédent (non comptées deux fois)': 1,
    });
  });

  it('still refuses a template that neither declares an exchange nor names an association asked', async () => {
    await expect(add('vide.xlsx', await filled('xlsx', {}, []))).rejects.toThrow(
      'vide.xlsx : aucune ligne de données après l’en-tête',
    );
  });
});

/*
 * A template edited or damaged by hand before it comes back. Each is the template with Comité
 * (sheet row 2) asked on 2024-02-01 (serial 45,323) and Club (row 3) on 2024-02-05, and exchange
 * E-003; then one change. The associations sheet is found by its header wherever it is.
 */
describe('a collection template edited by hand', () => {
  const listed = ASSOCIATIONS.map((a) => ({
    id: a.id,
    siret: null,
    nom: a.name,
    commune_code: a.communeCode,
  }));
  /** Comité then Club: the sheet's order. */
  const ASKED = [
    ['W901000002', '2024-02-01', 'rep.xlsx'],
    ['W901000001', '2024-02-05', 'rep.xlsx'],
  ];
  const MISSING =
    'modèle d’échanges sans feuille « Associations » lisible (colonnes « N° RNA » et « Sollicitée ») : on ne sait pas quelles associations ont été sollicitées, seules celles qui figurent dans les échanges sont couvertes. Remettez dans le classeur la feuille « Associations » du modèle, avec « Sollicitée » = oui (et la date) pour chaque association sollicitée, puis importez de nouveau le fichier.';

  /** Every cell of a sheet one row lower, `title` in A1 (cell formats kept). */
  function titleAbove(book: XLSX.WorkBook, name: string, title: string): void {
    const sheet = book.Sheets[name] as XLSX.WorkSheet;
    const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1');
    const moved: XLSX.WorkSheet = { A1: { t: 's', v: title } };
    for (let r = range.s.r; r <= range.e.r; r++)
      for (let c = range.s.c; c <= range.e.c; c++) {
        const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        if (cell) moved[XLSX.utils.encode_cell({ r: r + 1, c })] = cell;
      }
    moved['!ref'] = XLSX.utils.encode_range({ s: range.s, e: { r: range.e.r + 1, c: range.e.c } });
    book.Sheets[name] = moved;
  }

  /** The filled template changed by `edit`, saved again as `format`. */
  async function edited(format: 'xlsx' | 'ods', edit: (book: XLSX.WorkBook) => void): Promise<Uint8Array> {
    const bytes = await filled(
      format,
      { 2: ['oui', date(45323)], 3: ['oui', '2024-02-05'] },
      EXCHANGES.slice(2),
    );
    const book = XLSX.read(bytes, { type: 'array', cellNF: true });
    edit(book);
    return new Uint8Array(XLSX.write(book, { bookType: format, type: 'array' }) as ArrayBuffer);
  }

  async function imported(name: string, bytes: Uint8Array) {
    const sink = new MemorySink();
    const report = await importAdditions(
      { exchanges: [sourceFromBytes(name, bytes)] },
      await officialCog(),
      listed,
      sink,
      {
        today: '2026-11-26',
      },
    );
    return {
      files: report.files.map((f) => [f.file, f.rowsRead, f.rowsKept, f.rowsRejected]),
      enquetes: sink.tables.enquetes.map((s) => [s.association_id, s.date_sollicitation, s.source]),
      echanges: sink.tables.echanges.map((e) => e.id_echange),
      warnings: report.files[0]?.warnings.filter((w) => w.code === 'survey-sheet-missing') ?? [],
      report,
    };
  }

  const READ = [
    ['rep.xlsx', 1, 1, 0],
    ['rep (feuille Associations).xlsx', 4, 4, 0],
  ];

  it('finds the associations sheet renamed and moved first', async () => {
    const bytes = await edited('xlsx', (book) => {
      book.Sheets['Sollicitations 2024'] = book.Sheets['Associations'] as XLSX.WorkSheet;
      delete book.Sheets['Associations'];
      book.SheetNames = ['Sollicitations 2024', ...book.SheetNames.filter((n) => n !== 'Associations')];
    });
    const result = await imported('rep.xlsx', bytes);
    expect(result.files).toEqual(READ);
    expect(result.enquetes).toEqual(ASKED);
    expect(result.report.files[1]?.format).toBe(
      'Associations sollicitées (modèle d’échanges), XLSX, feuille « Sollicitations 2024 » (sur 4 feuilles)',
    );
    expect(result.warnings).toEqual([]);
  });

  it('finds its header under a title row: rows are then one lower', async () => {
    const result = await imported(
      'rep.xlsx',
      await edited('xlsx', (book) => titleAbove(book, 'Associations', 'Associations du territoire')),
    );
    expect(result.files).toEqual(READ);
    expect(result.enquetes).toEqual(ASKED);
    expect(result.warnings).toEqual([]);
  });

  it('reads « sollicitée » in lower case and « Sollicitée ? », in XLSX and ODS', async () => {
    const lower = await edited('xlsx', (book) => {
      (book.Sheets['Associations'] as XLSX.WorkSheet)['E1'] = { t: 's', v: 'sollicitée' };
    });
    expect((await imported('rep.xlsx', lower)).enquetes).toEqual(ASKED);
    const question = await edited('ods', (book) => {
      (book.Sheets['Associations'] as XLSX.WorkSheet)['E1'] = { t: 's', v: 'Sollicitée ?' };
    });
    const result = await imported('rep.ods', question);
    expect(result.files).toEqual([
      ['rep.ods', 1, 1, 0],
      ['rep (feuille Associations).ods', 4, 4, 0],
    ]);
    expect(result.enquetes).toEqual(ASKED.map(([id, day]) => [id, day, 'rep.ods']));
    // The template's own extra columns, as always; nothing about « Sollicitée ? ».
    expect(result.report.files[1]?.warnings.map((w) => [w.code, w.field])).toEqual([
      ['extra-header-warn', 'Code commune'],
      ['extra-header-warn', 'Commune'],
    ]);
  });

  it('says once, on the exchange file, that who was asked is unknown when the sheet is deleted', async () => {
    const bytes = await edited('xlsx', (book) => {
      delete book.Sheets['Associations'];
      book.SheetNames = book.SheetNames.filter((n) => n !== 'Associations');
    });
    const result = await imported('rep.xlsx', bytes);
    expect(result.files).toEqual([['rep.xlsx', 1, 1, 0]]);
    expect(result.enquetes).toEqual([]);
    expect(result.echanges).toEqual(['E-003']);
    expect(result.warnings).toEqual([
      { row: null, field: null, code: 'survey-sheet-missing', message_fr: MISSING },
    ]);
    const summary = result.report.files[0]?.summary.find((s) => s.code === 'survey-sheet-missing');
    expect(summary && issueSentence(summary, 'en', String)).toBe(
      `1 exchange template(s) without a readable « Associations » sheet: associations asked unknown, file : ${MISSING}`,
    );
  });

  it('says so too when the « Sollicitée » column has lost its title', async () => {
    const bytes = await edited('ods', (book) => {
      delete (book.Sheets['Associations'] as XLSX.WorkSheet)['E1'];
    });
    const result = await imported('rep.ods', bytes);
    expect(result.files).toEqual([['rep.ods', 1, 1, 0]]);
    expect(result.enquetes).toEqual([]);
    expect(result.warnings.map((w) => w.message_fr)).toEqual([MISSING]);
  });

  it('says nothing of a workbook with the format’s own column names (not a template)', async () => {
    // E-003 as the declaration form writes it: every column of the format, by its name.
    const given: Record<string, string> = {
      id_echange: 'E-003',
      date_debut: '2024-03-04',
      fournisseur_rna: 'W901000003',
      beneficiaire_rna: 'W901000001',
      type_ressource: 'competences',
      quantite: '12',
      unite: 'heure',
      statut_donnee: 'declare',
      consentement_publication: 'oui',
    };
    const bytes = exchangesXlsx([Object.fromEntries(EXCHANGE_COLUMNS.map((c) => [c, given[c] ?? '']))]);
    const result = await imported('declaration.xlsx', bytes);
    expect(result.files).toEqual([['declaration.xlsx', 1, 1, 0]]);
    expect(result.enquetes).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});
