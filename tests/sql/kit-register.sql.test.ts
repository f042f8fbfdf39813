import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { sessionTemplate } from '../../src/hooks/use-kit-template.ts';
import { runKitRegister } from '../../src/indicators/explore/kit-register.ts';
import { templateAssociations } from '../../src/kit/dataset-associations.ts';
import { runnerWith } from '../support/engine.ts';
import { fixtureTerritory } from '../support/fixture.ts';

/*
 * The template of a territory imported in the page: its associations read through the session's
 * runner, listed by the rule `scripts/build-kit.ts` applies to the Arrow files.
 */

let runner: QueryRunner;
beforeAll(async () => {
  const tables = fixtureTerritory();
  const [first] = tables.associations;
  if (!first) throw new Error('empty fixture');
  // A deleted association (not listed), and a living one whose commune is not in the communes table.
  tables.associations.push(
    { ...first, id: 'W000000011', nom: 'Association supprimée', statut: 'supprimee' },
    { ...first, id: 'W000000012', nom: 'Association hors liste', commune_code: '00009' },
  );
  runner = await runnerWith(tables);
});
afterAll(async () => {
  await runner.close();
});

/*
 * Fixture: Association 1–10 (W000000001…); 7 is dissolved, 8 dormant but still « active » at the
 * RNA (a coordinator may still ask it). Living: 1–6, 8–10 and 12 — ten. By commune name, then name
 * (« 10 » after « 9 », numeric collation): 00009 (no name: its code) sorts before Alpha, Beta, Gamma.
 */
const LISTED: readonly (readonly [string, string, string])[] = [
  ['W000000012', 'Association hors liste', '00009'],
  ['W000000001', 'Association 1', 'Alpha'],
  ['W000000002', 'Association 2', 'Alpha'],
  ['W000000003', 'Association 3', 'Alpha'],
  ['W000000004', 'Association 4', 'Alpha'],
  ['W000000005', 'Association 5', 'Beta'],
  ['W000000006', 'Association 6', 'Beta'],
  ['W000000008', 'Association 8', 'Beta'],
  ['W000000009', 'Association 9', 'Gamma'],
  ['W000000010', 'Association 10', 'Gamma'],
];

describe('runKitRegister(runner)', () => {
  it('reads every association with its RNA position, and the communes’ names', async () => {
    const register = await runKitRegister(runner);
    expect(register.associations).toHaveLength(12);
    expect(register.associations.find((a) => a.id === 'W000000007')?.statut).toBe('dissoute');
    expect(register.communes.map((c) => [c.code_insee, c.nom])).toEqual([
      ['00001', 'Alpha'],
      ['00002', 'Beta'],
      ['00003', 'Gamma'],
    ]);
    const listed = templateAssociations(register.associations, register.communes);
    expect(listed.map((a) => a.id).sort()).toEqual(LISTED.map(([id]) => id).sort());
  });
});

describe('sessionTemplate(session, format)', () => {
  const manifest = { name: 'Territoire test' } as DatasetManifest;

  it.each(['xlsx', 'ods'] as const)(
    'lists the living associations in the %s « Associations » sheet',
    async (format) => {
      const bytes = await sessionTemplate({ runner, manifest }, format);
      const book = XLSX.read(bytes, { type: 'array' });
      const sheet = book.Sheets['Associations'];
      if (!sheet) throw new Error('no « Associations » sheet');
      const rows = XLSX.utils.sheet_to_json<string[]>(sheet, {
        header: 1,
        raw: false,
        defval: '',
        blankrows: false,
      });
      expect(rows.slice(1).map((row) => [row[0], row[1], row[3]])).toEqual(LISTED);
      expect(book.SheetNames).toContain('Échanges');
    },
  );
});
