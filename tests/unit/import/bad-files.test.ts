/*
 * « Nothing lost, nothing stuck » (issue 14): every kind of bad file of the corpus
 * (tests/support/bad-files.ts), imported through the importer's entry point beside good files,
 * ends in a typed error naming the file (and the line and field when there is one), or in rows
 * kept and rejected with reasons — never an untyped error, a stack trace, a hang or a partial
 * dataset — and every row read is kept or rejected.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { DATASET_EXTRAS } from '../../../scripts/lib/output-folder.ts';
import { conservationProblem, ImportError, type FileReport } from '../../../src/import/report.ts';
import {
  BAD_FILES,
  goodCommunes,
  goodRna,
  importBadFile,
  type BadFile,
  type ErrorOutcome,
  type RowsOutcome,
} from '../../support/bad-files.ts';

/** Rows each companion file gives when it is not the bad one: 2 communes, 3 associations, 2 exchanges. */
const COMPANIONS = { communes: 2, associations: 3, echanges: 2 } as const;

/** The table a slot's rows go to. */
const TABLE = { communes: 'communes', associations: 'associations', exchanges: 'echanges' } as const;

const errorCases = BAD_FILES.filter((b): b is BadFile & { expected: ErrorOutcome } => 'error' in b.expected);
const rowCases = BAD_FILES.filter((b): b is BadFile & { expected: RowsOutcome } => 'rows' in b.expected);

/** Every rejection reason's code, once per reason, sorted. */
const reasonCodes = (file: FileReport) =>
  file.rejected.flatMap((r) => r.reasons.map((reason) => reason.code)).sort();

describe('the bad-file corpus', () => {
  it('holds at least 30 kinds of bad files, each named once', () => {
    expect(BAD_FILES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(BAD_FILES.map((b) => b.kind)).size).toBe(BAD_FILES.length);
    expect(new Set(BAD_FILES.map((b) => b.name)).size).toBe(BAD_FILES.length);
  });

  it.each(errorCases.map((b) => [b.kind, b] as const))(
    '%s: stops with an ImportError naming the file, line and field',
    async (_, bad) => {
      const outcome = await importBadFile(bad);
      if (!('threw' in outcome)) throw new Error(`${bad.name} importé sans erreur`);
      const error = outcome.threw;
      expect(error).toBeInstanceOf(ImportError);
      if (!(error instanceof ImportError)) return;
      const { line, column, parts } = bad.expected.error;
      expect([error.file, error.line, error.column]).toEqual([bad.name, line, column]);
      const where = [
        bad.name,
        line !== null ? `ligne ${line}` : null,
        column ? `colonne « ${column} »` : null,
      ]
        .filter(Boolean)
        .join(', ');
      expect(error.message.startsWith(`${where} : `)).toBe(true);
      let from = 0;
      for (const part of parts) {
        const at = error.message.indexOf(part, from);
        expect(at, `« ${part} » dans « ${error.message} »`).toBeGreaterThanOrEqual(0);
        from = at + part.length;
      }
      // A sentence for a person: no stack trace, no engine class name, bounded length.
      expect(error.message).not.toMatch(/\n\s*at |\bat .*:\d+:\d+|TypeError|RangeError|SyntaxError/);
      expect(error.message.length).toBeLessThan(600);
    },
  );

  it.each(rowCases.map((b) => [b.kind, b] as const))(
    '%s: rows read = kept + rejected, each rejection with its reason, no other row lost',
    async (_, bad) => {
      const outcome = await importBadFile(bad);
      if ('threw' in outcome) throw outcome.threw;
      const { file, report, sink } = outcome;
      const { read, kept, rejected, reasons, warnings } = bad.expected.rows;
      expect([file.rowsRead, file.rowsKept, file.rowsRejected]).toEqual([read, kept, rejected]);
      expect(conservationProblem(file)).toBeNull();
      expect(report.conserved).toBe(true);
      expect(reasonCodes(file)).toEqual(reasons);
      // Every rejected row is listed, on its line, with a reason in words.
      expect(file.rejected).toHaveLength(rejected);
      for (const row of file.rejected) {
        expect(row.row).toBeGreaterThan(1);
        expect(row.reasons.length).toBeGreaterThan(0);
        for (const reason of row.reasons) expect(reason.message_fr.length).toBeGreaterThan(10);
      }
      const warned = new Set(file.summary.filter((s) => s.severity === 'avertissement').map((s) => s.code));
      for (const code of warnings) expect([...warned]).toContain(code);
      // The dataset holds exactly the rows kept: nothing partial, nothing dropped on the way.
      const table = TABLE[bad.slot];
      expect(sink.tables[table]).toHaveLength(kept);
      expect(report.tables[table]).toBe(kept);
      if (bad.slot !== 'communes') expect(sink.tables.communes).toHaveLength(COMPANIONS.communes);
      if (bad.slot === 'exchanges') expect(sink.tables.associations).toHaveLength(COMPANIONS.associations);
      else expect(sink.tables.echanges).toHaveLength(COMPANIONS.echanges);
    },
  );
});

