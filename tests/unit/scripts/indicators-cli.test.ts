import { spawnSync } from 'node:child_process';

import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';

import { INDICATORS, isUncertain } from '../../../src/indicators/registry.ts';
import {
  expectedIndicators,
  triple,
  ALPHA,
  BETA,
  E1,
  E2,
  GAMMA,
  TERRITORY,
  type HandParts,
} from '../../sql/method-parts.ts';
import { writeFixtureDataset } from '../../support/dataset-folder.ts';
import { fixtureTerritory } from '../../support/fixture.ts';

/** Runs `npm run indicators` (its script) with `args`, on the Node that runs the tests. */
function indicators(...args: string[]) {
  return spawnSync(process.execPath, ['scripts/indicators.ts', ...args], { encoding: 'utf8' });
}

let folder: string;
beforeAll(async () => {
  ({ folder } = await writeFixtureDataset(fixtureTerritory()));
});

const LEVELS: readonly [string, readonly [string, HandParts][]][] = [
  [
    'commune',
    [
      ['00001', ALPHA],
      ['00002', BETA],
      ['00003', GAMMA],
    ],
  ],
  [
    'epci',
    [
      ['200000011', E1],
      ['200000029', E2],
    ],
  ],
  ['territory', [['territoire', TERRITORY]]],
];

/** Each engine the command can run on, and how it names itself in the JSON's `moteur`. */
const ENGINES = [
  ['wasm', 'duckdb-wasm, Node'],
  ['native', 'native, @duckdb/node-api'],
] as const;

