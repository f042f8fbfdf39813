import { beforeAll, describe, expect, it } from 'vitest';

import type { AssociationRow, CommuneRow } from '../../../src/data/schema/index.ts';
import { AssociationIndexBuilder } from '../../../src/import/association-index.ts';
import type { Cog } from '../../../src/import/cog.ts';
import { importCommunes } from '../../../src/import/communes.ts';
import { importRna, rnaDate } from '../../../src/import/rna.ts';
import type { ImportSource } from '../../../src/import/source.ts';
import { importWaldecNomenclature } from '../../../src/import/waldec-nomenclature.ts';
import { fixtureFile, fixtureText, officialCog } from '../../support/import-fixtures.ts';

let cog: Cog;
let communes: CommuneRow[];
let labels: ReadonlyMap<string, string>;
beforeAll(async () => {
  cog = await officialCog();
  const outlines = fixtureText('communes-wgs84.geojson');
  communes = importCommunes('c', outlines.text, outlines.sha256, cog).rows;
  labels = (await importWaldecNomenclature(fixtureFile('waldec-nomenclature.csv'))).labels;
});

/** Imports an RNA source into the fixture communes; `seen` are associations read from another file. */
export async function importRnaSource(
  source: ImportSource,
  seen: readonly string[] = [],
  allowEmpty = false,
) {
  const index = new AssociationIndexBuilder();
  for (const id of seen) index.add({ id, siret: null, nom: id, commune_code: '01015' });
  const rows: AssociationRow[] = [];
  const { report } = await importRna(source, {
    territory: { cog, communes: new Map(communes.map((c) => [c.code_insee, c])) },
    labels,
    index,
    placed: new Map(),
    today: '2026-11-26',
    allowEmpty,
    write: async (batch) => {
      rows.push(...batch);
    },
  });
  return { rows, report };
}

const rna = (name: string, seen: readonly string[] = []) => importRnaSource(fixtureFile(name), seen);

describe('the WALDEC nomenclature', () => {
  it('reads codes as text, parent labels in lower case, rows with an empty parent label too', () => {
    expect([...labels]).toEqual([
      ['011040', 'randonnée'],
      ['011000', 'sports, activités de plein air'],
      ['006040', 'chorales, ensembles vocaux'],
      ['032510', 'logement des jeunes'],
    ]);
  });
});

describe('rnaDate', () => {
  it('reads 0001-01-01, the register’s empty date, as null', () => {
    expect([rnaDate('0001-01-01'), rnaDate('2020-03-01'), rnaDate(''), rnaDate('2020-02-30')]).toEqual([
      null,
      '2020-03-01',
      null,
      null,
    ]);
  });
});

describe('importRna on an rna_waldec file (BOM, all quoted, line breaks and U+0085 inside cells)', () => {
  it('reads 9 records over 10 lines: 5 kept, 4 rejected with their reason', async () => {
    const { report } = await rna('rna_waldec_fixture.csv');
    expect(report.encoding).toBe('utf-8 avec BOM');
    expect(report.format).toBe('RNA rna_waldec, CSV « ; »');
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([9, 5, 4]);
    expect(report.rejected.map((r) => [r.row, r.id, r.reasons.map((i) => i.code)])).toEqual([
      [7, 'W751000005', ['outside-territory']],
      [8, 'W011000006', ['commune-unknown']],
      [9, 'W011000001', ['duplicate-key']],
      [10, 'W011000007', ['constraint-error']],
    ]);
    expect(report.rejected[0]?.reasons[0]?.message_fr).toBe(
      'siège à Paris (75056), hors des communes importées',
    );
  });

  it('brings former, associated and arrondissement codes to today’s commune', async () => {
    const { rows, report } = await rna('rna_waldec_fixture.csv');
    expect(rows.map((r) => [r.id, r.commune_code])).toEqual([
      ['W011000001', '01015'],
      ['W011000002', '01015'],
      ['W011000003', '01262'],
      ['W691000004', '69123'],
      ['W011000008', '01262'],
    ]);
    expect(
      report.warnings.filter((w) => w.code === 'commune-mapped').map((w) => [w.row, w.message_fr]),
    ).toEqual([
      [3, '01340 ramené à 01015 Arboys en Bugey (deleguee)'],
      [5, '01120 ramené à 01262 Montluel (ancienne)'],
      [6, '69383 ramené à 69123 Lyon (arrondissement)'],
    ]);
  });

  it('keeps status, dates (0001-01-01 → empty), themes and labels; drops an invalid SIRET', async () => {
    const { rows } = await rna('rna_waldec_fixture.csv');
    const pick = (id: string) => rows.find((r) => r.id === id);
    expect(pick('W011000001')).toMatchObject({
      nom: 'CLUB DE RANDONNÉE DU BUGEY',
      statut: 'active',
      date_creation: '2010-05-12',
      date_derniere_declaration: '2024-01-10',
      date_dissolution: null,
      waldec_code: '011040',
      waldec_libelle: 'randonnée',
      theme_code: '011000',
      theme_libelle: 'sports, activités de plein air',
      precision_geo: 'commune',
    });
    expect(pick('W011000002')).toMatchObject({ statut: 'dissoute', date_dissolution: '2020-03-01' });
    expect(pick('W011000003')).toMatchObject({ statut: 'supprimee', date_derniere_declaration: null });
    expect(pick('W691000004')).toMatchObject({
      siret: '82212742900014',
      date_creation: null,
      waldec_code: '050000',
      theme_code: '050000',
    });
    // Names are data: HTML in them is kept as text, never interpreted here.
    expect(pick('W011000008')).toMatchObject({
      nom: '<img src=x onerror=alert(1)>Les Amis du Chant',
      siret: null,
      waldec_libelle: 'chorales, ensembles vocaux',
      theme_code: '006000',
    });
  });

  it('reports the U+0085 replaced, the theme reclassified and the bad SIRET on their lines', async () => {
    const { report } = await rna('rna_waldec_fixture.csv');
    const others = report.warnings.filter((w) => w.code !== 'commune-mapped');
    expect(others.map((w) => [w.row, w.field, w.code])).toEqual([
      [6, 'objet_social1', 'value-normalised'],
      [11, 'siret', 'siret'],
      [5, 'objet', 'control-character-warn'],
    ]);
    expect(others[2]?.message_fr).toBe(
      '1 caractère(s) U+0080–U+009F (ponctuation Windows-1252 mal convertie : ’ œ … “ ”) lu(s) comme le caractère voulu — colonne « objet », d’abord ligne 5',
    );
  });
});

