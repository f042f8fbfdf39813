import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openNodeRunner } from '../../src/data/duckdb-node.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { UMBRELLA_NAME_PATTERNS, umbrellaNameSql } from '../../src/indicators/method/parts.ts';

/*
 * Umbrella structures are recognised by their name « compared in lower case, without accents »
 * (the method page). The SQL matches names as written, without folding them first; here it is
 * checked against an independent reading of the rule in JavaScript: the name folded (Unicode
 * decomposition, marks removed, lower case), then each published pattern, a word starting after
 * anything but a letter, a digit or `_`.
 */

const PATTERNS = UMBRELLA_NAME_PATTERNS.map(
  (p) => new RegExp(p.pattern.replaceAll('\\b', '(?<![\\p{L}\\p{N}_])'), 'u'),
);

function isUmbrellaByRule(name: string): boolean {
  const folded = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return PATTERNS.some((pattern) => pattern.test(folded));
}

let runner: QueryRunner;
beforeAll(async () => {
  runner = await openNodeRunner();
});
afterAll(async () => {
  await runner.close();
});

async function isUmbrellaInSql(names: readonly string[]): Promise<boolean[]> {
  const rows = await runner.query({
    sql: `SELECT i, ${umbrellaNameSql('nom')} AS faitiere
FROM (VALUES ${names.map((_, i) => `(CAST($${i + 1} AS VARCHAR), ${i})`).join(', ')}) AS t(nom, i)
ORDER BY i`,
    params: names,
  });
  return rows.map((r) => r['faitiere'] === true);
}

describe('umbrella structures by name', () => {
  it('recognises names in capitals, with accents, and only from the start of a word', async () => {
    const names = [
      'MAISON DES ASSOCIATIONS DE BELFORT',
      'Comité des Associations Sportives',
      'COMITÉ DE LA VIE ASSOCIATIVE',
      'Office Municipal des Sports',
      'OFFICE INTERCOMMUNAL DE LA CULTURE',
      'Conseil de la vie associative',
      "Collectif des associations d'Ornans",
      'Amis de la maison des associations',
      'Cinémaison des associations',
      'Office du tourisme',
      'Maison de quartier',
      'Comité des fêtes',
      'maison_des associations',
      'L’office communal',
    ];
    expect(await isUmbrellaInSql(names)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('agrees with the rule folded in JavaScript on generated French names', async () => {
    const words = fc.constantFrom(
      'maison',
      'MAISONS',
      'Maïson',
      'des',
      'DÉS',
      'de la vie',
      'de la vîe',
      'associations',
      'ASSOCIATIVE',
      'associàtif',
      'office',
      'OFFICES',
      'offîce',
      'municipal',
      'intercommunal',
      'Communal',
      'comité',
      'COMITÉ',
      'conseil',
      'collectif',
      'cœur',
      'école',
      'Ça',
      'à',
      'du',
      'x1',
      'sport',
    );
    const separators = fc.constantFrom(' ', ' ', ' ', '', '-', '’', "'", '_', '.');
    const name = fc
      .array(fc.tuple(words, separators), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.map(([w, s]) => w + s).join(''));
    const names = fc.sample(name, { numRuns: 2000, seed: 20261126 });
    const expected = names.map(isUmbrellaByRule);
    // The sample must hold both answers for the comparison to mean anything.
    expect(expected.filter(Boolean).length).toBeGreaterThan(20);
    expect(expected.filter((e) => !e).length).toBeGreaterThan(20);
    const actual = await isUmbrellaInSql(names);
    const differing = names.filter((_name, i) => actual[i] !== expected[i]);
    expect(differing).toEqual([]);
  });
});
