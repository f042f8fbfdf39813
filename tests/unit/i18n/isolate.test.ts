import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { displayName } from '../../../src/i18n/typography.ts';
import { balanceBidi, FSI, isolate, needsIsolation, PDI } from '../../../src/i18n/isolate.ts';

const RLO = '\u202e';
const PDF = '\u202c';
const LRI = '\u2066';

/** Characters that stress the bidirectional algorithm, mixed with plain ones. */
const hostileChar = fc.constantFrom(
  'a',
  ' ',
  '1',
  ':',
  'א',
  'ع',
  '\u200e',
  '\u200f',
  '\u061c',
  '\u202a',
  '\u202b',
  PDF,
  '\u202d',
  RLO,
  LRI,
  '\u2067',
  FSI,
  PDI,
);
const hostileText = fc.oneof(
  fc.array(hostileChar, { maxLength: 40 }).map((chars) => chars.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Whether every isolate and embedding of `text` is closed, and nothing is closed that was not opened. */
function balanced(text: string): boolean {
  const open: string[] = [];
  for (const char of text) {
    if ('\u202a\u202b\u202d\u202e'.includes(char)) open.push('e');
    else if ('\u2066\u2067\u2068'.includes(char)) open.push('i');
    else if (char === PDF) {
      if (open.at(-1) !== 'e') return false;
      open.pop();
    } else if (char === PDI) {
      const at = open.lastIndexOf('i');
      if (at < 0) return false;
      open.length = at;
    }
  }
  return open.length === 0;
}

/** The text without explicit bidirectional controls. */
const visible = (text: string) => text.replace(/[\u202a-\u202e\u2066-\u2069]/gu, '');

describe('isolate', () => {
  it('leaves a name without right-to-left letters or controls as it is', () => {
    expect(isolate('Urseuil')).toBe('Urseuil');
    expect(isolate('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(displayName("L'Isle")).toBe('L’Isle');
  });

  it('wraps a name with an override in FSI…PDI and closes the override inside', () => {
    expect(isolate(`${RLO}evil`)).toBe(`${FSI}${RLO}evil${PDF}${PDI}`);
    expect(displayName(`${RLO}l'evil`)).toBe(`${FSI}${RLO}l’evil${PDF}${PDI}`);
  });

  it('drops a PDI that would end the isolate early', () => {
    expect(isolate(`a${PDI} b`)).toBe(`${FSI}a b${PDI}`);
    expect(isolate(`${LRI}x${PDI}${PDI}y`)).toBe(`${FSI}${LRI}x${PDI}y${PDI}`);
  });

  it('isolates right-to-left letters, as the first of them sets the direction inside', () => {
    expect(isolate('جمعية 12')).toBe(`${FSI}جمعية 12${PDI}`);
    expect(needsIsolation('Club 12')).toBe(false);
    expect(needsIsolation('\u061c')).toBe(true);
  });

  it('gives balanced isolates holding the whole input, and is idempotent (property)', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const out = isolate(text);
        expect(balanced(out)).toBe(true);
        // Every visible character is kept in order; only controls are added or dropped.
        expect(visible(out)).toBe(visible(text));
        if (!needsIsolation(text)) expect(out).toBe(text);
        else {
          expect(out.startsWith(FSI) && out.endsWith(PDI)).toBe(true);
          // The leading FSI is closed by the last PDI: the inside is balanced on its own.
          expect(balanced(out.slice(1, -1))).toBe(true);
        }
        expect(isolate(out)).toBe(out);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps text whose controls are already balanced (property)', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const once = balanceBidi(text);
        expect(balanced(once)).toBe(true);
        expect(balanceBidi(once)).toBe(once);
        if (balanced(text)) expect(once).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});
