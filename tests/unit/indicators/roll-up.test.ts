import { describe, expect, it } from 'vitest';

import { PARTS, type PartId } from '../../../src/indicators/method/parts.ts';
import { rollUp, type ZoneParts, type ZonePartsRow } from '../../../src/indicators/roll-up.ts';

/** Parts of a commune: every part 0 in every scenario, but those given. */
function parts(given: Partial<Record<PartId, [number | null, number | null, number | null]>>): ZoneParts {
  return Object.fromEntries(
    PARTS.map((p) => {
      const [bas, central, haut] = given[p.id] ?? [0, 0, 0];
      return [p.id, { bas, central, haut }];
    }),
  ) as ZoneParts;
}

const NON_ADDITIVE = PARTS.filter((p) => !p.additive).map((p) => p.id);

function own(values: Partial<Record<PartId, number | null>>): Map<PartId, number | null> {
  return new Map(NON_ADDITIVE.map((id) => [id, id in values ? (values[id] ?? null) : 0]));
}

type Commune = ZonePartsRow & { epci: string; epci_nom: string };

const communes: Commune[] = [
  {
    zone: '00003',
    zone_nom: 'C',
    epci: '200000002',
    epci_nom: 'CC Deux',
    parts: parts({ echanges: [4, 4, 4], valeur_substituee: [10, 20, 35], population: [700, 700, 700] }),
  },
  {
    zone: '00001',
    zone_nom: 'A',
    epci: '200000001',
    epci_nom: 'CC Une',
    parts: parts({ echanges: [2, 2, 2], valeur_substituee: [1.5, 2.5, 4], population: [100, 100, 100] }),
  },
  {
    zone: '00002',
    zone_nom: 'B',
    epci: '200000001',
    epci_nom: 'CC Une',
    // No population known for B: its intercommunalité's population is unknown too.
    parts: parts({ echanges: [3, 3, 3], valeur_substituee: [0.5, 1, 2], population: [null, null, null] }),
  },
];

describe('rollUp', () => {
  const byEpci = (c: Commune) => ({ zone: c.epci, zone_nom: c.epci_nom });
  const epcis = rollUp(
    communes,
    byEpci,
    new Map([
      ['200000001', own({ associations_impliquees: 7, specialisation: 0.25 })],
      ['200000002', own({ associations_impliquees: 5, specialisation: null })],
    ]),
  );

  it('sums each additive part per scenario, zones in code order', () => {
    expect(epcis.map((z) => [z.zone, z.zone_nom])).toEqual([
      ['200000001', 'CC Une'],
      ['200000002', 'CC Deux'],
    ]);
    expect(epcis[0]?.parts.echanges).toEqual({ bas: 5, central: 5, haut: 5 });
    expect(epcis[0]?.parts.valeur_substituee).toEqual({ bas: 2, central: 3.5, haut: 6 });
    expect(epcis[1]?.parts.valeur_substituee).toEqual({ bas: 10, central: 20, haut: 35 });
  });

  it('leaves a sum unknown when one commune’s part is (population)', () => {
    expect(epcis[0]?.parts.population).toEqual({ bas: null, central: null, haut: null });
    expect(epcis[1]?.parts.population).toEqual({ bas: 700, central: 700, haut: 700 });
  });

  it('reads the parts that do not add up from the zone’s own figures, in every scenario', () => {
    expect(epcis[0]?.parts.associations_impliquees).toEqual({ bas: 7, central: 7, haut: 7 });
    expect(epcis[1]?.parts.specialisation).toEqual({ bas: null, central: null, haut: null });
  });

  it('refuses a zone whose own figures are missing', () => {
    expect(() => rollUp(communes, byEpci, new Map())).toThrow(
      'Missing non-additive parts for zone 200000001',
    );
  });
});
