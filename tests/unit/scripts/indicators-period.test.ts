/*
 * Impossible periods on the command line (issue 14): a date that is none, a reversed period or one
 * sharing no day with the data's stops `npm run indicators` with a sentence and exit code 2 —
 * never an engine error (« Invalid time value ») nor figures of an empty period.
 */
import { spawnSync } from 'node:child_process';

import { beforeAll, describe, expect, it } from 'vitest';

import { isRealDay, isRealMonth, periodProblem } from '../../../src/indicators/period-check.ts';
import { parseImportArgs, PeriodError as ImportPeriodError } from '../../../scripts/import.ts';
import { checkPeriod, PERIOD_EXIT_CODE, PeriodError } from '../../../scripts/indicators.ts';
import { writeFixtureDataset } from '../../support/dataset-folder.ts';
import { fixtureTerritory } from '../../support/fixture.ts';

const DATA = { start: '2024-01-01', end: '2024-12-31' };
const KEYS = { from: 'du', to: 'au' };

describe('periodProblem', () => {
  it.each([
    ['2024-13-45', false],
    ['2024-02-31', false],
    ['2023-02-29', false],
    ['2024-02-29', true],
    ['2024-00-10', false],
    ['abc', false],
    ['2024-1-05', false],
    ['0999-01-01', false],
    ['2024-12-31', true],
  ])('%s is a real day: %s', (text, real) => {
    expect(isRealDay(text)).toBe(real);
  });

  it.each([
    ['2024-13', false],
    ['2024-00', false],
    ['2024-12', true],
    ['24-12', false],
    ['2024-12-01', false],
  ])('%s is a real month: %s', (text, real) => {
    expect(isRealMonth(text)).toBe(real);
  });

  it('names the first problem: a value that is no date, then a reversed period, then one outside the data', () => {
    expect(periodProblem('2024-13-45', '2024-01-01', 'day', KEYS)).toEqual({
      kind: 'not-a-date',
      key: 'du',
      value: '2024-13-45',
    });
    expect(periodProblem('2024-01', 'abc', 'month', KEYS)).toEqual({
      kind: 'not-a-date',
      key: 'au',
      value: 'abc',
    });
    expect(periodProblem('2024-05', '2024-01', 'month', KEYS)).toEqual({
      kind: 'reversed',
      from: '2024-05',
      to: '2024-01',
    });
    expect(periodProblem('2999-01', null, 'month', KEYS, DATA)).toEqual({
      kind: 'outside',
      key: 'du',
      value: '2999-01',
      ...DATA,
    });
    expect(periodProblem(null, '1990-06-30', 'day', KEYS, DATA)).toEqual({
      kind: 'outside',
      key: 'au',
      value: '1990-06-30',
      ...DATA,
    });
    // A period overlapping the data's is shown (figures of the shared days).
    expect(periodProblem('2023-06', '2024-03', 'month', KEYS, DATA)).toBeNull();
    expect(periodProblem('2024-12', '2024-12', 'month', KEYS, DATA)).toBeNull();
    expect(periodProblem(null, null, 'day', KEYS, DATA)).toBeNull();
  });
});

describe('checkPeriod (npm run indicators)', () => {
  it.each([
    [
      ['2024-13-45', undefined],
      'période impossible : --from « 2024-13-45 » n’est pas une date réelle (AAAA-MM-JJ attendu).',
    ],
    [
      [undefined, '2024-02-31'],
      'période impossible : --to « 2024-02-31 » n’est pas une date réelle (AAAA-MM-JJ attendu).',
    ],
    [
      ['2024-05-01', '2024-01-01'],
      'période impossible : période inversée : le début (2024-05-01) est après la fin (2024-01-01).',
    ],
  ] as const)('%j: %s', ([from, to], message) => {
    expect(() => checkPeriod(from, to)).toThrow(new PeriodError(message));
  });

  it('refuses a period sharing no day with the data, and accepts one overlapping it', () => {
    expect(() => checkPeriod('2999-01-01', undefined, DATA)).toThrow(
      'période impossible : --from 2999-01-01 : aucune donnée sur cette période (les données vont du 2024-01-01 au 2024-12-31).',
    );
    expect(() => checkPeriod('2023-01-01', '2024-01-31', DATA)).not.toThrow();
  });
});

describe('parseImportArgs (npm run import --from --to)', () => {
  const args = ['--communes', 'c.geojson', '--associations', 'rna.csv', '--out', 'jeu'];

  it.each([
    [
      ['--from', '2024-13-45', '--to', '2024-12-31'],
      '--from « 2024-13-45 » n’est pas une date réelle (AAAA-MM-JJ attendu).',
    ],
    [
      ['--from', '2024-05-01', '--to', '2024-01-01'],
      'période inversée : le début (2024-05-01) est après la fin (2024-01-01).',
    ],
  ])('%j: refused as an impossible period', (period, message) => {
    expect(() => parseImportArgs([...args, ...period])).toThrow(
      new ImportPeriodError(`période impossible : ${message}`),
    );
  });

  it('accepts a real period', () => {
    expect(parseImportArgs([...args, '--from', '2024-01-01', '--to', '2024-12-31'])).toMatchObject({
      from: '2024-01-01',
      to: '2024-12-31',
    });
  });
});

describe('npm run indicators with an impossible period', () => {
  let folder: string;
  beforeAll(async () => {
    ({ folder } = await writeFixtureDataset(fixtureTerritory()));
  });
  const indicators = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/indicators.ts', '--data', folder, ...args], { encoding: 'utf8' });

  it.each([
    [
      ['--from', '2024-13-45'],
      'Erreur : période impossible : --from « 2024-13-45 » n’est pas une date réelle (AAAA-MM-JJ attendu).',
    ],
    [
      ['--from', '2024-05-01', '--to', '2024-01-01'],
      'Erreur : période impossible : période inversée : le début (2024-05-01) est après la fin (2024-01-01).',
    ],
    [
      ['--from', '2999-01-01'],
      'Erreur : période impossible : --from 2999-01-01 : aucune donnée sur cette période (les données vont du 2024-01-01 au 2024-12-31).',
    ],
  ])(
    '%j: one sentence, no data on stdout, exit code 2',
    (args, message) => {
      const run = indicators(...args);
      expect(run.status).toBe(PERIOD_EXIT_CODE);
      expect(PERIOD_EXIT_CODE).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe('');
    },
    60_000,
  );
});