describe('importRna on an older rna_import file (Windows-1252, no INSEE code)', () => {
  it('finds communes by postcode and name, by postcode alone, or by a former commune’s name', async () => {
    const { rows, report } = await rna('rna_import_fixture.csv');
    expect(report.format).toBe('RNA rna_import (sans code INSEE), CSV « ; »');
    expect(report.encoding).toBe('windows-1252');
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([5, 3, 2]);
    expect(rows.map((r) => [r.id, r.nom, r.commune_code, r.statut, r.date_derniere_declaration])).toEqual([
      ['0011000123', "FOYER RURAL D'ARBOYS – ÉTÉ", '01015', 'active', '1987-07-01'],
      ['0691000456', 'AMICALE LYONNAISE', '69123', 'active', '1990-03-20'],
      ['0011000789', 'SOCIÉTÉ DE BOULES DE CORDIEUX', '01262', 'dissoute', '1975-06-01'],
    ]);
    expect(report.notes).toEqual({
      // The two active associations have no seat line (adr1–adr3 empty).
      'associations actives : siège trop vague — ni voie ni lieu public': 2,
      'commune par code postal et nom': 1,
      'commune par le seul code postal': 1,
      'commune par nom d’une ancienne commune': 1,
      'positions à la commune (adresse non géocodée)': 3,
    });
    expect(report.rejected.map((r) => [r.row, r.reasons[0]?.code, r.reasons[0]?.message_fr])).toEqual([
      [5, 'outside-territory', 'siège à Paris (75056), hors des communes importées'],
      [6, 'commune-unknown', 'commune introuvable pour « 01999 INCONNUE »'],
    ]);
  });

  it('does not import twice an association already read from another file', async () => {
    const { report } = await rna('rna_import_fixture.csv', ['0011000123']);
    expect(report.rejected[0]).toMatchObject({ row: 2, reasons: [{ code: 'duplicate-key' }] });
  });
});

describe('placing associations at their commune', () => {
  it('puts the associations of one commune on distinct points, the first on the commune’s point', async () => {
    const { rows } = await rna('rna_waldec_fixture.csv');
    const arboys = communes.find((c) => c.code_insee === '01015')!;
    const here = rows.filter((r) => r.commune_code === '01015');
    expect(here.map((r) => r.id)).toEqual(['W011000001', 'W011000002']);
    expect([here[0]?.longitude, here[0]?.latitude]).toEqual([arboys.longitude, arboys.latitude]);
    expect(new Set(here.map((r) => `${r.longitude},${r.latitude}`)).size).toBe(2);
  });
});

describe('rnaDate against the calendar', () => {
  it('agrees with Date on every day of 1900–2100 and on impossible days', () => {
    const byDate = (text: string) => {
      const date = new Date(`${text}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? text : null;
    };
    for (let year = 1900; year <= 2100; year += 1)
      for (let month = 1; month <= 12; month++)
        for (let day = 0; day <= 32; day++) {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(rnaDate(text), text).toBe(byDate(text));
        }
  });
});
