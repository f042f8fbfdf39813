import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import type { CommuneTableRow } from '../../../src/dashboard/commune-table.ts';
import { tableFrenchCsv } from '../../../src/export/table-csv.ts';
import { indicatorById, type IndicatorDefinition } from '../../../src/indicators/registry.ts';

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
  masked: false,
  values: {
    partenariats: { central: 1124.5, bas: 1124.5, haut: 1124.5 },
    'valeur-totale': { central: 1053178.4000000001, bas: -0.2, haut: 1450000.6 },
    'taux-cooperation': { central: 0.4732, bas: 0.4732, haut: 0.4732 },
  },
};

describe('tableFrenchCsv(rows, indicators, perInhabitant)', () => {
  it('writes counts whole, estimates with their low and high columns, no -0, names as in the data', () => {
    const csv = tableFrenchCsv(
      [ROW],
      [indicator('partenariats'), indicator('valeur-totale'), indicator('taux-cooperation')],
      false,
    );
    const [header, row] = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(header).toEqual([
      'Code INSEE',
      'Commune',
      'Intercommunalité',
      'Habitants',
      'Partenariats actifs (partenariats)',
      'Valeur de la coopération (€)',
      'Valeur de la coopération — bas (€)',
      'Valeur de la coopération — haut (€)',
      'Taux de coopération (%)',
    ]);
    expect(row).toEqual([
      '00001',
      "Saint-Martin-d'Urseuil",
      'CC des Collines',
      '1234',
      '1125',
      '1053178',
      '0',
      '1450001',
      '47',
    ]);
  });
});
