/**
 * The exploration queries of the dashboard (flows, links, breakdowns, portraits, cards, audience
 * insights) on the hand-built fixture, each expected value worked out from the exchange list in
 * tests/support/fixture.ts (period 2024, receiver side unless said).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadCoefficients } from '../../src/data/load-dataset.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { runExchangesByQuarter } from '../../src/indicators/exchanges-by-quarter.ts';
import { runAssociationCard, runAssociationPartners } from '../../src/indicators/explore/association-card.ts';
import { runTypeBreakdown } from '../../src/indicators/explore/breakdown.ts';
import { runCommuneAssociations, runPartnerCommunes } from '../../src/indicators/explore/commune-details.ts';
import { runCommuneFlows } from '../../src/indicators/explore/flows.ts';
import { runAssociationLinks } from '../../src/indicators/explore/links.ts';
import {
  runFundedAssociations,
  runFunders,
  runGrowth,
  runOpenNeeds,
} from '../../src/indicators/explore/territory-insights.ts';
import { runAssociationPoints } from '../../src/indicators/map-layers-data.ts';
import { INDICATORS, runIndicatorTable, type IndicatorFilters } from '../../src/indicators/registry.ts';
import { runnerWith } from '../support/engine.ts';
import { fixtureTerritory, PERIOD_2024, rna } from '../support/fixture.ts';
import { ALPHA, EXCHANGE_VALUES, TERRITORY, type HandParts } from './method-parts.ts';

const ALL_2024 = { period: PERIOD_2024 };
const A = (n: number) => rna(n);

let runner: QueryRunner;
beforeAll(async () => {
  runner = await runnerWith(fixtureTerritory());
  await loadCoefficients(runner);
});
afterAll(async () => {
  await runner.close();
});

/** Net avoided cost (F2) of a hand zone, central: what flows and breakdowns add up per exchange. */
function handValue(z: HandParts): number {
  return z.valeur_substituee.c - z.cout_transport.c - z.energie_locaux.c;
}

/** The same for some exchanges (method-parts.ts, EXCHANGE_VALUES), central. */
function exchangesValue(ids: readonly string[]): number {
  return ids.reduce((sum, id) => {
    const x = EXCHANGE_VALUES[id];
    if (!x) throw new Error(`no hand values for ${id}`);
    return sum + x.valeur_substituee.c - x.cout_transport.c - x.energie_locaux.c;
  }, 0);
}

describe('association points', () => {
  it('shows the associations active at the period’s end, within the theme filter', async () => {
    const ids = async (filters: IndicatorFilters) =>
      (await runAssociationPoints(runner, filters)).map((p) => p.id);
    // A7 is dissolved, A8 dormant.
    expect(await ids(ALL_2024)).toEqual([1, 2, 3, 4, 5, 6, 9, 10].map(A));
    expect(await ids({ ...ALL_2024, themes: ['011000'] })).toEqual([1, 3, 6, 10].map(A));
    expect(await ids({ ...ALL_2024, funder: '22000001000019' })).toEqual([5, 9].map(A));
  });
});

describe('flows between communes', () => {
  it('pairs both directions and counts the distinct associations behind each pair', async () => {
    const flows = await runCommuneFlows(runner, ALL_2024);
    // Four exchanges each; Alpha–Beta comes first, worth more (the minibus X03) than Beta–Gamma,
    // where staff and time avoid no cost and only their trips count (a negative net avoided cost).
    expect(flows.map(({ valeur: _, ...rest }) => rest)).toEqual([
      // X03 A1→A5, X18 A2→A5 (Alpha → Beta), X11 A6→A1, X25 A5→A1 (Beta → Alpha): A1, A2, A5, A6.
      { a: '00001', b: '00002', echanges: 4, a_vers_b: 2, associations: 4 },
      // X08 A5→A9 (Beta → Gamma), X13 A9→A5, X15 A10→A6, X24 A9→A5 (Gamma → Beta): A5, A6, A9, A10.
      { a: '00002', b: '00003', echanges: 4, a_vers_b: 1, associations: 4 },
    ]);
    // The flow's value is its exchanges' net avoided cost: v_substituee − v_transport − v_energie_locaux.
    expect(flows[0]?.valeur).toBeCloseTo(exchangesValue(['X03', 'X18', 'X11', 'X25']), 9);
    expect(flows[1]?.valeur).toBeCloseTo(exchangesValue(['X08', 'X13', 'X15', 'X24']), 9);
    expect(flows[1]?.valeur).toBeLessThan(0);
  });

  it('adds up, with the exchanges inside each commune, to the territory’s value', async () => {
    const flows = await runCommuneFlows(runner, ALL_2024);
    const inside = await runTypeBreakdown(runner, { ...ALL_2024, types: [] }, 'territoire', null);
    const all = inside.reduce((sum, t) => sum + t.valeur, 0);
    expect(all).toBeCloseTo(handValue(TERRITORY), 6);
    // Flows hold the value of the 8 exchanges between communes only: strictly less than the whole.
    expect(flows.reduce((sum, f) => sum + f.valeur, 0)).toBeLessThan(all);
  });

  it('follows the filters: premises only leaves X11 between Beta and Alpha', async () => {
    const flows = await runCommuneFlows(runner, { ...ALL_2024, types: ['locaux'] });
    expect(flows.map((f) => [f.a, f.b, f.echanges, f.a_vers_b, f.associations])).toEqual([
      ['00001', '00002', 1, 0, 2],
    ]);
  });
});

