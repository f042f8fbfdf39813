/*
 * The shared row reader (`openTable`) on small files with a made-up format: where it finds the
 * header, how it accounts for every line, what it drops and what it reports — and that it copes
 * with sizes that broke it (a sheet of 200,000 rows, 200,000 lines in one chunk).
 */
import { describe, expect, it, vi } from 'vitest';

import { cleanCell } from '../../../src/import/cell-text.ts';
import { FileReportBuilder, type RejectedRowsSink } from '../../../src/import/report.ts';
import { sourceFromBytes, type ImportSource } from '../../../src/import/source.ts';
import type * as Spreadsheet from '../../../src/import/spreadsheet.ts';
import type { SheetRow } from '../../../src/import/spreadsheet.ts';
import { openTable, type TableRow } from '../../../src/import/table-reader.ts';
import { locateSheet } from '../../../src/import/table-sheet.ts';
import { textFile } from '../../support/import-fixtures.ts';

/** Rows the mocked spreadsheet reader returns (null: the real reader). */
const mockSheet = vi.hoisted(() => ({ rows: null as readonly SheetRow[] | null }));

vi.mock('../../../src/import/spreadsheet.ts', async (importOriginal) => {
  const real = await importOriginal<typeof Spreadsheet>();
  return {
    ...real,
    readSpreadsheet: (...args: Parameters<typeof real.readSpreadsheet>) =>
      mockSheet.rows === null
        ? real.readSpreadsheet(...args)
        : {
            format: 'XLSX',
            sheet: 'Feuil1',
            sheets: ['Feuil1'],
            rows: mockSheet.rows,
            merges: [],
            notes: {},
          },
  };
});

/** A header scores one per known title, line breaks and spaces inside titles aside. */
const scoreOf =
  (known: readonly string[]) =>
  (cells: readonly string[]): number =>
    cells.filter((c) => known.includes(c.replace(/\s+/g, ' '))).length;

/** Opens `source`, reads every row (each kept), and gives the table, its rows and the finished report. */
async function read(source: ImportSource, known: readonly string[], sink: RejectedRowsSink | null = null) {
  const report = new FileReportBuilder(
    { file: source.name, kind: 'grants', format: '', encoding: '', sha256: '' },
    sink,
  );
  const table = await openTable(source, report, { scoreHeader: scoreOf(known), headerSearch: 25 });
  const rows: TableRow[] = [];
  for await (const batch of table.rows())
    for (const row of batch) {
      rows.push(row);
      report.read();
      report.keep();
    }
  table.finish();
  return { table, rows, report: report.finish() };
}

describe('openTable: the header', () => {
  it('finds the header under a title row whose quote never closes, read line by line', async () => {
    const text = [
      '"Subventions 2024 du département',
      'Année;Bénéficiaire;Montant',
      '2024;Club;100',
      '2024;"Judo ""Ippon""";200',
      '2024;Tennis;300',
      '',
    ].join('\n');
    const { table, rows, report } = await read(textFile('titre.csv', text), [
      'Année',
      'Bénéficiaire',
      'Montant',
    ]);
    expect([table.header, table.headerLine, table.titles]).toEqual([
      ['Année', 'Bénéficiaire', 'Montant'],
      2,
      [{ line: 1, text: '"Subventions 2024 du département' }],
    ]);
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [3, ['2024', 'Club', '100']],
      [4, ['2024', 'Judo "Ippon"', '200']],
      [5, ['2024', 'Tennis', '300']],
    ]);
    expect(report.lines).toMatchObject({
      physical: 5,
      title: 1,
      header: 1,
      blank: 0,
      records: 3,
      recordLines: 3,
    });
    expect(report.warnings.map((w) => [w.row, w.code, w.message_fr])).toEqual([
      [1, 'title-row', 'ligne de titre au-dessus de l’en-tête : « "Subventions 2024 du département »'],
    ]);
  });

  it('keeps a header written over 6 lines through quoted line breaks whole (the Sarthe’s)', async () => {
    const known = [
      'Année',
      'Nom de l’organisme bénéficiaire',
      'CP',
      'Ville',
      'Montant de la subvention de fonctionnement (1)',
      'Montant de la subvention d’investissement (2)',
      'Montant des avantages en nature (3)',
      'Total (4)',
    ];
    const text = [
      'Subventions 2024 du Département de la Sarthe;;;',
      'Année;Nom de l’organisme bénéficiaire;CP;Ville;"Montant',
      'de la subvention de fonctionnement (1)";"Montant',
      'de la subvention d’investissement (2)";"Montant',
      'des avantages',
      'en nature (3)";"Total',
      '(4)"',
      '2024;Club de foot;72000;Le Mans;1 200;;;1 200',
      '2024;Judo club;72100;Le Mans;;3 000;;3 000',
      '',
    ].join('\r\n');
    const { table, rows, report } = await read(textFile('sarthe.csv', text), known);
    expect([table.header, table.headerLine, table.titles]).toEqual([
      [
        'Année',
        'Nom de l’organisme bénéficiaire',
        'CP',
        'Ville',
        'Montant\r\nde la subvention de fonctionnement (1)',
        'Montant\r\nde la subvention d’investissement (2)',
        'Montant\r\ndes avantages\r\nen nature (3)',
        'Total\r\n(4)',
      ],
      2,
      [{ line: 1, text: 'Subventions 2024 du Département de la Sarthe' }],
    ]);
    expect(rows.map((r) => [r.line, r.cells.length, r.cells[4], r.cells[5]])).toEqual([
      [8, 8, '1 200', ''],
      [9, 8, '', '3 000'],
    ]);
    expect(report.lines).toMatchObject({
      physical: 9,
      title: 1,
      header: 6,
      blank: 0,
      records: 2,
      recordLines: 2,
    });
  });

  it('leaves the rejected-rows file’s header to the format readers (never the file’s every column)', async () => {
    const start = vi.fn();
    await read(textFile('a.csv', 'a;b\n1;2\n'), ['a', 'b'], { start, add: vi.fn() });
    expect(start).not.toHaveBeenCalled();
  });
});

