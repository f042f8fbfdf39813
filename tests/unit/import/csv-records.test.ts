import { describe, expect, it } from 'vitest';

import { detectDelimiter, RecordAssembler } from '../../../src/import/csv-records.ts';
import { LineDecoder } from '../../../src/import/lines.ts';

/** Records of a text, the header's width known, as [first line, last line, cells, recovery code]. */
function assemble(text: string, width: number | null, delimiter = ';') {
  const decoder = new LineDecoder('f.csv');
  const lines = [...decoder.push(new TextEncoder().encode(text)), ...decoder.end()];
  const assembler = new RecordAssembler(delimiter, width);
  const records = [...lines.flatMap((l) => assembler.push(l)), ...assembler.end()];
  return {
    rows: records.map((r) => [r.line, r.lastLine, r.cells, r.recovery?.code ?? null]),
    messages: records.flatMap((r) => (r.recovery ? [r.recovery.message] : [])),
    counts: assembler.counts,
    physical: lines.length,
  };
}

describe('RecordAssembler', () => {
  it('keeps a quoted field over several lines as one record (the RNA’s « objet »)', () => {
    const { rows, counts, physical } = assemble(
      '"W1";"A";"ligne un\r\nligne deux";"A"\n"W2";"B";"x";"A"\n',
      4,
    );
    expect(rows).toEqual([
      [1, 2, ['W1', 'A', 'ligne un\r\nligne deux', 'A'], null],
      [3, 3, ['W2', 'B', 'x', 'A'], null],
    ]);
    expect(counts).toEqual({ blankLines: 0, records: 2, recordLines: 3, unclosedQuotes: 0, unwrapped: 0 });
    expect(physical).toBe(3);
  });

  it('splits back the lines an unclosed quote would fuse, each read alone, the quote a character', () => {
    const text = ['1;Club;10;A', '2;"Foot;20;A', '3;Tennis;30;A', '4;Judo;"40";A', ''].join('\n');
    const { rows, messages, counts } = assemble(text, 4);
    expect(rows).toEqual([
      [1, 1, ['1', 'Club', '10', 'A'], null],
      [2, 2, ['2', '"Foot', '20', 'A'], 'unclosed-quote'],
      [3, 3, ['3', 'Tennis', '30', 'A'], null],
      [4, 4, ['4', 'Judo', '40', 'A'], null],
    ]);
    expect(messages).toEqual([
      'guillemet ouvert ligne 2 qui ne referme qu’à la ligne 4 : ces 3 lignes auraient été fondues en un enregistrement ; chacune est relue seule',
    ]);
    expect([counts.records, counts.recordLines, counts.unclosedQuotes]).toEqual([4, 4, 1]);
  });

  it('splits back an unclosed quote that reaches the end of the file', () => {
    const { rows, messages } = assemble('1,"Club de foot,100\n2,Tennis,200\n3,Judo,300', 3, ',');
    expect(rows).toEqual([
      [1, 1, ['1', '"Club de foot', '100'], 'unclosed-quote'],
      [2, 2, ['2', 'Tennis', '200'], null],
      [3, 3, ['3', 'Judo', '300'], null],
    ]);
    expect(messages[0]).toBe(
      'guillemet ouvert ligne 1 jamais refermé : il aurait avalé 2 ligne(s) de plus ; chaque ligne est relue seule, le guillemet lu comme un caractère',
    );
  });

  it('splits back a quoted field that closes but holds lines that are whole records', () => {
    const text = ['1;a;b;c;d', '2;"x;b;c;d', '3;y;b;c;d', '4;z";b;c;d', ''].join('\n');
    expect(assemble(text, 5).rows.map((r) => [r[0], (r[2] as string[]).length, r[3]])).toEqual([
      [1, 5, null],
      [2, 5, 'unclosed-quote'],
      [3, 5, null],
      [4, 5, null],
    ]);
  });

  it('keeps a well-formed multi-line field in the first column whole (its last line is not a swallowed record)', () => {
    const text = '"Département de l\'Ain\nDirection des sports";2001;Club;120\nCommune;2002;Judo;80\n';
    const { rows, counts } = assemble(text, 4);
    expect(rows).toEqual([
      [1, 2, ["Département de l'Ain\nDirection des sports", '2001', 'Club', '120'], null],
      [3, 3, ['Commune', '2002', 'Judo', '80'], null],
    ]);
    expect([counts.records, counts.recordLines, counts.unclosedQuotes]).toEqual([2, 3, 0]);
  });

  it('reads a lone CR inside a quoted field as a line break of the field, kept as written', () => {
    const { rows, physical } = assemble('"W1";"ligne un\rligne deux";"A"\n"W2";"x";"A"\n', 3);
    expect(rows).toEqual([
      [1, 2, ['W1', 'ligne un\rligne deux', 'A'], null],
      [3, 3, ['W2', 'x', 'A'], null],
    ]);
    expect(physical).toBe(3);
  });

  it('keeps a multi-line record whole when it ends with empty cells the header does not have', () => {
    expect(assemble('"a\nb";c;d;\n1;2;3;\n', 3).rows).toEqual([
      [1, 2, ['a\nb', 'c', 'd', ''], null],
      [3, 3, ['1', '2', '3', ''], null],
    ]);
  });

  it('cuts a line of thousands of separators at max(4 × width, 1,000) cells, 10,000 before the header is known', () => {
    const wide = 'x;'.repeat(2000);
    const { rows, messages, counts } = assemble(`a;b;c;d\n${wide}\n1;2;3;4\n`, 4);
    expect(rows).toEqual([
      [1, 1, ['a', 'b', 'c', 'd'], null],
      [2, 2, [...Array<string>(999).fill('x'), 'x;'.repeat(1001)], 'record-truncated'],
      [3, 3, ['1', '2', '3', '4'], null],
    ]);
    expect(messages).toEqual(['plus de 1000 champs : ligne tronquée à 1000 pour la lecture']);
    expect([counts.records, counts.recordLines]).toEqual([3, 3]);
    const search = assemble(`${'x;'.repeat(20_000)}\n`, null);
    expect([(search.rows[0]?.[2] as string[]).length, search.messages]).toEqual([
      10_000,
      ['plus de 10000 champs : ligne tronquée à 10000 pour la lecture'],
    ]);
    // 300 columns: up to 1,200 cells.
    const wider = assemble(`${'x;'.repeat(1300)}\n`, 300);
    expect([(wider.rows[0]?.[2] as string[]).length, wider.messages]).toEqual([
      1200,
      ['plus de 1200 champs : ligne tronquée à 1200 pour la lecture'],
    ]);
  });

  it('unwraps a record a spreadsheet wrapped whole in quotes, inner quotes doubled', () => {
    // The line was `W1;Club "Les Amis";A`: a spreadsheet kept it as one cell.
    const { rows, messages } = assemble('"W1;Club ""Les Amis"";A"\nW2;Tennis;A\n', 3);
    expect(rows).toEqual([
      [1, 1, ['W1', 'Club "Les Amis"', 'A'], 'record-unwrapped'],
      [2, 2, ['W2', 'Tennis', 'A'], null],
    ]);
    expect(messages).toEqual([
      'enregistrement entier entre guillemets (export de tableur) : recoupé en 3 champs',
    ]);
  });

  it('separates several records enclosed in one quoted field, numbered by their lines', () => {
    const text = 'W0;Avant;A\n"W1;Club ""X"";A\nW2;Tennis;A\r\nW3;""Judo\nclub"";A"\nW4;Après;A\n';
    const { rows, counts, physical } = assemble(text, 3);
    expect(rows).toEqual([
      [1, 1, ['W0', 'Avant', 'A'], null],
      [2, 2, ['W1', 'Club "X"', 'A'], 'record-unwrapped'],
      [3, 3, ['W2', 'Tennis', 'A'], 'record-unwrapped'],
      [4, 5, ['W3', 'Judo\nclub', 'A'], 'record-unwrapped'],
      [6, 6, ['W4', 'Après', 'A'], null],
    ]);
    expect([counts.records, counts.recordLines, counts.blankLines, counts.unwrapped, physical]).toEqual([
      5, 6, 0, 3, 6,
    ]);
  });

  it('counts empty lines and lines of separators only as blank lines, not records', () => {
    const { rows, counts } = assemble('a;b\n\n;;\n"";""\n c ; d \n', 2);
    expect(rows).toEqual([
      [1, 1, ['a', 'b'], null],
      [5, 5, [' c ', ' d '], null],
    ]);
    expect([counts.blankLines, counts.records, counts.recordLines]).toEqual([3, 2, 2]);
  });

  it('takes records as they come while the header is not known', () => {
    expect(assemble('"Titre sur\ndeux lignes";x\n1;2\n', null).rows).toEqual([
      [1, 2, ['Titre sur\ndeux lignes', 'x'], null],
      [3, 3, ['1', '2'], null],
    ]);
  });
});

describe('detectDelimiter(lines)', () => {
  it('picks the separator the header and its rows agree on, quotes aside', () => {
    expect(detectDelimiter(['a;b;c', '1;2,5;3', '4;5;6'])).toBe(';');
    expect(detectDelimiter(['nom,montant,objet', 'A,"25 000,00",x', 'B,"3,5",y'])).toBe(',');
    expect(detectDelimiter(['a\tb', '1\t2'])).toBe('\t');
    expect(detectDelimiter(['seul'])).toBe(';');
  });
});
