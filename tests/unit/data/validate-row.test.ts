import { describe, expect, it } from 'vitest';

import { isValidSiret } from '../../../src/data/siret.ts';
import { validateRow } from '../../../src/data/validate-row.ts';
import { exchange } from '../../support/fixture.ts';
import { EXCHANGES_TABLE } from '../../../src/data/schema/index.ts';

describe('validateRow(table, row)', () => {
  it('accepts a complete exchange', () => {
    expect(validateRow(EXCHANGES_TABLE, exchange('X1', '2024-02-10', 1, 2, 'materiel'), 2)).toEqual([]);
  });

  it('rejects an impossible calendar date', () => {
    const row = exchange('X1', '2024-02-30', 1, 2, 'materiel', { date_fin: null });
    expect(validateRow(EXCHANGES_TABLE, row, 7)).toEqual([
      { row: 7, field: 'date_debut', code: 'type-error', message_fr: 'date attendue au format AAAA-MM-JJ' },
    ]);
  });

  it('checks SIRET keys, and accepts an identifier given only by SIRET', () => {
    const bySiret = exchange('X1', '2024-02-10', 1, 2, 'materiel', {
      beneficiaire_rna: null,
      beneficiaire_siret: '82212742900014',
    });
    expect(validateRow(EXCHANGES_TABLE, bySiret, 2)).toEqual([]);
    const wrongKey = { ...bySiret, beneficiaire_siret: '82212742900015' };
    expect(validateRow(EXCHANGES_TABLE, wrongKey, 2).map((e) => e.code)).toEqual(['siret']);
  });
});

describe('isValidSiret(siret)', () => {
  it.each([
    ['82212742900014', true], // Luhn-valid (Maine-et-Loire grants file)
    ['82212742900015', false],
    ['35600000000048', true], // La Poste head office: Luhn
    ['35600000049837', true], // La Poste establishment: digit sum 45, a multiple of 5
    ['35600000049838', false],
    ['8221274290001', false], // 13 digits
  ])('%s → %s', (siret, valid) => {
    expect(isValidSiret(siret)).toBe(valid);
  });
});
