/*
 * The engine a script runs a dataset's SQL on. A dataset a browser can load runs on DuckDB-WASM's
 * Node build, the page's own engine, so what the build writes is what the page computes. Beyond
 * the browser's limits (src/data/browser-limits.ts: the national size, 10 million exchanges)
 * DuckDB-WASM runs out of its 32-bit memory: native DuckDB runs the same SQL, the same release
 * (scripts/lib/duckdb-native.ts), on every core, its files streamed rather than read whole.
 */
import { availableParallelism, totalmem } from 'node:os';

import { fitsInBrowser } from '../../src/data/browser-limits.ts';
import { openNodeRunner } from '../../src/data/duckdb-node.ts';
import { MANIFEST_FILE, parseManifest } from '../../src/data/manifest.ts';
import { folderDatasetReader } from '../../src/data/node-dataset-reader.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { openNativeRunner } from './duckdb-native.ts';

export const ENGINE_CHOICES = ['auto', 'wasm', 'native'] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

/** Whether a dataset folder is beyond what a browser loads (read from its manifest alone). */
export async function beyondBrowser(folder: string): Promise<boolean> {
  const reader = folderDatasetReader(folder);
  const manifest = parseManifest(await reader.readText(MANIFEST_FILE), reader.describe(MANIFEST_FILE));
  return !fitsInBrowser(manifest);
}

/**
 * Native DuckDB's memory limit: a quarter of the memory this process may use (the machine's, or
 * its container's when smaller), at least 1 GiB. It bounds DuckDB's buffers, not the process:
 * measured on the national size (10 million exchanges, 2 shared cores, 24 GB), the first view
 * peaks at 10.0 GB of resident memory in 6 min 23 s with a 6 GB limit, at 21.4 GB in 4 min 37 s
 * without one (DuckDB's default, 80 % of the machine).
 */
export function nativeMemoryLimit(): string {
  const constrained = process.constrainedMemory();
  const available = constrained > 0 ? Math.min(totalmem(), constrained) : totalmem();
  return `${Math.max(1, Math.floor(available / 4 / 2 ** 30))}GiB`;
}

/** Opens the engine `choice` names; `auto`: native beyond the browser's limits, else WASM. */
export async function openEngineFor(folder: string, choice: EngineChoice = 'auto'): Promise<QueryRunner> {
  const native = choice === 'native' || (choice === 'auto' && (await beyondBrowser(folder)));
  return native
    ? openNativeRunner({ threads: availableParallelism(), memoryLimit: nativeMemoryLimit() })
    : openNodeRunner();
}
