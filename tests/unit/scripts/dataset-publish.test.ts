/**
 * A build ships only the dataset it is built for (scripts/lib/dataset-publish.ts, run by
 * `npm run build` after Astro): another territory under public/data, an import report and
 * rejected rows never reach the built site.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  chosenDataset,
  DatasetPublishError,
  publishOnlyDataset,
} from '../../../scripts/lib/dataset-publish.ts';

/** The demo dataset as the repository holds it (public/data/demo). */
const DEMO = join('public', 'data', 'demo');
const DEMO_FILES = readdirSync(DEMO).sort();

let site: string;

/** A built site as Astro leaves it: every folder of public/data copied, extras included. */
beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'symbiose-publish-'));
  for (const name of ['demo', 'other']) {
    const folder = join(site, 'data', name);
    cpSync(DEMO, folder, { recursive: true });
    writeFileSync(join(folder, 'rapport-import.json'), '{"fichiers":[]}');
    mkdirSync(join(folder, 'rejets'));
    writeFileSync(join(folder, 'rejets', 'rejets-rna.csv'), 'ligne;raison\n');
  }
  writeFileSync(join(site, 'index.html'), '<!doctype html>');
});
afterEach(() => {
  rmSync(site, { recursive: true, force: true });
});

const tree = (folder: string) => readdirSync(folder, { recursive: true }).map(String).sort();

describe('publishOnlyDataset', () => {
  it('keeps only the chosen dataset, and in it only the files its manifest lists', () => {
    const report = publishOnlyDataset(site, 'demo');
    expect(readdirSync(join(site, 'data'))).toEqual(['demo']);
    expect(tree(join(site, 'data', 'demo'))).toEqual(DEMO_FILES);
    expect(report.removed).toEqual(['demo/rapport-import.json', 'demo/rejets', 'other']);
    expect(existsSync(join(site, 'index.html'))).toBe(true);
  });

  it('refuses to publish a site without its dataset', () => {
    expect(() => publishOnlyDataset(site, 'absent')).toThrow(DatasetPublishError);
    expect(() => publishOnlyDataset(site, 'absent')).toThrow(/« absent » est absent du site construit/);
    // Nothing removed on the way.
    expect(readdirSync(join(site, 'data')).sort()).toEqual(['demo', 'other']);
  });
});

describe('the build setting', () => {
  it('is demo by default, a plain folder name otherwise', () => {
    expect(chosenDataset({})).toBe('demo');
    expect(chosenDataset({ PUBLIC_SYMBIOSE_DATASET: 'other' })).toBe('other');
    expect(() => chosenDataset({ PUBLIC_SYMBIOSE_DATASET: '../secret' })).toThrow(DatasetPublishError);
  });

  it('is applied by the command `npm run build` runs after Astro, before compressing', () => {
    const run = spawnSync(process.execPath, ['scripts/publish-dataset.ts', site], {
      encoding: 'utf8',
      env: { ...process.env, PUBLIC_SYMBIOSE_DATASET: 'other' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(join(site, 'data'))).toEqual(['other']);
    expect(tree(join(site, 'data', 'other'))).toEqual(DEMO_FILES);
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> })
      .scripts;
    expect(scripts['build']).toMatch(
      /astro build && node scripts\/publish-dataset\.ts && node scripts\/compress-dist\.ts/,
    );
  });
});