describe('breakdown by resource type', () => {
  it('counts every exchange of the territory once, by type, with its associations', async () => {
    const mix = await runTypeBreakdown(runner, ALL_2024, 'territoire', null);
    expect(mix.map((t) => [t.type_ressource, t.echanges, t.associations])).toEqual([
      ['materiel', 9, 5], // X01, X05, X09, X10, X14, X19, X21, X22, X26: A1, A2, A3, A5, A6
      ['competences', 4, 5], // X04, X12, X18, X25: A1, A2, A3, A5, A6
      ['locaux', 3, 4], // X02, X11, X27: A1, A2, A5, A6
      ['autre', 2, 4], // X16, X23: A2, A3, A9, A10
      ['information_formation', 2, 3], // X07, X15: A6, A9, A10
      ['personnel', 2, 2], // X08, X24: A5, A9
      ['projet_commun', 2, 3], // X06, X13: A5, A9, A10
      ['vehicule', 2, 3], // X03, X17: A1, A5, A6
    ]);
    // Each type's value: its exchanges' net avoided cost (central).
    const value = (type: string) => mix.find((t) => t.type_ressource === type)?.valeur;
    expect(value('locaux')).toBeCloseTo(exchangesValue(['X02', 'X11', 'X27']), 9);
    expect(value('personnel')).toBeCloseTo(exchangesValue(['X08', 'X24']), 9);
  });

  it('for one commune, counts what it receives and sums to its value', async () => {
    const mix = await runTypeBreakdown(runner, ALL_2024, 'commune', '00001');
    expect(mix.map((t) => [t.type_ressource, t.echanges])).toEqual([
      ['materiel', 6], // X01, X09, X10, X19, X22, X26
      ['competences', 2], // X12, X25
      ['locaux', 2], // X02, X11
      ['autre', 1], // X16
    ]);
    expect(mix.reduce((sum, t) => sum + t.valeur, 0)).toBeCloseTo(handValue(ALPHA), 6);
  });
});

describe('quarterly series', () => {
  it('gives each quarter’s exchanges and the associations behind them', async () => {
    const quarters = await runExchangesByQuarter(runner, ALL_2024, null);
    expect(quarters).toEqual([
      // X01–X04, X21, X22, X24: A1, A2, A5, A6, A9
      { trimestre: '2024-01-01', echanges: 7, associations: 5 },
      // X05–X09, X23, X25: A1, A2, A3, A5, A6, A9, A10
      { trimestre: '2024-04-01', echanges: 7, associations: 7 },
      // X10–X13, X27: A1, A3, A5, A6, A9
      { trimestre: '2024-07-01', echanges: 5, associations: 5 },
      // X14–X19, X26 (by its first day): A1, A2, A3, A5, A6, A10
      { trimestre: '2024-10-01', echanges: 7, associations: 6 },
    ]);
  });

  it('counts an exchange begun before the period in the period’s first quarter', async () => {
    // 2025: only X26 (2024-12-01 → 2025-01-31, A3 → A2) overlaps the year; it began in 2024.
    const quarters = await runExchangesByQuarter(
      runner,
      { period: { start: '2025-01-01', end: '2025-12-31' } },
      null,
    );
    expect(quarters.map((q) => [q.trimestre, q.echanges, q.associations])).toEqual([
      ['2025-01-01', 1, 2],
      ['2025-04-01', 0, 0],
      ['2025-07-01', 0, 0],
      ['2025-10-01', 0, 0],
    ]);
  });

  it('for a commune, counts exchanges with the commune at either end', async () => {
    const quarters = await runExchangesByQuarter(runner, ALL_2024, '00003');
    // Gamma: X24 (Q1), X06, X07, X08, X23 (Q2), X13 (Q3), X15 (Q4)
    expect(quarters.map((q) => [q.echanges, q.associations])).toEqual([
      [1, 2],
      [4, 3],
      [1, 2],
      [1, 2],
    ]);
  });
});

