import { describe, expect, it } from 'vitest';

import { AssociationIndexBuilder } from '../../../src/import/association-index.ts';
import { DetailBudget, FileReportBuilder, issue } from '../../../src/import/report.ts';

const row = (id: string, siret: string | null, nom: string, commune_code: string) => ({
  id,
  siret,
  nom,
  commune_code,
});

describe('AssociationIndexBuilder', () => {
  it('finds associations by RNA number (W-numbers and older register numbers), SIRET, SIREN and name in a commune', () => {
    const index = AssociationIndexBuilder.of([
      row('W011000001', '82212742900014', 'Club de Voile', '01015'),
      row('0011000123', null, 'Foyer rural', '01015'),
      row('W000000007', null, 'Club de voile', '01262'),
    ]);
    expect([index.size, index.has('W011000001'), index.has('W11000001'), index.has('0011000123')]).toEqual([
      3,
      true,
      false,
      true,
    ]);
    expect([index.communeOf('W000000007'), index.communeOf('W000000008'), index.byId('0011000123')]).toEqual([
      '01262',
      null,
      '0011000123',
    ]);
    expect([
      index.bySiret('82212742900014'),
      index.bySiren('822127429'),
      index.bySiret('82212742900022'),
    ]).toEqual(['W011000001', 'W011000001', null]);
    expect([
      index.byName('CLUB DE VOILE', '01015'),
      index.byName('club de voile', '01262'),
      index.byName('Club', '01015'),
    ]).toEqual(['W011000001', 'W000000007', null]);
  });

  it('does not match a name two associations of a commune share', () => {
    const index = AssociationIndexBuilder.of([
      row('W011000001', null, 'Amicale', '01015'),
      row('W011000002', null, 'AMICALE', '01015'),
    ]);
    expect(index.byName('Amicale', '01015')).toBeNull();
  });

  it('keeps SIRET and name keys only when asked (they cost memory at national scale)', () => {
    const index = new AssociationIndexBuilder({ sirets: false, names: false });
    index.add(row('W011000001', '82212742900014', 'Club', '01015'));
    expect([index.has('W011000001'), index.bySiret('82212742900014'), index.byName('Club', '01015')]).toEqual(
      [true, null, null],
    );
  });
});

describe('DetailBudget', () => {
  it('lists 50 warnings in every file, then only what the import’s budget allows; every warning is counted', () => {
    const budget = new DetailBudget(10, 10);
    const files = ['a.csv', 'b.csv'].map(
      (file) =>
        new FileReportBuilder({ file, kind: 'grants', format: '', encoding: '', sha256: '' }, null, budget),
    );
    for (const builder of files)
      for (let line = 2; line < 102; line++) builder.warn(issue(line, 'x', 'value-normalised', 'lu'));
    const [a, b] = files.map((f) => f.finish());
    expect([a?.warnings.length, b?.warnings.length]).toEqual([60, 50]);
    expect([a?.summary[0]?.count, b?.summary[0]?.count]).toEqual([100, 100]);
  });
});
