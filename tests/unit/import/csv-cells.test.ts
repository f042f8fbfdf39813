import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { endsInQuotes, splitCells } from '../../../src/import/csv-cells.ts';

/** Cells with the characters that make CSV hard: separators, quotes, line breaks, spaces. */
const cell = fc.stringMatching(/^[a-zé ;,"\r\n]{0,12}$/);

describe('splitCells(text, delimiter)', () => {
  it('gives back the cells Papa Parse wrote, whatever they hold (property, 500 records)', () => {
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(';', ','),
        (cells, delimiter) => {
          const text = Papa.unparse([cells], { delimiter, newline: '\n', quotes: false });
          expect(splitCells(text, delimiter)).toEqual({ cells, open: false, strayQuotes: 0 });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads a quote inside an unquoted field as a character (« Convention "Collèges" 2019 »)', () => {
    expect(splitCells('a,Convention "Collèges" 2019,b', ',').cells).toEqual([
      'a',
      'Convention "Collèges" 2019',
      'b',
    ]);
  });

  it('reads `"abc"def` as Excel does, and counts the stray quote', () => {
    expect(splitCells('"abc"def;x', ';')).toEqual({ cells: ['abcdef', 'x'], open: false, strayQuotes: 1 });
  });

  it('says when the text ends inside a quoted field', () => {
    expect(splitCells('1;"début de', ';')).toEqual({ cells: ['1', 'début de'], open: true, strayQuotes: 0 });
  });

  it('reads an unclosed quote as a character when asked: the rest of the record splits at separators', () => {
    expect(splitCells('5,"Club de foot,100', ',', true).cells).toEqual(['5', '"Club de foot', '100']);
  });

  it('stops at `maxCells`: the last cell is the rest of the text, and the result says truncated', () => {
    expect(splitCells('a;b;c;d', ';', false, 2)).toEqual({
      cells: ['a', 'b;c;d'],
      open: false,
      strayQuotes: 0,
      truncated: true,
    });
    expect(splitCells('a;b', ';', false, 2)).toEqual({ cells: ['a', 'b'], open: false, strayQuotes: 0 });
    expect(splitCells('"a;b";"c";d', ';', false, 2)).toMatchObject({
      cells: ['a;b', '"c";d'],
      truncated: true,
    });
    expect(splitCells('1;"x;y;z', ';', true, 3)).toMatchObject({
      cells: ['1', '"x', 'y;z'],
      truncated: true,
    });
    expect(splitCells('x;'.repeat(2000), ';', false, 1000).cells).toEqual([
      ...Array<string>(999).fill('x'),
      'x;'.repeat(1001),
    ]);
  });

  it('gives the first cells unchanged under a cap, and as many cells as the cap at most (property)', () => {
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 8 }),
        (cells, cap) => {
          const text = Papa.unparse([cells], { delimiter: ';', newline: '\n', quotes: false });
          const capped = splitCells(text, ';', false, cap);
          expect(capped.cells.length).toBe(Math.min(cells.length, cap));
          expect(capped.cells.slice(0, cap - 1)).toEqual(cells.slice(0, cap - 1));
          expect(capped.truncated ?? false).toBe(cells.length > cap);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps empty cells, first, last and between', () => {
    expect(splitCells(';a;;', ';').cells).toEqual(['', 'a', '', '']);
    expect(splitCells('', ';').cells).toEqual(['']);
  });
});

describe('endsInQuotes(line, delimiter, startsInQuotes)', () => {
  it('follows a quoted field over the lines of a record written by Papa Parse (property)', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), (cells) => {
        const lines = Papa.unparse([cells], { delimiter: ';', newline: '\n' }).split(/\r\n|\n|\r/);
        let open = false;
        lines.forEach((line, i) => {
          open = endsInQuotes(line, ';', open);
          // Only the last line of the record closes every quoted field.
          if (i === lines.length - 1) expect(open).toBe(false);
          else expect(open).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('does not open a field on a quote in the middle of an unquoted value', () => {
    expect(endsInQuotes('1,Convention "Collèges" 2019,x', ',', false)).toBe(false);
    expect(endsInQuotes('1,ouvert "ici', ',', false)).toBe(false);
    expect(endsInQuotes('1,"ouvert ici', ',', false)).toBe(true);
  });
});
