/**
 * The sensitivity of headline figures on the demo territory, computed at build time for the
 * method page (src/components/method/DemoSensitivity.astro): the demo dataset loaded in
 * DuckDB-WASM's Node build, the indicator table at territory level, then one-at-a-time swings and
 * the weight of single exchanges (src/indicators/method/sensitivity.ts). Node only: Astro runs it
 * in the page's frontmatter while building, nothing of it reaches the browser.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { openNodeRunner } from '../../src/data/duckdb-node.ts';
import { loadDataset } from '../../src/data/load-dataset.ts';
import { folderDatasetReader } from '../../src/data/node-dataset-reader.ts';
import { runSensitivity, type FigureSensitivity } from '../../src/indicators/method/sensitivity.ts';
import {
  INDICATORS,
  runIndicatorTable,
  type IndicatorDefinition,
  type IndicatorFilters,
  type IndicatorValue,
} from '../../src/indicators/registry.ts';
import type { Period } from '../../src/indicators/types.ts';

/** The demo dataset the site is built with (scripts/demo.ts writes it). */
export const DEMO_FOLDER = 'public/data/demo';

/** One figure of the demo territory with what moves it. */
export interface DemoFigure {
  readonly indicator: IndicatorDefinition;
  /** The figure with its low–high range (all coefficients and data factors at once). */
  readonly value: IndicatorValue;
  readonly sensitivity: FigureSensitivity;
}

export interface DemoSensitivity {
  /** The dataset's name (manifest). */
  readonly name: string;
  /** The whole period of the dataset: the figures are computed over it, every filter off. */
  readonly period: Period;
  readonly figures: readonly DemoFigure[];
}

/**
 * The sensitivity of `indicatorIds` on the territory of the dataset in `folder` (relative to the
 * working directory), over its whole period; null when the folder holds no dataset.
 */
export async function demoSensitivity(
  indicatorIds: readonly string[],
  folder = DEMO_FOLDER,
): Promise<DemoSensitivity | null> {
  const path = resolve(folder);
  if (!existsSync(join(path, 'manifest.json'))) return null;
  const indicators = indicatorIds.map((id) => {
    const indicator = INDICATORS.find((i) => i.id === id);
    if (!indicator) throw new Error(`Unknown indicator ${id}`);
    return indicator;
  });
  const runner = await openNodeRunner();
  try {
    const manifest = await loadDataset(runner, folderDatasetReader(path));
    const filters: IndicatorFilters = { period: manifest.period };
    const [territory] = await runIndicatorTable(runner, indicators, filters, 'territoire');
    if (!territory) throw new Error(`No territory in ${folder}`);
    const sensitivities = await runSensitivity(
      runner,
      indicators,
      filters,
      'territoire',
      territory.zone,
      territory.parts,
    );
    return {
      name: manifest.name,
      period: manifest.period,
      figures: indicators.map((indicator, i) => {
        const value = territory.values[indicator.id];
        const sensitivity = sensitivities[i];
        if (!value || !sensitivity) throw new Error(`No value for ${indicator.id}`);
        return { indicator, value, sensitivity };
      }),
    };
  } finally {
    await runner.close();
  }
}

const cache = new Map<string, Promise<DemoSensitivity | null>>();

/** `demoSensitivity`, computed once per build for both languages of the page. */
export function cachedDemoSensitivity(
  indicatorIds: readonly string[],
  folder = DEMO_FOLDER,
): Promise<DemoSensitivity | null> {
  const key = `${folder}|${indicatorIds.join(',')}`;
  let result = cache.get(key);
  if (!result) {
    result = demoSensitivity(indicatorIds, folder);
    cache.set(key, result);
  }
  return result;
}
