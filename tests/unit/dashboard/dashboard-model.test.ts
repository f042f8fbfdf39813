import { describe, expect, it } from 'vitest';

import {
  buildDashboardModel,
  communeRanks,
  scalesKey,
  type DashboardInput,
  type ModelView,
} from '../../../src/dashboard/dashboard-model.ts';
import { PART_IDS } from '../../../src/indicators/method/parts.ts';
import type { CommuneLabel, ZoneIndicators } from '../../../src/indicators/registry.ts';
import { classify } from '../../../src/map/classify.ts';

/** A zone whose every part is 0 except those given; values of the indicators given. */
function zone(
  code: string,
  parts: Record<string, number>,
  values: Record<string, number | null>,
): ZoneIndicators {
  return {
    zone: code,
    zone_nom: `Commune ${code}`,
    parts: Object.fromEntries(
      PART_IDS.map((id) => {
        const v = parts[id] ?? 0;
        return [id, { bas: v, central: v, haut: v }];
      }),
    ) as unknown as ZoneIndicators['parts'],
    values: Object.fromEntries(
      Object.entries(values).map(([id, v]) => [id, { central: v, bas: v, haut: v }]),
    ),
  };
}

const label = (code: string, epci: string): CommuneLabel => ({
  code_insee: code,
  nom: `Commune ${code}`,
  population: 1000,
  epci_code: epci,
  epci_nom: `EPCI ${epci}`,
  longitude: Number(code.slice(-1)),
  latitude: 45,
});

// A and B in E1, C and D in E2. Associations behind each commune's figures: A 2, B 5, C 0, D 7.
const communes = [
  zone('00001', { associations_impliquees: 2, population: 1000 }, { echanges: 4, 'bilan-co2': 10 }),
  zone('00002', { associations_impliquees: 5, population: 1000 }, { echanges: 12, 'bilan-co2': 40 }),
  zone('00003', { associations_impliquees: 0, population: 1000 }, { echanges: 0, 'bilan-co2': 0 }),
  zone('00004', { associations_impliquees: 7, population: 1000 }, { echanges: 30, 'bilan-co2': 90 }),
];
const epcis = [
  zone('E1', { associations_impliquees: 7 }, {}),
  zone('E2', { associations_impliquees: 7 }, {}),
];
const labels = [label('00001', 'E1'), label('00002', 'E1'), label('00003', 'E2'), label('00004', 'E2')];

const view = (over: Partial<ModelView> = {}): ModelView => ({
  audience: 'collectivite',
  indicator: 'echanges',
  perInhabitant: false,
  epci: null,
  ...over,
});
const input = (over: Partial<DashboardInput> = {}): DashboardInput => ({
  view: view(),
  manifest: null,
  communes,
  epcis,
  territory: zone('territoire', { associations_impliquees: 14 }, {}),
  labels,
  outlines: null,
  ...over,
});

describe('buildDashboardModel', () => {
  it('masks nothing outside the public view, and maps every value', () => {
    const model = buildDashboardModel(input());
    expect(model.secrecy.communes.size).toBe(0);
    expect(model.mapValues).toEqual([
      { code_insee: '00001', valeur: 4, secret: false, outside: false },
      { code_insee: '00002', valeur: 12, secret: false, outside: false },
      { code_insee: '00003', valeur: 0, secret: false, outside: false },
      { code_insee: '00004', valeur: 30, secret: false, outside: false },
    ]);
  });

  it('applies the public secrecy once: A (2 associations) and, so that A cannot be recovered from E1, B', () => {
    const model = buildDashboardModel(input({ view: view({ audience: 'public' }) }));
    expect([...model.secrecy.communes].sort()).toEqual(['00001', '00002']);
    expect(model.mapValues?.map((v) => [v.code_insee, v.valeur, v.secret])).toEqual([
      ['00001', null, true],
      ['00002', null, true],
      ['00003', 0, false],
      ['00004', 30, false],
    ]);
    // Circles are sized on what is shown only: 30 is the largest shown value, not 12 or 4.
    expect(model.circles?.maxValue).toBe(30);
    expect(model.secrecy.flowShown({ associations: 2 })).toBe(false);
    expect(model.secrecy.flowShown({ associations: 3 })).toBe(true);
    expect(model.secrecy.linkShown({ consentement: false })).toBe(false);
    expect(
      model.secrecy.maskQuarters([
        { trimestre: '2024-01-01', associations: 1 },
        { trimestre: '2024-04-01', associations: 4 },
        { trimestre: '2024-07-01', associations: 9 },
      ] as never),
    ).toEqual(new Set(['2024-01-01', '2024-04-01']));
  });

  it('draws a total as circles and a rate as colours', () => {
    expect(buildDashboardModel(input()).symbol).toBe('cercles');
    const perInhabitant = buildDashboardModel(input({ view: view({ perInhabitant: true }) }));
    expect(perInhabitant.symbol).toBe('aplats');
    expect(perInhabitant.circles).toBeNull();
  });

  it('colours a balance on a zero-centred palette even when every value is positive', () => {
    const model = buildDashboardModel(input({ view: view({ indicator: 'bilan-co2', perInhabitant: true }) }));
    expect(model.classification?.scheme).toBe('divergent');
  });

  it('classes the communes of the chosen intercommunalité; the others fade out', () => {
    const model = buildDashboardModel(input({ view: view({ epci: 'E2', perInhabitant: true }) }));
    expect(model.focusRows.map((r) => r.code)).toEqual(['00003', '00004']);
    expect(model.mapValues?.map((v) => v.outside)).toEqual([true, true, false, false]);
    // E2 shows 0 and 30 per 1,000 inhabitants (population 1,000): one class, zero apart.
    expect(model.classification?.classes.map((c) => [c.min, c.max])).toEqual([[30, 30]]);
  });

  it('holds the scales given for the animation, for the same indicator, reading and zone only', () => {
    const fixedClasses = classify([1, 1000]);
    const fixed = { key: scalesKey(view(), 'echanges'), classification: fixedClasses, circles: null };
    expect(buildDashboardModel(input({ fixed })).classification).toBe(fixedClasses);
    expect(buildDashboardModel(input({ fixed })).scalesFixed).toBe(true);
    const other = buildDashboardModel(input({ fixed, view: view({ indicator: 'bilan-co2' }) }));
    expect(other.classification).not.toBe(fixedClasses);
    expect(other.scalesFixed).toBe(false);
  });
});

describe('communeRanks', () => {
  it('ranks the selected commune among unmasked communes, highest first', () => {
    const model = buildDashboardModel(input());
    expect(communeRanks(model, '00002').get('echanges')).toEqual({ rank: 2, total: 4, percentile: 2 / 3 });
    const hidden = buildDashboardModel(input({ view: view({ audience: 'public' }) }));
    // Masked communes are neither ranked nor counted.
    expect(communeRanks(hidden, '00004').get('echanges')).toEqual({ rank: 1, total: 2, percentile: 1 });
  });
});