describe('commune portrait', () => {
  it('lists partner communes with their exchanges in either direction', async () => {
    expect(await runPartnerCommunes(runner, ALL_2024, '00002')).toEqual([
      { code_insee: '00001', nom: 'Alpha', echanges: 4, associations: 4 }, // X03, X11, X18, X25
      { code_insee: '00003', nom: 'Gamma', echanges: 4, associations: 4 }, // X08, X13, X15, X24
    ]);
  });

  it('lists its associations, the dissolved and the dormant ones left out', async () => {
    expect(await runCommuneAssociations(runner, ALL_2024, '00001')).toEqual([
      {
        id: A(1),
        nom: 'Association 1',
        theme_code: '011000',
        active: true,
        couverte: true,
        fournis: 4, // X01, X03, X12, X19
        recus: 5, // X02, X10, X11, X22, X25
      },
      {
        id: A(2),
        nom: 'Association 2',
        theme_code: '006000',
        active: true,
        couverte: true,
        fournis: 4, // X02, X09, X18, X22
        recus: 4, // X01, X16, X19, X26
      },
      {
        id: A(3),
        nom: 'Association 3',
        theme_code: '011000',
        active: true,
        couverte: true,
        fournis: 3, // X10, X16, X26
        recus: 2, // X09, X12
      },
      {
        id: A(4),
        nom: 'Association 4',
        theme_code: '019000',
        active: true,
        couverte: true,
        fournis: 0,
        recus: 0,
      },
    ]);
    // Beta: A7 dissolved in 2023 and A8 dormant, with no exchange in 2024.
    const beta = await runCommuneAssociations(runner, ALL_2024, '00002');
    expect(beta.map((a) => [a.id, a.fournis, a.recus])).toEqual([
      [A(5), 5, 7], // X04, X08, X14, X25, X27 | X03, X05, X13, X17, X18, X21, X24
      [A(6), 4, 4], // X05, X11, X17, X21 | X04, X14, X15, X27
    ]);
  });

  it('says « not provided » for an association the exchange data does not cover, never 0', async () => {
    // Coverage read from the exchanges: A4 is in none, so its exchanges are unknown.
    const partial = await runnerWith(fixtureTerritory(), 'echanges');
    try {
      const alpha = await runCommuneAssociations(partial, ALL_2024, '00001');
      expect(alpha.map((a) => [a.id, a.couverte, a.fournis, a.recus])).toEqual([
        [A(1), true, 4, 5],
        [A(2), true, 4, 4],
        [A(3), true, 3, 2],
        [A(4), false, null, null],
      ]);
      expect((await runAssociationCard(partial, A(4)))?.couverte).toBe(false);
      expect((await runAssociationCard(partial, A(1)))?.couverte).toBe(true);
    } finally {
      await partial.close();
    }
  });
});

describe('links between associations', () => {
  it('of a commune: one line per pair, not publishable when one exchange lacks consent', async () => {
    const links = await runAssociationLinks(runner, ALL_2024, { kind: 'commune', id: '00001' });
    expect(links.map((l) => [l.a, l.b, l.echanges, l.consentement])).toEqual([
      [A(1), A(2), 4, true], // X01, X02, X19, X22
      [A(2), A(3), 3, true], // X09, X16, X26
      [A(1), A(3), 2, false], // X10, X12 (not to be published)
      [A(1), A(5), 2, true], // X03, X25
      [A(1), A(6), 1, true], // X11
      [A(2), A(5), 1, true], // X18
    ]);
  });

  it('of an association', async () => {
    const links = await runAssociationLinks(runner, ALL_2024, { kind: 'association', id: A(9) });
    expect(links.map((l) => [l.a, l.b, l.echanges])).toEqual([
      [A(5), A(9), 3], // X08, X13, X24
      [A(9), A(10), 3], // X06, X07, X23
    ]);
  });
});

