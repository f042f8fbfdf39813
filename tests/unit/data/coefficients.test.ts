import { describe, expect, it } from 'vitest';

import {
  COEFFICIENTS,
  parseCoefficientFile,
  toCoefficientRows,
} from '../../../src/data/method/coefficients.ts';
import { PARTS } from '../../../src/indicators/method/parts.ts';
import { COEFFICIENT_CTES } from '../../../src/indicators/method/sql-values.ts';

describe('the coefficient file', () => {
  it('gives every coefficient a value, an ordered low–high range, a unit, a source and a status for its centre and its bounds', () => {
    expect(COEFFICIENTS.coefficients.length).toBe(84);
    for (const c of COEFFICIENTS.coefficients) {
      expect(c.bas <= c.central && c.central <= c.haut, c.id).toBe(true);
      expect(c.unite.length, c.id).toBeGreaterThan(0);
      expect(c.source.length, c.id).toBeGreaterThan(10);
      expect(['lu', 'estime']).toContain(c.statut);
      expect(['lues', 'estimees']).toContain(c.bornes);
    }
  });

  it('refuses a coefficient whose bounds are not ordered, or a duplicate', () => {
    const first = COEFFICIENTS.coefficients[0];
    if (!first) throw new Error('empty file');
    expect(() =>
      parseCoefficientFile({ ...COEFFICIENTS, coefficients: [{ ...first, bas: first.haut + 1 }] }),
    ).toThrow('bas ≤ central ≤ haut attendu');
    expect(() => parseCoefficientFile({ ...COEFFICIENTS, coefficients: [first, first] })).toThrow(
      `Coefficient en double : ${first.id}`,
    );
  });

  it('is used, and only used, by the method: every parameter a part names exists, every parameter serves a part', () => {
    const parameters = new Set(COEFFICIENTS.coefficients.map((c) => c.parametre));
    const used = new Set<string>(PARTS.flatMap((p) => p.coefficients));
    expect([...used].filter((p) => !parameters.has(p))).toEqual([]);
    expect([...parameters].filter((p) => !used.has(p))).toEqual([]);
    // Every parameter is read by the SQL that turns coefficients into columns.
    for (const parameter of parameters) expect(COEFFICIENT_CTES, parameter).toContain(`'${parameter}'`);
  });
});

describe('toCoefficientRows()', () => {
  const rows = toCoefficientRows();
  const value = (id: string, scenario: string) =>
    rows.find((r) => r.id === id && r.scenario === scenario)?.valeur;

  it('gives three rows per coefficient', () => {
    expect(rows).toHaveLength(84 * 3);
  });

  it('takes, in the low run, the bound that lowers the component', () => {
    // A higher emission factor raises emissions: low run = low value.
    expect([
      value('ef_transport.voiture', 'bas'),
      value('ef_transport.voiture', 'central'),
      value('ef_transport.voiture', 'haut'),
    ]).toEqual([0.195, 0.228, 0.303]);
    // A longer lifetime lowers the share of life of a loan: low run = long lifetime.
    expect([value('duree_vie_jours.sono', 'bas'), value('duree_vie_jours.sono', 'haut')]).toEqual([
      5479, 2557,
    ]);
  });
});
