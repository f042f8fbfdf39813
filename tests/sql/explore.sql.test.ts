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
import { ALPHA, TERRITORY } from './method-parts.ts';

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

/** F2 + F3 + F4 of a hand zone, central. */
function handValue(z: typeof ALPHA): number {
  return z.valeur_substituee.c - z.cout_transport.c + z.valeur_benevolat.c + z.valeur_personnel.c;
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
    // Three exchanges each; Beta–Gamma comes first, worth more with X08's staff (3 600 €).
    expect(flows.map(({ valeur: _, ...rest }) => rest)).toEqual([
      // X08 A5→A9 (Beta → Gamma), X13 A9→A5, X15 A10→A6 (Gamma → Beta): A5, A6, A9, A10.
      { a: '00002', b: '00003', echanges: 3, a_vers_b: 1, associations: 4 },
      // X03 A1→A5, X18 A2→A5 (Alpha → Beta), X11 A6→A1 (Beta → Alpha): A1, A2, A5, A6.
      { a: '00001', b: '00002', echanges: 3, a_vers_b: 2, associations: 4 },
    ]);
    expect(flows[0]?.valeur).toBeGreaterThan(3600);
  });

  it('adds up, with the exchanges inside each commune, to the territory’s value', async () => {
    const flows = await runCommuneFlows(runner, ALL_2024);
    const inside = await runTypeBreakdown(runner, { ...ALL_2024, types: [] }, 'territoire', null);
    const all = inside.reduce((sum, t) => sum + t.valeur, 0);
    expect(all).toBeCloseTo(handValue(TERRITORY), 6);
    // Flows hold the value of the 6 exchanges between communes only: strictly less than the whole.
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
      ['materiel', 6, 5], // X01, X05, X09, X10, X14, X19: A1, A2, A3, A5, A6
      ['competences', 3, 5], // X04, X12, X18
      ['information_formation', 2, 3], // X07, X15: A6, A9, A10
      ['locaux', 2, 3], // X02, X11: A1, A2, A6
      ['projet_commun', 2, 3], // X06, X13: A5, A9, A10
      ['vehicule', 2, 3], // X03, X17: A1, A5, A6
      ['autre', 1, 2], // X16
      ['personnel', 1, 2], // X08
    ]);
  });

  it('for one commune, counts what it receives and sums to its value', async () => {
    const mix = await runTypeBreakdown(runner, ALL_2024, 'commune', '00001');
    expect(mix.map((t) => [t.type_ressource, t.echanges])).toEqual([
      ['materiel', 4], // X01, X09, X10, X19
      ['locaux', 2], // X02, X11
      ['autre', 1], // X16
      ['competences', 1], // X12
    ]);
    expect(mix.reduce((sum, t) => sum + t.valeur, 0)).toBeCloseTo(handValue(ALPHA), 6);
  });
});

describe('quarterly series', () => {
  it('gives each quarter’s exchanges and the associations behind them', async () => {
    const quarters = await runExchangesByQuarter(runner, ALL_2024, null);
    expect(quarters).toEqual([
      { trimestre: '2024-01-01', echanges: 4, associations: 4 }, // X01–X04: A1, A2, A5, A6
      { trimestre: '2024-04-01', echanges: 5, associations: 6 }, // X05–X09: A2, A3, A5, A6, A9, A10
      { trimestre: '2024-07-01', echanges: 4, associations: 5 }, // X10–X13: A1, A3, A5, A6, A9
      { trimestre: '2024-10-01', echanges: 6, associations: 6 }, // X14–X19
    ]);
  });

  it('for a commune, counts exchanges with the commune at either end', async () => {
    const quarters = await runExchangesByQuarter(runner, ALL_2024, '00003');
    // Gamma: X06, X07, X08 (Q2), X13 (Q3), X15 (Q4)
    expect(quarters.map((q) => [q.echanges, q.associations])).toEqual([
      [0, 0],
      [3, 3],
      [1, 2],
      [1, 2],
    ]);
  });
});

