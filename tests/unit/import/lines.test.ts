import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { LineDecoder, MAX_LINE_BYTES, type PhysicalLine } from '../../../src/import/lines.ts';
import { ImportError } from '../../../src/import/report.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

/** Decodes bytes given in chunks cut at `cuts` (byte offsets). */
function decode(
  data: Uint8Array,
  cuts: number[] = [],
  encoding: 'bytes' | 'utf-16le' | 'utf-16be' = 'bytes',
) {
  const decoder = new LineDecoder('f.csv', encoding);
  const lines: PhysicalLine[] = [];
  let from = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < data.length)]
    .sort((a, b) => a - b)
    .concat(data.length)) {
    lines.push(...decoder.push(data.subarray(from, cut)));
    from = cut;
  }
  lines.push(...decoder.end());
  return { lines: lines.map((l) => [l.number, l.text, l.end]), stats: decoder.stats() };
}

describe('LineDecoder', () => {
  it('strips a UTF-8 BOM and numbers LF lines; the last line may lack its end', () => {
    const { lines, stats } = decode(bytes([0xef, 0xbb, 0xbf], 'id;titre\n1;Été\n2;x'));
    expect(lines).toEqual([
      [1, 'id;titre', 'LF'],
      [2, '1;Été', 'LF'],
      [3, '2;x', ''],
    ]);
    expect([stats.encoding, stats.bom, stats.lines, stats.lineEnds]).toEqual([
      'utf-8',
      true,
      3,
      { LF: 2, CRLF: 0, CR: 0 },
    ]);
  });

  it('reads CR-only line ends (old Mac exports): 3 lines, not one', () => {
    expect(decode(bytes('a;b\r1;2\r3;4\r')).lines).toEqual([
      [1, 'a;b', 'CR'],
      [2, '1;2', 'CR'],
      [3, '3;4', 'CR'],
    ]);
  });

  it('reads a CRLF header over LF rows line by line, each end counted', () => {
    const { lines, stats } = decode(bytes('a;b\r\n1;2\n3;4\n'));
    expect(lines.map((l) => l[1])).toEqual(['a;b', '1;2', '3;4']);
    expect(stats.lineEnds).toEqual({ LF: 2, CRLF: 1, CR: 0 });
  });

  it('decodes each line as UTF-8 when it is, else as Windows-1252 (é = 0xE9, € = 0x80), and lists them', () => {
    const { lines, stats } = decode(bytes('Été\r\n', [0xc9, 0x74, 0xe9, 0x20, 0x80, 0x0d, 0x0a], 'ok\r\n'));
    expect(lines.map((l) => l[1])).toEqual(['Été', 'Été €', 'ok']);
    expect([stats.encoding, stats.windows1252Lines, stats.windows1252Examples]).toEqual([
      'mixte (utf-8 et windows-1252)',
      1,
      [2],
    ]);
    expect(decode(bytes('nom\n', [0xe9, 0x0a])).stats.encoding).toBe('windows-1252');
  });

  it('ends a line at a lone CR in an LF file, and at a CRLF in a CR file, each end counted by kind', () => {
    const lf = decode(bytes('H\nr1\nr2\rr3\nr4\n'));
    expect(lf.lines).toEqual([
      [1, 'H', 'LF'],
      [2, 'r1', 'LF'],
      [3, 'r2', 'CR'],
      [4, 'r3', 'LF'],
      [5, 'r4', 'LF'],
    ]);
    expect([lf.stats.lines, lf.stats.lineEnds]).toEqual([5, { LF: 4, CRLF: 0, CR: 1 }]);
    const cr = decode(bytes('a\rb\r\nc\r'));
    expect(cr.lines).toEqual([
      [1, 'a', 'CR'],
      [2, 'b', 'CRLF'],
      [3, 'c', 'CR'],
    ]);
    expect(cr.stats.lineEnds).toEqual({ LF: 0, CRLF: 1, CR: 2 });
  });

  it('gives the same lines wherever the chunks are cut (property, CRLF and multi-byte characters)', () => {
    const data = bytes('id;nom\r\n1;Élodie œuvre\r\n2;"a\r\nb"\r\n3;€\r\n');
    const whole = decode(data).lines;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: data.length - 1 }), { maxLength: 6 }), (cuts) => {
        expect(decode(data, cuts).lines).toEqual(whole);
      }),
    );
  });

  it('gives the same lines and counts wherever the chunks are cut, lone CRs, a BOM and a Windows-1252 line included (property)', () => {
    const data = bytes(
      [0xef, 0xbb, 0xbf],
      'id;nom\r\n1;Élodie œuvre\r2;"a\r\nb"\n3;€\r\r\n',
      [0xe9, 0x0d],
      '4;x\r',
    );
    const whole = decode(data);
    expect(whole.lines).toEqual([
      [1, 'id;nom', 'CRLF'],
      [2, '1;Élodie œuvre', 'CR'],
      [3, '2;"a', 'CRLF'],
      [4, 'b"', 'LF'],
      [5, '3;€', 'CR'],
      [6, '', 'CRLF'],
      [7, 'é', 'CR'],
      [8, '4;x', 'CR'],
    ]);
    expect(whole.stats).toMatchObject({
      encoding: 'mixte (utf-8 et windows-1252)',
      bom: true,
      lines: 8,
      lineEnds: { LF: 1, CRLF: 3, CR: 4 },
      windows1252Lines: 1,
      windows1252Examples: [7],
    });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: data.length - 1 }), { maxLength: 8 }), (cuts) => {
        const cut = decode(data, cuts);
        expect(cut.lines).toEqual(whole.lines);
        expect([cut.stats.bom, cut.stats.lineEnds, cut.stats.windows1252Examples]).toEqual([
          true,
          whole.stats.lineEnds,
          [7],
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a UTF-8 line with one cut sequence as UTF-8, the bad byte as « � », and lists it apart', () => {
    // `\xC3` is what remains of a « É » cut in two; the line holds two well-formed sequences.
    const { lines, stats } = decode(bytes('nom\n', 'COMITÉ DES FÊTES;', [0xc3], ' ARBRE\n', 'x\n'));
    expect(lines).toEqual([
      [1, 'nom', 'LF'],
      [2, 'COMITÉ DES FÊTES;\ufffd ARBRE', 'LF'],
      [3, 'x', 'LF'],
    ]);
    expect(stats).toMatchObject({
      encoding: 'utf-8',
      windows1252Lines: 0,
      invalidUtf8Lines: 1,
      invalidUtf8Examples: [2],
    });
    // As many stray high bytes as well-formed sequences: Windows-1252 (here « Ã‰ » is what was written).
    const legacy = decode(bytes('nom\n', 'COMITÉ', [0xe9], '\n'));
    expect(legacy.lines[1]).toEqual([2, 'COMITÃ‰é', 'LF']);
    expect([legacy.stats.windows1252Lines, legacy.stats.invalidUtf8Lines]).toEqual([1, 0]);
  });

  it('decodes UTF-16 LE and BE (« Texte Unicode » exports), chunk boundaries included, and says when a BOM was taken off', () => {
    const text = 'id\tnom\r\n1\tÉté\r\n';
    const le = new Uint8Array([
      0xff,
      0xfe,
      ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]);
    const be = new Uint8Array([
      0xfe,
      0xff,
      ...[...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]),
    ]);
    const expected = [
      [1, 'id\tnom', 'CRLF'],
      [2, '1\tÉté', 'CRLF'],
    ];
    expect(decode(le, [3, 7], 'utf-16le').lines).toEqual(expected);
    expect(decode(be, [5], 'utf-16be').lines).toEqual(expected);
    expect([decode(le, [1], 'utf-16le').stats.bom, decode(be, [], 'utf-16be').stats.bom]).toEqual([
      true,
      true,
    ]);
    expect(decode(le.subarray(2), [], 'utf-16le')).toMatchObject({ lines: expected, stats: { bom: false } });
  });

  it('stops on a line longer than 16 MB: not a CSV file, named with its line', () => {
    const decoder = new LineDecoder('binaire.csv');
    decoder.push(bytes('a\n'));
    const long = new Uint8Array(MAX_LINE_BYTES + 1).fill(0x41);
    expect(() => decoder.push(long)).toThrow(ImportError);
    expect(() => new LineDecoder('binaire.csv').push(long)).toThrow(
      'binaire.csv, ligne 1 : ligne de plus de 16 Mo sans fin de ligne : ce n’est pas un fichier CSV, ou il est endommagé',
    );
  });
});