describe('damage that is repaired, not lost', () => {
  const run = async (kind: string) => {
    const bad = BAD_FILES.find((b) => b.kind === kind);
    if (!bad) throw new Error(kind);
    const outcome = await importBadFile(bad);
    if ('threw' in outcome) throw outcome.threw;
    return outcome;
  };

  it('reads a text file with a stray NUL byte: the NUL becomes a space, counted on its line and column', async () => {
    const { sink, file } = await run('NUL bytes');
    expect(sink.tables.associations.map((a) => a.nom)).toEqual(['Club 1', 'Club 2', 'Club 3']);
    expect(file.warnings.find((w) => w.code === 'control-character-warn')).toEqual({
      row: 3,
      field: 'titre',
      code: 'control-character-warn',
      message_fr:
        '1 caractère(s) de contrôle remplacé(s) par une espace — colonne « titre », d’abord ligne 3',
    });
  });

  it('empties spreadsheet error values saved as text: a name #REF! is rejected, a date #VALEUR! left empty', async () => {
    const { sink, file } = await run('spreadsheet formula artefacts (#REF!, =A1, #VALEUR!)');
    expect(sink.tables.associations.map((a) => [a.id, a.nom, a.date_creation])).toEqual([
      ['W011000001', 'Club 1', '2010-05-12'],
      ['W011000002', 'Club 2', '2010-05-12'],
      ['W011000003', 'Club 3', '2010-05-12'],
      ['W011000006', 'Club 6', null],
    ]);
    expect(file.rejected.map((r) => [r.row, r.id, r.reasons.map((x) => x.field)])).toEqual([
      [5, 'W011000004', ['titre']],
      [6, 'W011000005', ['adrs_codeinsee']],
    ]);
    const emptied = file.warnings.filter((w) => w.message_fr.includes('#REF!'));
    expect(emptied.map((w) => [w.row, w.field, w.message_fr])).toEqual([
      [
        5,
        'titre',
        '1 valeur(s) d’erreur de tableur (#REF!, #N/A, #VALEUR!…) vidée(s) : ce ne sont pas des données — colonne « titre », d’abord ligne 5',
      ],
      [
        7,
        'date_creat',
        '1 valeur(s) d’erreur de tableur (#REF!, #N/A, #VALEUR!…) vidée(s) : ce ne sont pas des données — colonne « date_creat », d’abord ligne 7',
      ],
    ]);
  });

  it('keeps an RNA row with an impossible date, the date left empty and the reason given', async () => {
    const { sink } = await run('impossible dates (2024-13-45, 31/02)');
    expect(sink.tables.associations.map((a) => [a.id, a.date_creation])).toEqual([
      ['W011000001', '2010-05-12'],
      ['W011000002', '2010-05-12'],
      ['W011000003', '2010-05-12'],
      ['W011000004', null],
      ['W011000005', null],
    ]);
  });
});

describe('npm run import on bad files', () => {
  const folder = mkdtempSync(join(tmpdir(), 'symbiose-corpus-'));
  const write = (name: string, bytes: Uint8Array) => {
    writeFileSync(join(folder, name), bytes);
    return join(folder, name);
  };
  const communes = write('communes.geojson', goodCommunes());
  /** Runs the command (its script, on the Node that runs the tests). */
  const importCommand = (rna: string, out: string) =>
    spawnSync(
      process.execPath,
      ['scripts/import.ts', '--communes', communes, '--associations', rna, '--out', out, '--quiet'],
      { encoding: 'utf8' },
    );

  it('refuses binary junk in one sentence, exit 1, and leaves no dataset behind', () => {
    const bad = BAD_FILES.find((b) => b.kind === 'binary junk');
    if (!bad) throw new Error('binary junk');
    const out = join(folder, 'jeu-binaire');
    const run = importCommand(write(bad.name, bad.bytes()), out);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'Erreur : binaire.csv : fichier binaire (octets nuls) : pas un fichier texte — un fichier CSV ou un tableur (XLSX, ODS, XLS) est attendu\n',
    );
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('imports a file with a NUL byte: exit 0, every row accounted for in the report', () => {
    const out = join(folder, 'jeu-nul');
    const rna = write(
      'nul.csv',
      new TextEncoder().encode(new TextDecoder().decode(goodRna()).replace('Club 2', 'Club\u00002')),
    );
    const run = importCommand(rna, out);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, DATASET_EXTRAS.report), 'utf8')) as {
      conserved: boolean;
      files: FileReport[];
    };
    expect(report.conserved).toBe(true);
    const file = report.files.find((f) => f.file === 'nul.csv');
    expect([file?.rowsRead, file?.rowsKept, file?.rowsRejected]).toEqual([3, 3, 0]);
  }, 60_000);
});
