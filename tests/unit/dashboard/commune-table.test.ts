import { describe, expect, it } from 'vitest';

import {
  communeTableRows,
  isolatedCount,
  KEY_INDICATORS,
  OPEN_DATA_INDICATORS,
  tableIndicators,
} from '../../../src/dashboard/commune-table.ts';
import { PART_IDS } from '../../../src/indicators/method/parts.ts';
import {
  indicatorById,
  mapIndicator,
  type CommuneLabel,
  type ZoneIndicators,
} from '../../../src/indicators/registry.ts';

/** A commune whose every part is 0 except those given (null: unknown). */
function commune(code: string, parts: Readonly<Record<string, number | null>>): ZoneIndicators {
  return {
    zone: code,
    zone_nom: `Commune ${code}`,
    parts: Object.fromEntries(
      PART_IDS.map((id) => {
        const v = id in parts ? (parts[id] ?? null) : 0;
        return [id, { bas: v, central: v, haut: v }];
      }),
    ) as unknown as ZoneIndicators['parts'],
    values: {},
  };
}

const LABELS: CommuneLabel[] = ['00001', '00002'].map((code) => ({
  code_insee: code,
  nom: `Commune ${code}`,
  population: 1000,
  epci_code: '200000011',
  epci_nom: 'CC du Val',
  longitude: 4.8,
  latitude: 45.7,
}));

describe('the table’s indicators (method v2)', () => {
  it('names only indicators that exist: none is dropped silently', () => {
    for (const id of [...KEY_INDICATORS, ...OPEN_DATA_INDICATORS])
      expect(indicatorById(id), id).toBeDefined();
    expect(tableIndicators(mapIndicator('cout-evite-net')).map((i) => i.id)).toEqual([
      'cout-evite-net',
      'taux-cooperation',
      'partenariats',
      'echanges',
      'liens-intercommunaux',
      'valeur-benevolat',
      'valeur-personnel',
      'bilan-co2',
      'matiere-evitee',
      'distance-moyenne',
    ]);
  });
});

describe('isolatedCount(parts) and the rows’ association counts', () => {
  it('counts surveyed associations without a partner, unknown where none is surveyed', () => {
    // 00001: 9 active, 6 surveyed, 4 with a partner → 2 isolated. 00002: nobody surveyed.
    const alpha = commune('00001', {
      associations_actives: 9,
      associations_couvertes: 6,
      associations_cooperantes: 4,
    });
    const beta = commune('00002', {
      associations_actives: 3,
      associations_couvertes: 0,
      associations_cooperantes: null,
    });
    expect(isolatedCount(alpha.parts)).toBe(2);
    expect(isolatedCount(beta.parts)).toBeNull();
    const rows = communeTableRows([alpha, beta], LABELS, [], {
      perInhabitant: false,
      masked: new Set(['00002']),
    });
    expect(rows.map((r) => [r.code, r.active, r.isolated, r.masked])).toEqual([
      ['00001', 9, 2, false],
      // A masked commune shows none of its counts.
      ['00002', null, null, true],
    ]);
  });
});
