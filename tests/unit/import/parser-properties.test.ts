/*
 * Properties of the importer's parsers (issue 14): for any input they never throw anything but an
 * ImportError, and what they read back is what was written. The properties already held by
 * csv-cells.test.ts (cells of one record), lines.test.ts (chunk boundaries) and
 * arrow-tables.test.ts are not repeated here.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';

import { isValidSiret } from '../../../src/data/siret.ts';
import { publicWebsite, readWebsite } from '../../../src/data/website.ts';
import type { Cog } from '../../../src/import/cog.ts';
import { RecordAssembler } from '../../../src/import/csv-records.ts';
import { DateSpan } from '../../../src/import/date-span.ts';
import { readSiretOrSiren } from '../../../src/import/grant-values.ts';
import { LineDecoder, type PhysicalLine } from '../../../src/import/lines.ts';
import { ImportError } from '../../../src/import/report.ts';
import { rnaDate } from '../../../src/import/rna-dates.ts';
import { readAmount, readDate, readNumber, readSiret } from '../../../src/import/values.ts';
import { officialCog } from '../../support/import-fixtures.ts';

/** Calls `read` and accepts only an ImportError as a failure. */
function typedOnly(read: () => unknown): void {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
  }
}

/** Every physical line of some bytes, pushed in chunks cut at `cuts`. */
function physicalLines(bytes: Uint8Array, cuts: readonly number[] = []): PhysicalLine[] {
  const decoder = new LineDecoder('f.csv');
  const lines: PhysicalLine[] = [];
  let from = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)]
    .sort((a, b) => a - b)
    .concat(bytes.length)) {
    lines.push(...decoder.push(bytes.subarray(from, cut)));
    from = cut;
  }
  return [...lines, ...decoder.end()];
}