describe('association card', () => {
  it('reads the register entry and the partners of the period', async () => {
    expect(await runAssociationCard(runner, A(9))).toEqual({
      id: A(9),
      nom: 'Association 9',
      theme_code: '006000',
      theme_libelle: 'culture, pratiques d’activités artistiques, culturelles',
      commune_code: '00003',
      commune_nom: 'Gamma',
      date_creation: '2000-01-01',
      statut: 'active',
      // The fixture places every association at its commune's point (precision_geo « commune »).
      position_approchee: true,
      couverte: true,
    });
    expect(await runAssociationPartners(runner, ALL_2024, A(9))).toEqual([
      // X06 given, X07 and X23 received; X13 and X24 given, X08 received.
      { id: A(10), nom: 'Association 10', commune_nom: 'Gamma', fournis: 1, recus: 2, consentement: true },
      { id: A(5), nom: 'Association 5', commune_nom: 'Beta', fournis: 2, recus: 1, consentement: true },
    ]);
    expect(await runAssociationCard(runner, 'W999999999')).toBeNull();
  });

  it('marks a partner whose exchanges may not all be published', async () => {
    const partners = await runAssociationPartners(runner, ALL_2024, A(3));
    expect(partners.map((p) => [p.id, p.fournis, p.recus, p.consentement])).toEqual([
      [A(2), 2, 1, true], // X16 and X26 given, X09 received
      [A(1), 1, 1, false], // X10 given, X12 received (not to be published)
    ]);
  });
});

describe('audience insights', () => {
  it('keeps only needs still open in the period, filtered by type', async () => {
    const needs = await runOpenNeeds(runner, ALL_2024);
    expect(needs.total).toBe(1);
    expect(needs.listed).toEqual([
      {
        id_annonce: 'O1',
        association: 'Association 4',
        commune_code: '00001',
        commune_nom: 'Alpha',
        type_ressource: 'locaux',
        description: 'Annonce O1',
        date_debut: '2024-03-01',
      },
    ]);
    expect(await runOpenNeeds(runner, { ...ALL_2024, types: ['vehicule'] })).toEqual({
      listed: [],
      total: 0,
    });
  });

  it('compares the two halves of the period (split on 1 July 2024)', async () => {
    const growth = await runGrowth(runner, ALL_2024);
    expect(growth.map((g) => [g.nom, g.avant, g.apres])).toEqual([
      ['Beta', 5, 6], // X03, X04, X05, X21, X24 | X13, X14, X15, X17, X18, X27
      ['Alpha', 6, 5], // X01, X02, X09, X10 (1 July), X22, X25 | X11, X12, X16, X19, X26
      ['Gamma', 4, 0], // X06, X07, X08, X23
    ]);
    expect(growth.map((g) => g.evolution)).toEqual([6 / 5 - 1, 5 / 6 - 1, -1]);
  });

  it('lists funders of the period with their programmes', async () => {
    expect(await runFunders(runner, ALL_2024)).toEqual([
      {
        nom: 'Département',
        cle: '22000001000019',
        montant: 2000 * 0.5 + 500,
        associations: 2,
        programmes: [
          {
            nom: 'Fonds vie associative',
            cle: '22000001000019::Fonds vie associative',
            montant: 500,
            associations: 1,
          },
        ],
      },
      // Its 2023 grant to A6 is outside the period.
      { nom: 'Commune d’Alpha', cle: '21000001000015', montant: 1000, associations: 1, programmes: [] },
    ]);
  });

  it('agrees with the indicators: a funder’s grants are the « subventions » part under its filter', async () => {
    const [funder] = await runFunders(runner, ALL_2024);
    const [territory] = await runIndicatorTable(
      runner,
      INDICATORS,
      { ...ALL_2024, funder: funder?.cle ?? null },
      'territoire',
    );
    expect(territory?.parts.subventions.central).toBe(funder?.montant);
  });

  it('lists the associations a funder funded, with their grants and exchanges', async () => {
    expect(await runFundedAssociations(runner, { ...ALL_2024, funder: '22000001000019' })).toEqual([
      // A5: X03, X04, X05, X08, X13, X14, X17, X18, X21, X24, X25, X27
      { id: A(5), nom: 'Association 5', commune_nom: 'Beta', montant: 1000, echanges: 12 },
      // A9: X06, X07, X08, X13, X23, X24
      { id: A(9), nom: 'Association 9', commune_nom: 'Gamma', montant: 500, echanges: 6 },
    ]);
    expect(await runFundedAssociations(runner, ALL_2024)).toEqual([]);
  });

  it('says « not provided » (null) for the exchanges of funded associations nobody surveyed, never 0', async () => {
    const none = await runnerWith({ ...fixtureTerritory(), echanges: [] }, 'aucune');
    try {
      expect(await runFundedAssociations(none, { ...ALL_2024, funder: '22000001000019' })).toEqual([
        { id: A(5), nom: 'Association 5', commune_nom: 'Beta', montant: 1000, echanges: null },
        { id: A(9), nom: 'Association 9', commune_nom: 'Gamma', montant: 500, echanges: null },
      ]);
    } finally {
      await none.close();
    }
  });
});
