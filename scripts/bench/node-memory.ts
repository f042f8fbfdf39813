/*
 * Memory figures of the bench in Node (scripts/bench/engine-run.ts): the process's resident memory,
 * now and at its peak, a full garbage collection, and DuckDB's own memory.
 */
import type { QueryRunner } from '../../src/data/query-runner.ts';

export const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
/** A full garbage collection (bench.ts starts this with --expose-gc): closed engines hold their WebAssembly memory until collected. */
export const collect = () => (globalThis as { gc?: () => void }).gc?.();
/** Resident memory now, after a full garbage collection, MB. */
export function rssAfterGcMb(): number {
  collect();
  return process.memoryUsage().rss / 1024 / 1024;
}

export async function duckdbMemoryMb(runner: QueryRunner): Promise<number> {
  const [row] = await runner.query({
    sql: 'SELECT sum(memory_usage_bytes) AS bytes FROM duckdb_memory()',
    params: [],
  });
  return Number(row?.['bytes'] ?? 0) / 1e6;
}