describe('commune portrait', () => {
  it('lists partner communes with their exchanges in either direction', async () => {
    expect(await runPartnerCommunes(runner, ALL_2024, '00002')).toEqual([
      { code_insee: '00001', nom: 'Alpha', echanges: 3, associations: 4 }, // X03, X11, X18
      { code_insee: '00003', nom: 'Gamma', echanges: 3, associations: 4 }, // X08, X13, X15
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
        fournis: 4,
        recus: 3,
      },
      {
        id: A(2),
        nom: 'Association 2',
        theme_code: '006000',
        active: true,
        couverte: true,
        fournis: 3,
        recus: 3,
      },
      {
        id: A(3),
        nom: 'Association 3',
        theme_code: '011000',
        active: true,
        couverte: true,
        fournis: 2,
        recus: 2,
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
      [A(5), 3, 5],
      [A(6), 3, 3],
    ]);
  });

  it('says « not provided » for an association the exchange data does not cover, never 0', async () => {
    // Coverage read from the exchanges: A4 is in none, so its exchanges are unknown.
    const partial = await runnerWith(fixtureTerritory(), 'echanges');
    try {
      const alpha = await runCommuneAssociations(partial, ALL_2024, '00001');
      expect(alpha.map((a) => [a.id, a.couverte, a.fournis, a.recus])).toEqual([
        [A(1), true, 4, 3],
        [A(2), true, 3, 3],
        [A(3), true, 2, 2],
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
      [A(1), A(2), 3, true], // X01, X02, X19
      [A(1), A(3), 2, false], // X10, X12 (not to be published)
      [A(2), A(3), 2, true], // X09, X16
      [A(1), A(5), 1, true], // X03
      [A(1), A(6), 1, true], // X11
      [A(2), A(5), 1, true], // X18
    ]);
  });

  it('of an association', async () => {
    const links = await runAssociationLinks(runner, ALL_2024, { kind: 'association', id: A(9) });
    expect(links.map((l) => [l.a, l.b, l.echanges])).toEqual([
      [A(5), A(9), 2], // X08, X13
      [A(9), A(10), 2], // X06, X07
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
      // X06 given, X07 received; X13 given, X08 received.
      { id: A(10), nom: 'Association 10', commune_nom: 'Gamma', fournis: 1, recus: 1, consentement: true },
      { id: A(5), nom: 'Association 5', commune_nom: 'Beta', fournis: 1, recus: 1, consentement: true },
    ]);
    expect(await runAssociationCard(runner, 'W999999999')).toBeNull();
  });

  it('marks a partner whose exchanges may not all be published', async () => {
    const partners = await runAssociationPartners(runner, ALL_2024, A(3));
    expect(partners.map((p) => [p.id, p.fournis, p.recus, p.consentement])).toEqual([
      [A(1), 1, 1, false], // X10 given, X12 received (not to be published)
      [A(2), 1, 1, true], // X16 given, X09 received
    ]);
  });
});

describe('audience insights', () => {
  it('keeps only needs still open in the period, filtered by type', async () => {
    const needs = await runOpenNeeds(runner, ALL_2024);
    expect(needs).toEqual([
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
    expect(await runOpenNeeds(runner, { ...ALL_2024, types: ['vehicule'] })).toEqual([]);
  });

  it('compares the two halves of the period (split on 1 July 2024)', async () => {
    const growth = await runGrowth(runner, ALL_2024);
    expect(growth.map((g) => [g.nom, g.avant, g.apres])).toEqual([
      ['Beta', 3, 5], // X03, X04, X05 | X13, X14, X15, X17, X18
      ['Alpha', 4, 4], // X01, X02, X09, X10 (1 July) | X11, X12, X16, X19
      ['Gamma', 3, 0], // X06, X07, X08
    ]);
    expect(growth.map((g) => g.evolution)).toEqual([5 / 3 - 1, 0, -1]);
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
      // A5: X03, X04, X05, X08, X13, X14, X17, X18
      { id: A(5), nom: 'Association 5', commune_nom: 'Beta', montant: 1000, echanges: 8 },
      // A9: X06, X07, X08, X13
      { id: A(9), nom: 'Association 9', commune_nom: 'Gamma', montant: 500, echanges: 4 },
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
