import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { QueryRunner } from '../../../src/data/query-runner.ts';
import { runRegister } from '../../../src/indicators/explore/declaration-register.ts';
import { registerEntries, registerSearch } from '../../../src/declare/register-search.ts';
import { runnerWith } from '../../support/engine.ts';
import { fixtureTerritory } from '../../support/fixture.ts';

let runner: QueryRunner;
beforeAll(async () => {
  const tables = fixtureTerritory();
  const [first] = tables.associations;
  if (!first) throw new Error('empty fixture');
  // Two associations without an RNA number: one with a SIRET (the file can name it), one without.
  tables.associations.push(
    { ...first, id: '0901000777', nom: 'Ancienne amicale', siret: '82212742900014', commune_code: '00003' },
    { ...first, id: '0901000888', nom: 'Amicale sans numéro', siret: null },
  );
  runner = await runnerWith(tables);
});
afterAll(async () => {
  await runner.close();
});

describe('the register a declaration searches', () => {
  it('lists every association a file can name, by name, with its commune', async () => {
    const register = await runRegister(runner);
    // Fixture: Association 1–10 (W000000001…), dissolved and dormant ones included; plus the one with a SIRET.
    expect(register.map((a) => [a.id, a.nom, a.commune_nom, a.statut])).toEqual([
      ['0901000777', 'Ancienne amicale', 'Gamma', 'active'],
      ['W000000001', 'Association 1', 'Alpha', 'active'],
      ['W000000010', 'Association 10', 'Gamma', 'active'],
      ['W000000002', 'Association 2', 'Alpha', 'active'],
      ['W000000003', 'Association 3', 'Alpha', 'active'],
      ['W000000004', 'Association 4', 'Alpha', 'active'],
      ['W000000005', 'Association 5', 'Beta', 'active'],
      ['W000000006', 'Association 6', 'Beta', 'active'],
      ['W000000007', 'Association 7', 'Beta', 'dissoute'],
      ['W000000008', 'Association 8', 'Beta', 'active'],
      ['W000000009', 'Association 9', 'Gamma', 'active'],
    ]);
  });

  it('is found by name, commune name or code, and RNA number or SIRET with the page’s search', async () => {
    const register = await runRegister(runner);
    expect(registerEntries(register)[0]?.lieu).toBe('Gamma (00003) · 82212742900014');
    const { index } = registerSearch(register);
    const ids = (query: string) => index.search(query, 20).map((e) => e.id);
    // The page's index forgives one typo in long words: the number typed comes first, neighbours after.
    expect(ids('W000000005')[0]).toBe('W000000005');
    expect(ids('W00000000')).toHaveLength(10);
    expect(ids('8221274')).toEqual(['0901000777']);
    expect(ids('ancienne')).toEqual(['0901000777']);
    expect(ids('gamma').sort()).toEqual(['0901000777', 'W000000009', 'W000000010']);
    expect(ids('00002').slice(0, 4).sort()).toEqual(['W000000005', 'W000000006', 'W000000007', 'W000000008']);
  });
});
