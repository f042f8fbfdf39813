/*
 * Grants from département lists (issue 9): no funder SIRET, sometimes no funder at all, and
 * in-kind support without a value. The funders' list and the funder filter must take them as
 * they are — a funder known by its name, no invented funder, « non renseigné » rather than 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { QueryRunner } from '../../src/data/query-runner.ts';
import type { GrantRow } from '../../src/data/schema/index.ts';
import { runFundedAssociations, runFunders } from '../../src/indicators/explore/territory-insights.ts';
import { INDICATORS, runIndicatorTable } from '../../src/indicators/registry.ts';
import { loadCoefficients } from '../../src/data/load-dataset.ts';
import { runnerWith } from '../support/engine.ts';
import { fixtureTerritory, rna } from '../support/fixture.ts';

const ALL_2024 = { period: { start: '2024-01-01', end: '2024-12-31' } };

/** A grant as a département list gives it: a name for the funder at most, maybe no amount. */
function listGrant(n: number, association: number, funder: string | null, montant: number | null): GrantRow {
  return {
    id_subvention: `L${n}`,
    nomAttribuant: funder,
    idAttribuant: null,
    dateConvention: '2024-01-01',
    referenceDecision: null,
    nomBeneficiaire: `Association ${association}`,
    idBeneficiaire: null,
    rnaBeneficiaire: null,
    objet: montant === null ? 'avantages en nature' : 'subvention de fonctionnement',
    montant,
    nature: montant === null ? 'aide en nature' : 'aide en numéraire',
    conditionsVersement: null,
    datesPeriodeVersement: null,
    idRAE: null,
    notificationUE: null,
    pourcentageSubvention: 1,
    dispositifAide: null,
    association_id: rna(association),
  };
}

let runner: QueryRunner;
beforeAll(async () => {
  const fixture = fixtureTerritory();
  runner = await runnerWith({
    ...fixture,
    subventions: [
      ...fixture.subventions,
      listGrant(1, 1, 'Département de la Sarthe', 300),
      listGrant(2, 5, null, 400),
      listGrant(3, 9, 'Ville', null),
    ],
  });
  await loadCoefficients(runner);
});
afterAll(async () => {
  await runner?.close();
});

describe('funders known by their name only', () => {
  it('lists them by name, the unvalued one last with no amount, and no funder for a grant without one', async () => {
    const funders = await runFunders(runner, ALL_2024);
    expect(funders.map((f) => [f.nom, f.cle, f.montant, f.associations])).toEqual([
      ['Département', '22000001000019', 2000 * 0.5 + 500, 2],
      ['Commune d’Alpha', '21000001000015', 1000, 1],
      ['Département de la Sarthe', 'Département de la Sarthe', 300, 1],
      ['Ville', 'Ville', null, 1],
    ]);
  });

  it('filters the indicators and the funded associations by that name', async () => {
    const filters = { ...ALL_2024, funder: 'Département de la Sarthe' };
    const [territory] = await runIndicatorTable(runner, INDICATORS, filters, 'territoire');
    expect(territory?.parts.subventions.central).toBe(300);
    expect((await runFundedAssociations(runner, filters)).map((a) => [a.id, a.montant])).toEqual([
      [rna(1), 300],
    ]);
    expect(
      (await runFundedAssociations(runner, { ...ALL_2024, funder: 'Ville' })).map((a) => [a.id, a.montant]),
    ).toEqual([[rna(9), null]]);
  });
});
