import { describe, expect, it } from 'vitest';

import { readBoolean, readDate, readNumber, readSiret } from '../../../src/import/values.ts';

describe('readNumber: amounts as French open data writes them', () => {
  it.each([
    ['24000.0', 24000],
    ['25 000,00', 25000],
    ['25\u00a0000,00', 25000],
    ['1\u202f234,5', 1234.5],
    ['1.234.567', 1234567],
    ['1,234.50', 1234.5],
    ['1.234,50', 1234.5],
    ['750,00 €', 750],
    ["12'000", 12000],
    ['-300', -300],
  ])('« %s » → %d', (text, value) => {
    expect(readNumber(text).value).toBe(value);
  });

  it('says when it had to interpret, and not when the text was already a number', () => {
    expect(readNumber('1500.5')).toEqual({ value: 1500.5 });
    expect(readNumber('25 000,00')).toEqual({ value: 25000, normalised: '« 25 000,00 » lu 25000' });
  });

  it('reads an empty cell as null and refuses text', () => {
    expect(readNumber('  ')).toEqual({ value: null });
    expect(readNumber('environ 300')).toEqual({ value: null, error: 'nombre illisible « environ 300 »' });
  });
});

describe('readSiret', () => {
  it('removes spaces, dots and the apostrophe a spreadsheet leaves behind', () => {
    expect(readSiret("224 900 019 000 15'")).toEqual({
      value: '22490001900015',
      normalised: "SIRET « 224 900 019 000 15' » lu 22490001900015",
    });
    expect(readSiret('82212742900014')).toEqual({ value: '82212742900014' });
  });

  it('refuses a SIRET a spreadsheet turned into scientific notation, and wrong lengths', () => {
    expect(readSiret('8.22127E+13').error).toBe(
      'SIRET « 8.22127E+13 » abîmé par un tableur (notation scientifique) : chiffres perdus',
    );
    expect(readSiret('822127429').error).toBe('SIRET « 822127429 » : 14 chiffres attendus');
  });
});

describe('readDate', () => {
  it.each([
    ['2024-03-15', '2024-03-15', undefined],
    ['2024-03-15T10:00:00Z', '2024-03-15', 'date « 2024-03-15T10:00:00Z » lue 2024-03-15'],
    ['15/03/2024', '2024-03-15', 'date « 15/03/2024 » lue 2024-03-15'],
    ['5.3.2024', '2024-03-05', 'date « 5.3.2024 » lue 2024-03-05'],
    ['2023', '2023-01-01', 'année seule « 2023 » : 1er janvier 2023 retenu'],
  ])('« %s » → %s', (text, value, normalised) => {
    expect(readDate(text)).toEqual(normalised ? { value, normalised } : { value });
  });

  it('refuses impossible dates', () => {
    expect(readDate('2024-02-30').error).toBe('date « 2024-02-30 » illisible (AAAA-MM-JJ attendu)');
    expect(readDate('31/13/2024').value).toBeNull();
  });
});

describe('readBoolean', () => {
  it.each([
    ['oui', true],
    ['Non', false],
    ['true', true],
    ['0', false],
  ])('« %s » → %s', (text, value) => {
    expect(readBoolean(text).value).toBe(value);
  });

  it('refuses anything else', () => {
    expect(readBoolean('peut-être').error).toBe('booléen « peut-être » illisible (oui ou non attendu)');
  });
});
