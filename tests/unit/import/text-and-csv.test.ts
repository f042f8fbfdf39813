import { describe, expect, it } from 'vitest';

import { matchHeader, normaliseHeader, parseCsv } from '../../../src/import/csv.ts';
import { ImportError } from '../../../src/import/report.ts';
import { decodeText } from '../../../src/import/text.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

describe('decodeText', () => {
  it('strips a UTF-8 BOM and says it was there', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'id;titre\n'))).toEqual({
      text: 'id;titre\n',
      encoding: 'utf-8',
      bom: true,
      windows1252Lines: [],
    });
  });

  it('reads a Windows-1252 file (é = 0xE9, € = 0x80, – = 0x96)', () => {
    const decoded = decodeText(bytes('nom\n', [0x45, 0x74, 0xe9, 0x20, 0x80, 0x20, 0x96, 0x0a]));
    expect(decoded.text).toBe('nom\nEté € –\n');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.windows1252Lines).toEqual([2]);
  });

  it('reads a file mixing UTF-8 and Windows-1252 lines, line by line', () => {
    const decoded = decodeText(bytes('Été\r\n', [0xc9, 0x74, 0xe9, 0x0d, 0x0a], 'ok\r\n', 'Noël\r\n'));
    expect(decoded.text).toBe('Été\r\nÉté\r\nok\r\nNoël\r\n');
    expect(decoded.encoding).toBe('mixte (utf-8 et windows-1252)');
    expect(decoded.windows1252Lines).toEqual([2]);
  });
});

describe('parseCsv', () => {
  it('detects the separator from the header and keeps quoted separators inside cells', () => {
    expect(parseCsv('a;b\n"1;2";3\n', 'f.csv')).toMatchObject({
      delimiter: ';',
      header: ['a', 'b'],
      rows: [{ line: 2, cells: ['1;2', '3'] }],
    });
    expect(parseCsv('a,b\n1,2\n', 'f.csv').delimiter).toBe(',');
  });

  it('numbers each row by the physical line it starts on, across line breaks inside quotes', () => {
    const table = parseCsv(
      '"id";"objet"\n"1";"deux\r\nlignes"\n"2";"trois\nlignes\nici"\n"3";"x"\n',
      'f.csv',
    );
    expect(table.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, '1'],
      [4, '2'],
      [7, '3'],
    ]);
    expect(table.rows[0]?.cells[1]).toBe('deux\r\nlignes');
  });

  it('replaces control characters (U+0085 included) by a space and reports where', () => {
    const table = parseCsv('id;objet\n1;Entraide\u0085et\u0007loisirs\n', 'f.csv');
    expect(table.rows[0]?.cells).toEqual(['1', 'Entraide et loisirs']);
    expect(table.warnings).toEqual([
      {
        row: 2,
        field: '2',
        code: 'control-character-warn',
        message_fr: 'caractère de contrôle remplacé par une espace',
      },
    ]);
  });

  it('lists blank lines but not the line break that ends the file', () => {
    expect(parseCsv('a,b\r\n1,2\r\n\r\n3,4\r\n\r\n', 'f.csv').blankLines).toEqual([3, 5]);
    expect(parseCsv('a,b\n1,2\n', 'f.csv').blankLines).toEqual([]);
  });

  it('stops on a file without a header, naming the file and line', () => {
    expect(() => parseCsv('\n\n', 'vide.csv')).toThrow(
      'vide.csv, ligne 1 : fichier vide ou sans ligne d’en-tête',
    );
  });
});

describe('matchHeader', () => {
  const columns = [
    { name: 'nomBeneficiaire', aliases: ['Nom du bénéficiaire'], required: true },
    { name: 'montant', aliases: ['Montant total de la subvention'], required: true },
    { name: 'dispositifAide', required: false },
  ];

  it('matches field names or human titles whatever their case, accents and punctuation', () => {
    expect(normaliseHeader('Nom du Bénéficiaire ')).toBe('nomdubeneficiaire');
    const match = matchHeader(
      'f.csv',
      ['MONTANT TOTAL DE LA SUBVENTION', 'nom du beneficiaire', 'Colonne1'],
      columns,
    );
    expect([...match.index]).toEqual([
      ['nomBeneficiaire', 1],
      ['montant', 0],
    ]);
    expect(match.warnings).toEqual([
      {
        row: 1,
        field: 'dispositifAide',
        code: 'missing-header-warn',
        message_fr: 'colonne absente de l’en-tête',
      },
      {
        row: 1,
        field: 'Colonne1',
        code: 'extra-header-warn',
        message_fr: 'colonne inconnue du format, ignorée',
      },
    ]);
  });

  it('stops when a required column is missing, naming file, line and column', () => {
    let error: unknown;
    try {
      matchHeader('sub.csv', ['nomBeneficiaire'], columns);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toBe(
      'sub.csv, ligne 1, colonne « montant » : colonne obligatoire absente de l’en-tête (missing-required-header)',
    );
    expect([(error as ImportError).line, (error as ImportError).column]).toEqual([1, 'montant']);
  });
});