describe('openTable: trailing separators', () => {
  it('drops empty titles after the last one, and empty cells past the header in any row; keeps a row with text there', async () => {
    const text = 'a;b;c;\n1;2;3\n4;5;6;\n7;8;9;;\n10;11;12;note\n';
    const { table, rows, report } = await read(textFile('fin.csv', text), ['a', 'b', 'c']);
    expect(table.header).toEqual(['a', 'b', 'c']);
    expect(rows.map((r) => r.raw)).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
      ['7', '8', '9'],
      ['10', '11', '12', 'note'],
    ]);
    expect(report.notes).toEqual({
      'colonnes sans titre en fin d’en-tête ignorées': 1,
      'cellules vides en fin de ligne ignorées': 3,
    });
    expect(report.lines?.widths).toEqual([
      [3, 3],
      [4, 1],
    ]);
  });
});

describe('openTable: sizes', () => {
  it('reads 200,000 lines that arrive in one chunk (no batch spread as arguments), the sample capped at 1,000', async () => {
    const text = `a;b\n${'1;2\n'.repeat(200_000)}`;
    const source = sourceFromBytes('long.csv', new TextEncoder().encode(text));
    const { table, rows, report } = await read(source, ['a', 'b']);
    expect([table.sample.length, rows.length, report.lines?.physical]).toEqual([1000, 200_000, 200_001]);
  });

  it('reads a spreadsheet of 200,000 rows (its width found without spreading the rows)', async () => {
    mockSheet.rows = [
      { line: 1, cells: ['a', 'b'] },
      ...Array.from({ length: 200_000 }, (_, i) => ({ line: i + 2, cells: [String(i), 'x'] })),
    ];
    try {
      const report = new FileReportBuilder({
        file: 'f.xlsx',
        kind: 'grants',
        format: '',
        encoding: '',
        sha256: '',
      });
      const located = await locateSheet(sourceFromBytes('f.xlsx', new Uint8Array([1])), report, {
        scoreHeader: scoreOf(['a', 'b']),
        headerSearch: 25,
      });
      expect(located.empty ? null : [located.header.cells, located.counts().records]).toEqual([
        ['a', 'b'],
        200_000,
      ]);
    } finally {
      mockSheet.rows = null;
    }
  });
});

describe('cleanCell', () => {
  it('reads C1 characters as their Windows-1252 character, and counts those with none as control characters', () => {
    const changes = { c1: 0, control: 0, invisible: 0 };
    // U+0092 is ’ and U+009C is œ; U+0081 and U+009D have no Windows-1252 character.
    expect(cleanCell('l\u0092\u009cuvre\u0081de\u009dx\u0007', changes)).toBe('l’œuvre de x');
    expect(changes).toEqual({ c1: 2, control: 3, invisible: 0 });
  });
});
