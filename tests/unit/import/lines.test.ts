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

  it('gives the same lines wherever the chunks are cut (property, CRLF and multi-byte characters)', () => {
    const data = bytes('id;nom\r\n1;Élodie œuvre\r\n2;"a\r\nb"\r\n3;€\r\n');
    const whole = decode(data).lines;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: data.length - 1 }), { maxLength: 6 }), (cuts) => {
        expect(decode(data, cuts).lines).toEqual(whole);
      }),
    );
  });

  it('decodes UTF-16 LE and BE (« Texte Unicode » exports), chunk boundaries included', () => {
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