/** A real calendar day between 1901 and 2099. */
const day = fc
  .date({ min: new Date('1901-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const isRealDay = (iso: string) => {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
};

describe('lines and records (lines.ts, csv-records.ts)', () => {
  it('cuts any text into lines that, with their ends, give the text back (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'é', ';', '"', '\r', '\n', ' ', '€'), maxLength: 80 }),
        fc.array(fc.nat({ max: 200 }), { maxLength: 5 }),
        (text, cuts) => {
          const lines = physicalLines(new TextEncoder().encode(text), cuts);
          const ends = { LF: '\n', CRLF: '\r\n', CR: '\r', '': '' } as const;
          expect(lines.map((l) => l.text + ends[l.end]).join('')).toBe(text);
          expect(lines.map((l) => l.number)).toEqual(lines.map((_, i) => i + 1));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on any bytes but an ImportError (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.array(fc.nat({ max: 300 }), { maxLength: 4 }),
        (b, cuts) => typedOnly(() => physicalLines(b, cuts)),
      ),
      { numRuns: 300 },
    );
  });

  it('assembles the records Papa Parse wrote, a line break in a quoted field included, and counts their lines (property)', () => {
    const cell = fc.stringMatching(/^[a-zé ;"\n]{0,10}$/);
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((width) =>
            fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }),
          ),
        (records) => {
          // Blank records are not records (counted as blank lines): each starts with a letter.
          // A span of lines that could be records of their own is read as swallowed records
          // (csv-records.ts, #holdsRecords): one field per record breaks lines, without separators.
          const rows = records.map((cells) => {
            const broken = cells.findIndex((c) => c.includes('\n'));
            return cells.map((c, i) => {
              const text = i === broken ? c.replace(/;/g, '') : c.replace(/\n/g, '');
              return i === 0 ? `x${text}` : text;
            });
          });
          const text = Papa.unparse(rows, { delimiter: ';', newline: '\n' });
          const width = rows[0]?.length ?? 1;
          const assembler = new RecordAssembler(';', width);
          const read = [
            ...physicalLines(new TextEncoder().encode(text)).flatMap((l) => assembler.push(l)),
            ...assembler.end(),
          ];
          expect(read.map((r) => r.cells)).toEqual(rows);
          expect(assembler.counts.records).toBe(rows.length);
          expect(assembler.counts.recordLines).toBe(text.split('\n').length);
          expect(read.map((r) => r.recovery ?? null)).toEqual(rows.map(() => null));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('turns any line into records without throwing, never more records than lines (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', ';', '"', ' ', '\n'), maxLength: 30 }), {
          maxLength: 10,
        }),
        fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
        (texts, width) => {
          const assembler = new RecordAssembler(';', width);
          const lines = physicalLines(new TextEncoder().encode(texts.join('\n')));
          const records = [...lines.flatMap((l) => assembler.push(l)), ...assembler.end()];
          expect(records.length).toBeLessThanOrEqual(lines.length);
          expect(assembler.counts.recordLines + assembler.counts.blankLines).toBe(lines.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('dates (values.ts, rna-dates.ts, date-span.ts)', () => {
  it('reads any real day written ISO or day/month/year as that day, and says when it was not ISO (property)', () => {
    fc.assert(
      fc.property(day, (iso) => {
        expect(readDate(iso)).toEqual({ value: iso });
        const [y, m, d] = iso.split('-');
        const french = `${d}/${m}/${y}`;
        expect(readDate(french)).toEqual({ value: iso, normalised: `date « ${french} » lue ${iso}` });
        expect(rnaDate(iso)).toBe(iso);
      }),
    );
  });

  it('gives a real day or an error for any text, never an impossible date (property)', () => {
    const digits = fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/);
    fc.assert(
      fc.property(
        fc.oneof(digits, fc.string({ maxLength: 20 }), fc.stringMatching(/^\d{1,2}\/\d{1,2}\/\d{4}$/)),
        (text) => {
          const read = readDate(text);
          if (read.value === null) expect(read.error !== undefined || text.trim() === '').toBe(true);
          else expect(isRealDay(read.value)).toBe(true);
          // The RNA's reader agrees with the calendar on every YYYY-MM-DD text but its empty date.
          if (/^\d{4}-\d{2}-\d{2}$/.test(text) && text !== '0001-01-01')
            expect(rnaDate(text)).toBe(isRealDay(text) ? text : null);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps the earliest and latest of any dates, ignoring the missing ones (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(day, { nil: null })), (dates) => {
        const span = new DateSpan();
        for (const date of dates) span.add(date);
        const present = dates.filter((d): d is string => d !== null).sort();
        expect(span.ends()).toEqual(present.length ? { first: present[0], last: present.at(-1) } : null);
      }),
    );
  });
});

describe('numbers and amounts (values.ts)', () => {
  /** A number of cents, as an amount may be written. */
  const cents = fc.integer({ min: -1e11, max: 1e11 }).map((n) => n / 100);

  it('reads back any amount written the French, English or plain way (property)', () => {
    fc.assert(
      fc.property(cents, (value) => {
        const french = value.toLocaleString('fr-FR', { minimumFractionDigits: 2 });
        const english = value.toLocaleString('en-US', { minimumFractionDigits: 2 });
        expect(readNumber(french).value).toBe(value);
        expect(readNumber(english).value).toBe(value);
        expect(readNumber(String(value))).toEqual({ value });
        expect(readAmount(`${french} €`).value).toBe(value);
        expect(readAmount(`EUR ${english}`).value).toBe(value);
      }),
      { numRuns: 500 },
    );
  });

  it('gives a finite number or an error for any text: never NaN, Infinity or a silent null (property)', () => {
    const numeric = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        'NaN',
        'Infinity',
        '-Infinity',
        '1e400',
        '-1e400',
        '1e5',
        '0x10',
        '+-1',
        '1,2,3',
        '1.2.3',
      ),
      fc.double().map(String),
    );
    fc.assert(
      fc.property(numeric, (text) => {
        for (const read of [readNumber(text), readAmount(text)]) {
          if (read.value === null) expect(read.error !== undefined || text.trim() === '').toBe(true);
          else expect(Number.isFinite(read.value)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('SIRET (siret.ts, values.ts, grant-values.ts)', () => {
  /** A SIRET made valid by its last digit (Luhn), outside La Poste (another rule). */
  const validSiret = fc
    .stringMatching(/^\d{13}$/)
    .filter((d) => !d.startsWith('356000000'))
    .map((thirteen) => {
      const digit = [...'0123456789'].find((d) => isValidSiret(thirteen + d));
      return `${thirteen}${digit ?? ''}`;
    });

  it('finds exactly one check digit for any 13 digits, and refuses any single wrong digit (property)', () => {
    fc.assert(
      fc.property(validSiret, fc.nat({ max: 13 }), fc.integer({ min: 1, max: 9 }), (siret, at, shift) => {
        expect(siret).toMatch(/^\d{14}$/);
        const thirteen = siret.slice(0, 13);
        expect([...'0123456789'].filter((d) => isValidSiret(thirteen + d))).toHaveLength(1);
        const wrong = siret.slice(0, at) + String((Number(siret[at]) + shift) % 10) + siret.slice(at + 1);
        expect(isValidSiret(wrong)).toBe(false);
      }),
    );
  });

  it('reads a SIRET written with spaces, dots or a stray apostrophe as its 14 digits (property)', () => {
    fc.assert(
      fc.property(
        validSiret,
        fc.constantFrom(' ', '.', '\u00a0', ''),
        fc.boolean(),
        (siret, sep, apostrophe) => {
          const written = `${siret.slice(0, 3)}${sep}${siret.slice(3, 6)}${sep}${siret.slice(6, 9)}${sep}${siret.slice(9)}${apostrophe ? "'" : ''}`;
          expect(readSiret(written).value).toBe(siret);
          const beneficiary = readSiretOrSiren(written);
          if (!siret.endsWith('00000'))
            expect([beneficiary.siret, beneficiary.siren]).toEqual([siret, siret.slice(0, 9)]);
        },
      ),
    );
  });

  it('keeps a beneficiary SIRET only when valid, for any text (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^[\d .']{9,20}$/)), (text) => {
        const read = readSiretOrSiren(text);
        if (read.siret !== null) expect(isValidSiret(read.siret)).toBe(true);
        if (read.siren !== null) expect(read.siren).toMatch(/^\d{9}$/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('websites (website.ts)', () => {
  it('keeps any cell only as an http(s) address with a host, never another scheme (property)', () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.constantFrom(
        'javascript:alert(1)',
        'JaVaScRiPt:alert(1)',
        ' javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'vbscript:msgbox',
        '//evil.example',
        'https://user:pw@evil.example',
        'file:///etc/passwd',
        'http://',
        'www.club.fr',
      ),
      fc.string({ maxLength: 20 }).map((s) => `javascript:${s}`),
    );
    fc.assert(
      fc.property(hostile, (text) => {
        const { website, problem } = readWebsite(text);
        if (website === null) expect(problem === null).toBe(text.trim() === '');
        else {
          expect(website).toMatch(/^https?:\/\/[^\s/]+\.[^\s/]*/);
          expect(publicWebsite(website)?.href).toBe(website);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps any web address it is given, as the URL parser writes it (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'https'] }), (url) => {
        const host = new URL(url).hostname;
        fc.pre(host.includes('.'));
        expect(readWebsite(url).website).toBe(new URL(url).href);
      }),
    );
  });
});

describe('commune codes (cog.ts)', () => {
  let cog: Cog;
  beforeAll(async () => {
    cog = await officialCog();
  });

  it('resolves any text to a current commune with a well-formed code, or to nothing (property)', () => {
    const code = fc.oneof(
      fc.stringMatching(/^[0-9AB]{1,6}$/),
      fc.stringMatching(/^(0[1-9]|[1-8]\d|9[0-5]|2[AB])\d{3}$/),
      fc.constantFrom(
        '2A04',
        '123',
        '97x01',
        '2A004',
        '97101',
        '75056',
        '75111',
        '69383',
        ' 01015',
        '01015 ',
      ),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(code, (text) => {
        const found = cog.resolve(text);
        if (found === null) return;
        expect(found.commune.code).toMatch(/^(\d{5}|2[AB]\d{3})$/);
        // A current commune resolves to itself.
        expect(cog.resolve(found.commune.code)).toEqual({ commune: found.commune, via: 'actuelle' });
      }),
      { numRuns: 2000 },
    );
  });
});
