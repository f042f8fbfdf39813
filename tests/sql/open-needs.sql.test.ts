/**
 * The open needs the overview lists for a local authority: the most recent first, only as many as
 * it shows, with the count of all, for the territory or one intercommunalité. On a variant of the
 * hand-built fixture (tests/support/fixture.ts), period 2024:
 *
 *   need  association  commune (EPCI)            type      from        kept?
 *   O1    A4           Alpha (E1)                locaux    2024-03-01  yes
 *   O6    A9           Gamma (E2)                materiel  2024-05-01  yes
 *   O7    A5           Beta (E1)                 vehicule  2024-07-01  yes
 *   O8    A1           Alpha (E1)                materiel  2024-07-01  yes (after O7: same day, id order)
 *   O9    A11          99999 (no known commune)  locaux    2024-02-01  yes, in the « sans-epci » zone
 *   O11   A12          Delta (no EPCI)           locaux    2024-01-15  yes, in the « sans-epci » zone too
 *   O10   A6           Beta (E1)                 materiel  2024-04-01  no: an offer, not a need
 *   O2 expired, O3 an offer, O4 starts in 2025, O5 ended in 2023: never listed.
 *
 * Most recent first: O7, O8, O6, O1, O9, O11.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { QueryRunner } from '../../src/data/query-runner.ts';
import { buildOpenNeedsQuery, runOpenNeeds } from '../../src/indicators/explore/territory-insights.ts';
import type { IndicatorFilters } from '../../src/indicators/registry.ts';
import { runnerWith } from '../support/engine.ts';
import {
  association,
  commune,
  fixtureTerritory,
  offer,
  PERIOD_2024,
  type FixtureTables,
} from '../support/fixture.ts';

const E1 = '200000011';
const E2 = '200000029';
const ALL_2024 = { period: PERIOD_2024 };

function variant(): FixtureTables {
  const base = fixtureTerritory();
  return {
    ...base,
    communes: [
      ...base.communes,
      { ...commune('00004', 'Delta', 300, 'E2', 3.2, 45.6), epci_code: null, epci_nom: null },
    ],
    associations: [
      ...base.associations,
      association(11, '99999', '006000'),
      association(12, '00004', '011000'),
    ],
    offres_besoins: [
      ...base.offres_besoins,
      offer('O6', 9, 'besoin', 'materiel', '2024-05-01', null, 'ouverte'),
      offer('O7', 5, 'besoin', 'vehicule', '2024-07-01', null, 'ouverte'),
      offer('O8', 1, 'besoin', 'materiel', '2024-07-01', '2025-06-30', 'ouverte'),
      offer('O9', 11, 'besoin', 'locaux', '2024-02-01', null, 'ouverte'),
      offer('O10', 6, 'offre', 'materiel', '2024-04-01', null, 'ouverte'),
      offer('O11', 12, 'besoin', 'locaux', '2024-01-15', null, 'ouverte'),
    ],
  };
}

let runner: QueryRunner;
beforeAll(async () => {
  runner = await runnerWith(variant());
});
afterAll(async () => {
  await runner.close();
});

const ids = async (filters: IndicatorFilters, epci: string | null, limit: number) => {
  const needs = await runOpenNeeds(runner, filters, epci, limit);
  return { ids: needs.listed.map((n) => n.id_annonce), total: needs.total };
};

describe('open needs of a zone', () => {
  it('lists the most recent first, as many as asked, and counts them all', async () => {
    expect(await ids(ALL_2024, null, 5)).toEqual({ ids: ['O7', 'O8', 'O6', 'O1', 'O9'], total: 6 });
    expect(await ids(ALL_2024, null, 2)).toEqual({ ids: ['O7', 'O8'], total: 6 });
  });

  it('keeps one intercommunalité’s communes; communes without one and unknown seats go together', async () => {
    expect(await ids(ALL_2024, E1, 2)).toEqual({ ids: ['O7', 'O8'], total: 3 });
    expect(await ids(ALL_2024, E2, 5)).toEqual({ ids: ['O6'], total: 1 });
    expect(await ids(ALL_2024, 'sans-epci', 5)).toEqual({ ids: ['O9', 'O11'], total: 2 });
    expect(await ids(ALL_2024, '999999999', 5)).toEqual({ ids: [], total: 0 });
  });

  it('follows the resource types and the period', async () => {
    expect(await ids({ ...ALL_2024, types: ['materiel'] }, null, 5)).toEqual({ ids: ['O8', 'O6'], total: 2 });
    // Announced by the end of June: O7 and O8 (1 July) are not yet.
    expect(await ids({ period: { start: '2024-01-01', end: '2024-06-30' } }, E1, 5)).toEqual({
      ids: ['O1'],
      total: 1,
    });
  });

  it('returns each need as the panel shows it', async () => {
    const needs = await runOpenNeeds(runner, ALL_2024, E2, 5);
    expect(needs.listed).toEqual([
      {
        id_annonce: 'O6',
        association: 'Association 9',
        commune_code: '00003',
        commune_nom: 'Gamma',
        type_ressource: 'materiel',
        description: 'Annonce O6',
        date_debut: '2024-05-01',
      },
    ]);
    // A seat in no known commune is named by its code.
    expect((await runOpenNeeds(runner, ALL_2024, 'sans-epci', 5)).listed[0]?.commune_nom).toBe('99999');
  });

  it('refuses a limit that is not a whole number ≥ 1 (the count comes back on the rows listed)', () => {
    expect(() => buildOpenNeedsQuery(ALL_2024, null, 2.5)).toThrow('limit must be a whole number ≥ 1');
    expect(() => buildOpenNeedsQuery(ALL_2024, null, 0)).toThrow('limit must be a whole number ≥ 1');
  });
});
