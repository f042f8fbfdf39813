import { describe, expect, it } from 'vitest';

import {
  assertFitsInBrowser,
  BROWSER_DATASET_LIMITS,
  DatasetTooLargeError,
  datasetSize,
  fitsInBrowser,
} from '../../../src/data/browser-limits.ts';
import type { DatasetFileEntry } from '../../../src/data/manifest.ts';
import { testManifest } from '../../support/manifest.ts';

const entry = (rows: number, bytes: number): DatasetFileEntry => ({
  file: 'x.arrow',
  rows,
  bytes,
  sha256: '0'.repeat(64),
});

/** A manifest with the regional benchmark's sizes (README « Benchmarks »), scaled by `factor`. */
function regional(factor: number) {
  return testManifest(
    {
      communes: entry(1_500 * factor, 191_520 * factor),
      associations: entry(75_000 * factor, 21_215_536 * factor),
      echanges: entry(399_277 * factor, 133_332_232 * factor),
      subventions: entry(31_563 * factor, 10_159_104 * factor),
      offres_besoins: entry(7_234 * factor, 871_912 * factor),
      lieux: entry(1_170 * factor, 62_608 * factor),
    },
    entry(0, 1_000_000 * factor),
  );
}

describe('assertFitsInBrowser', () => {
  it('adds up the rows and bytes of every file', () => {
    expect(datasetSize(regional(1))).toEqual({ rows: 515_744, bytes: 166_832_912 });
  });

  it('accepts the regional size, which loads in a browser', () => {
    expect(() => assertFitsInBrowser(regional(1), 'manifest.json')).not.toThrow();
  });

  it('refuses three times the regional size, before loading, saying what to do', () => {
    expect(() => assertFitsInBrowser(regional(3), 'data/x/manifest.json')).toThrow(
      /^data\/x\/manifest\.json : ce jeu de données est trop grand pour un navigateur \(1.547.232 lignes, 500 Mo ; au plus 1.200.000 lignes et 350 Mo\)\. Publiez un territoire plus restreint/,
    );
  });

  it('refuses a dataset beyond either bound', () => {
    const { rows, bytes } = BROWSER_DATASET_LIMITS;
    const manyRows = testManifest({ ...regional(1).tables, echanges: entry(rows, 1) }, entry(0, 1));
    const manyBytes = testManifest({ ...regional(1).tables, echanges: entry(1, bytes) }, entry(0, 1));
    expect(() => assertFitsInBrowser(manyRows, 'm')).toThrow(/trop grand/);
    expect(() => assertFitsInBrowser(manyBytes, 'm')).toThrow(/trop grand/);
    // Its own kind of error: the page then shows its build's figures instead of failing.
    expect(() => assertFitsInBrowser(manyBytes, 'm')).toThrow(DatasetTooLargeError);
    expect([manyRows, manyBytes, regional(1)].map((m) => fitsInBrowser(m))).toEqual([false, false, true]);
  });

  it('accepts a dataset exactly at both bounds', () => {
    const { rows, bytes } = BROWSER_DATASET_LIMITS;
    // Every other file empty, the outlines 1 byte: rows and bytes at the limits exactly.
    const atBounds = testManifest({ ...regional(0).tables, echanges: entry(rows, bytes - 1) }, entry(0, 1));
    expect(fitsInBrowser(atBounds)).toBe(true);
  });
});
