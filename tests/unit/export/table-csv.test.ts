import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import type { CommuneTableRow } from '../../../src/dashboard/commune-table.ts';
import { tableDataCsv, tableFrenchCsv } from '../../../src/export/table-csv.ts';
import {
  indicatorById,
  INDICATORS,
  isUncertain,
  type IndicatorDefinition,
  type ZoneIndicators,
  type ZoneParts,
} from '../../../src/indicators/registry.ts';
import { PARTS } from '../../../src/indicators/method/parts.ts';

function indicator(id: string): IndicatorDefinition {
  const found = indicatorById(id);
  if (!found) throw new Error(id);
  return found;
}

const ROW: CommuneTableRow = {
  code: '00001',
  nom: "Saint-Martin-d'Urseuil",
  epci_code: '200000011',
  epci_nom: 'CC des Collines',
  population: 1234,
  active: 40,
  isolated: 7,
  masked: false,
  values: {
    partenariats: { central: 1124.5, bas: 1124.5, haut: 1124.5 },
    'cout-evite-net': { central: 1053178.4000000001, bas: -0.2, haut: 1450000.6 },
    'taux-cooperation': { central: 0.4732, bas: 0.4732, haut: 0.4732 },
  },
};

describe('tableFrenchCsv(rows, indicators, perInhabitant)', () => {
  it('writes counts whole, estimates with their low and high columns, no -0, names as in the data, the method last', () => {
    const csv = tableFrenchCsv(
      [ROW],
      [indicator('partenariats'), indicator('cout-evite-net'), indicator('taux-cooperation')],
      false,
    );
    const [header, row] = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(header).toEqual([
      'Code INSEE',
      'Commune',
      'Intercommunalité',
      'Habitants',
      'Associations actives (associations)',
      'Associations isolées (associations)',
      'Partenariats actifs (partenariats)',
      'Coût évité net (€)',
      'Coût évité net — bas (€)',
      'Coût évité net — haut (€)',
      'Taux de coopération (%)',
      'Méthode',
    ]);
    expect(row).toEqual([
      '00001',
      "Saint-Martin-d'Urseuil",
      'CC des Collines',
      '1234',
      '40',
      '7',
      '1125',
      '1053178',
      '0',
      '1450001',
      '47',
      'Méthode Symbiose v2.0.0',
    ]);
  });

  it('writes « secret » for the associations of a masked commune, « non renseigné » where unknown', () => {
    const csv = tableFrenchCsv(
      [
        { ...ROW, active: null, isolated: null, masked: true, values: { partenariats: null } },
        { ...ROW, code: '00002', isolated: null },
      ],
      [indicator('partenariats')],
      false,
    );
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows.slice(1).map((r) => r.slice(4))).toEqual([
      ['secret', 'secret', 'secret', 'Méthode Symbiose v2.0.0'],
      ['40', 'non renseigné', '1125', 'Méthode Symbiose v2.0.0'],
    ]);
  });
});

/** Parts of a zone: every part at 0, then the given ones (same value in every scenario). */
function zoneParts(values: Readonly<Record<string, number | null>>): ZoneParts {
  return Object.fromEntries(
    PARTS.map((p) => {
      const v = p.id in values ? (values[p.id] ?? null) : 0;
      return [p.id, { central: v, bas: v, haut: v }];
    }),
  ) as ZoneParts;
}

describe('tableDataCsv(communes, masked)', () => {
  // Alpha: 10 surveyed, 6 with a partner: 4 isolated. Beta: none surveyed, isolation unknown.
  const communes: ZoneIndicators[] = [
    {
      zone: '00001',
      zone_nom: 'Alpha',
      parts: zoneParts({ associations_actives: 12, associations_couvertes: 10, associations_cooperantes: 6 }),
      values: {},
    },
    {
      zone: '00002',
      zone_nom: 'Beta',
      parts: zoneParts({
        associations_actives: 5,
        associations_couvertes: 0,
        associations_cooperantes: null,
      }),
      values: {},
    },
  ];

  it('writes the isolated count after the isolated rate and the method version last', () => {
    const parsed = Papa.parse<Record<string, string>>(tableDataCsv(communes, null).trim(), { header: true });
    const fields = parsed.meta.fields ?? [];
    expect(fields.slice(0, 3)).toEqual(['niveau', 'zone', 'nom']);
    expect(fields.at(-1)).toBe('methode');
    const rate = fields.indexOf('associations-isolees');
    expect(fields[rate + 1]).toBe('associations_isolees_nombre');
    expect(fields.length).toBe(3 + INDICATORS.reduce((n, i) => n + (isUncertain(i) ? 3 : 1), 0) + 1 + 1);
    expect(parsed.data.map((r) => [r['associations_isolees_nombre'], r['methode']])).toEqual([
      ['4', '2.0.0'],
      ['', '2.0.0'],
    ]);
  });

  it('keeps the method version on a masked commune’s row, and empties its counts', () => {
    const parsed = Papa.parse<Record<string, string>>(tableDataCsv(communes, new Set(['00001'])).trim(), {
      header: true,
    });
    expect(parsed.meta.fields?.slice(-2)).toEqual(['secret_statistique', 'methode']);
    expect(
      parsed.data.map((r) => [r['associations_isolees_nombre'], r['secret_statistique'], r['methode']]),
    ).toEqual([
      ['', 'oui', '2.0.0'],
      ['', 'non', '2.0.0'],
    ]);
  });
});
