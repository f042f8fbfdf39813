import { beforeAll, describe, expect, it } from 'vitest';

import type { AssociationRow, CommuneRow } from '../../../src/data/schema/index.ts';
import { AssociationIndexBuilder } from '../../../src/import/association-index.ts';
import type { Cog } from '../../../src/import/cog.ts';
import { importCommunes } from '../../../src/import/communes.ts';
import { importRna } from '../../../src/import/rna.ts';
import { fixtureText, officialCog, textFile } from '../../support/import-fixtures.ts';

const HEADER =
  'id;titre;position;date_creat;objet_social1;adrs_codeinsee;adrs_codepostal;adrs_libcommune;siteweb;telephone';
/** Four associations of Arboys en Bugey (01015), one website cell each. */
const ROWS = [
  'W011000001;CLUB UN;A;2010-05-12;011000;01015;01300;Arboys en Bugey;https://www.club-un.fr;0102030405',
  'W011000002;CLUB DEUX;A;2010-05-12;011000;01015;01300;Arboys en Bugey;www.club-deux.fr;',
  'W011000003;CLUB TROIS;A;2010-05-12;011000;01015;01300;Arboys en Bugey;javascript:alert(1);',
  'W011000004;CLUB QUATRE;A;2010-05-12;011000;01015;01300;Arboys en Bugey;;',
];

let cog: Cog;
let communes: CommuneRow[];
beforeAll(async () => {
  cog = await officialCog();
  const outlines = fixtureText('communes-wgs84.geojson');
  communes = importCommunes('c', outlines.text, outlines.sha256, cog).rows;
});

describe('importRna and the RNA « siteweb » column', () => {
  it('keeps http(s) websites (https:// added to a bare host) and leaves out others with the reason', async () => {
    const rows: AssociationRow[] = [];
    const { report } = await importRna(textFile('rna_waldec_sites.csv', [HEADER, ...ROWS].join('\n')), {
      territory: { cog, communes: new Map(communes.map((c) => [c.code_insee, c])) },
      labels: new Map(),
      index: new AssociationIndexBuilder(),
      placed: new Map(),
      today: '2026-11-26',
      allowEmpty: false,
      write: async (batch) => {
        rows.push(...batch);
      },
    });
    expect(rows.map((r) => [r.id, r.site_web])).toEqual([
      ['W011000001', 'https://www.club-un.fr/'],
      ['W011000002', 'https://www.club-deux.fr/'],
      ['W011000003', null],
      ['W011000004', null],
    ]);
    expect(report.rowsKept).toBe(4);
    expect(
      report.warnings.filter((w) => w.field === 'siteweb').map((w) => [w.row, w.code, w.message_fr]),
    ).toEqual([[4, 'value-normalised', 'site web non repris : adresse http(s) attendue']]);
  });
});
