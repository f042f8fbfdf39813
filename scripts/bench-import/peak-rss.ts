/*
 * Preloaded into the benchmarked import (`node --import …/peak-rss.ts scripts/import.ts …`):
 * when the process exits, its peak resident set size (bytes) is written to the file named by
 * SYMBIOSE_BENCH_RSS_FILE. The import itself is not touched.
 */
import { writeFileSync } from 'node:fs';

const target = process.env['SYMBIOSE_BENCH_RSS_FILE'];
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS * 1024)));