describe('npm run indicators on the hand-built fixture', () => {
  it.each(
    ENGINES.flatMap(([engine, name]) =>
      LEVELS.map(([level, zones]) => [engine, level, name, zones] as const),
    ),
  )(
    'on %s, gives the hand-computed value of every indicator at the %s level (JSON)',
    (engine, level, name, zones) => {
      const run = indicators(
        '--engine',
        engine,
        '--data',
        folder,
        '--level',
        level,
        '--from',
        '2024-01-01',
        '--to',
        '2024-12-31',
        '--format',
        'json',
      );
      expect(run.stderr).toContain(`${zones.length} zone(s), ${INDICATORS.length} indicateurs`);
      expect(run.status).toBe(0);
      const document = JSON.parse(run.stdout) as {
        zones: Record<string, number | string | null>[];
        periode: unknown;
        methode: string;
        moteur: string;
      };
      expect(document.moteur).toContain(name);
      expect(document.periode).toEqual({ start: '2024-01-01', end: '2024-12-31' });
      expect(document.methode).toBe('2.0.0');
      expect(run.stderr).toContain('méthode Symbiose v2.0.0');
      expect(document.zones.map((z) => z['zone'])).toEqual(zones.map(([code]) => code));
      for (const [code, hand] of zones) {
        const record = document.zones.find((z) => z['zone'] === code) ?? {};
        for (const indicator of INDICATORS) {
          const expected = triple(expectedIndicators(hand)[indicator.id] ?? null);
          const columns: [string, number | null][] = [[indicator.id, expected.central]];
          if (isUncertain(indicator))
            columns.push([`${indicator.id}_bas`, expected.bas], [`${indicator.id}_haut`, expected.haut]);
          for (const [column, value] of columns) {
            const actual = record[column];
            if (value === null) expect(actual, `${code} ${column}`).toBeNull();
            else expect(actual, `${code} ${column}`).toBeCloseTo(value, 9);
          }
        }
        // Counts of active and isolated (surveyed, without a partner) associations in every zone.
        expect(record['associations-actives'], code).toBe(hand.associations_actives);
        expect(record['associations_isolees_nombre'], code).toBe(
          hand.associations_couvertes - hand.associations_cooperantes,
        );
      }
    },
  );

  it('writes CSV by default, one row per commune, low and high columns where there is a range', () => {
    const run = indicators('--data', folder, '--from', '2024-01-01', '--to', '2024-12-31');
    expect(run.status).toBe(0);
    const parsed = Papa.parse<Record<string, string>>(run.stdout.trim(), { header: true });
    expect(parsed.data.map((row) => row['nom'])).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(parsed.meta.fields?.slice(0, 3)).toEqual(['niveau', 'zone', 'nom']);
    expect(parsed.meta.fields?.slice(3, -1).sort()).toEqual(
      INDICATORS.flatMap((i) => (isUncertain(i) ? [i.id, `${i.id}_bas`, `${i.id}_haut`] : [i.id]))
        .concat('associations_isolees_nombre')
        .sort(),
    );
    // The method version closes every row.
    expect(parsed.meta.fields?.at(-1)).toBe('methode');
    expect(parsed.data.map((row) => row['methode'])).toEqual(['2.0.0', '2.0.0', '2.0.0']);
    // Alpha: 4 surveyed, 3 with a partner: 1 isolated.
    expect(parsed.data[0]?.['associations_isolees_nombre']).toBe(
      String(ALPHA.associations_couvertes - ALPHA.associations_cooperantes),
    );
    expect(parsed.meta.fields).toContain('bilan-co2_bas');
    expect(parsed.meta.fields).not.toContain('taux-cooperation_bas');
    expect(Number(parsed.data[0]?.['taux-cooperation'])).toBe(0.75);
    expect(Number(parsed.data[0]?.['couverture'])).toBe(1); // the fixture is fully surveyed
  });

  it('uses the dataset’s whole period by default: X20 (2023) then counts for Beta', () => {
    const run = indicators('--data', folder, '--level', 'commune', '--format', 'json');
    const document = JSON.parse(run.stdout) as { zones: Record<string, number>[]; periode: unknown };
    expect(document.periode).toEqual({ start: '2024-01-01', end: '2024-12-31' }); // the fixture manifest's period
    const wide = indicators(
      '--data',
      folder,
      '--from',
      '2023-01-01',
      '--to',
      '2024-12-31',
      '--format',
      'json',
    );
    const beta = (JSON.parse(wide.stdout) as { zones: Record<string, number>[] }).zones[1];
    expect(beta?.['echanges']).toBe(BETA.echanges + 1);
  });

  it('keeps the exchanges of a quality tier or better with --quality, and says so in the JSON', () => {
    const run = (quality: string) =>
      JSON.parse(
        indicators(
          '--data',
          folder,
          '--level',
          'territory',
          '--from',
          '2024-01-01',
          '--to',
          '2024-12-31',
          '--quality',
          quality,
          '--format',
          'json',
        ).stdout,
      ) as { filtres: { qualite: string }; zones: Record<string, number>[] };
    const verified = run('verifie');
    expect(verified.filtres.qualite).toBe('verifie');
    // Verified by the coordinator: X22 (Alpha) and X13 (Beta).
    expect(verified.zones[0]?.['echanges']).toBe(TERRITORY.echanges_verifies);
    // Confirmed by the partner or verified: X21 besides.
    expect(run('confirme').zones[0]?.['echanges']).toBe(
      TERRITORY.echanges_verifies + TERRITORY.echanges_confirmes,
    );
  });
});

describe('npm run indicators with bad input', () => {
  it.each([
    [['--level', 'region'], 'Erreur : --level attend commune, epci, territoire ; reçu « region ».'],
    [
      ['--types', 'materiel,cuisine'],
      'Erreur : --types attend locaux, materiel, vehicule, competences, personnel, information_formation, projet_commun, autre ; reçu « cuisine ».',
    ],
    [['--format', 'xlsx'], 'Erreur : --format attend csv, json ; reçu « xlsx ».'],
    [['--quality', 'parfaite'], 'Erreur : --quality attend declare, confirme, verifie ; reçu « parfaite ».'],
    // Impossible periods exit with 2: indicators-period.test.ts.
  ])('%j: says what is wrong and exits with 1', (args, message) => {
    const run = indicators('--data', folder, ...args);
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe(message);
  });

  it('requires --data', () => {
    const run = indicators('--level', 'commune');
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe('Erreur : --data <dossier du jeu de données> est obligatoire.');
  });

  it('names the unreadable dataset', () => {
    const run = indicators('--data', '/nonexistent/dataset');
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      'Erreur : Impossible de lire /nonexistent/dataset/manifest.json (fichier absent).',
    );
  });
});
