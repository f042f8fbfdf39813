/*
 * What the browser bench (scripts/bench/browser.ts) measures of Chromium's resources: the
 * renderer's peak memory (from /proc), the page's JS heap (CDP) and the bytes it received.
 */
import { readdirSync, readFileSync } from 'node:fs';

import type { Page, Request } from 'playwright-core';

/** Pids of this process's descendants (Chromium and its helpers), from /proc. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which may hold spaces and brackets.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

/** The largest peak resident memory (VmHWM) of the renderer processes this process started, MB. */
export function rendererPeakMb(): number {
  let peak = 0;
  for (const pid of descendants(process.pid)) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      // The process ended meanwhile.
    }
  }
  return peak;
}

/** The main thread's JS heap in use (CDP Performance.getMetrics), MB. */
export async function jsHeapMb(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  await session.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1e6;
}

/** Bytes of every response, as received (compressed), split into the dataset and the rest. */
export function byteCounter(page: Page): () => Promise<{ total: number; dataset: number }> {
  const pending: Promise<{ url: string; bytes: number }>[] = [];
  page.on('requestfinished', (request: Request) => {
    pending.push(
      request
        .sizes()
        .then((s) => ({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize }))
        // A renderer that crashed answers no more: its requests count for nothing.
        .catch(() => ({ url: request.url(), bytes: 0 })),
    );
  });
  return async () => {
    const sizes = await Promise.all(pending);
    const sum = (list: readonly { bytes: number }[]) => list.reduce((total, s) => total + s.bytes, 0);
    return { total: sum(sizes), dataset: sum(sizes.filter((s) => s.url.includes('/data/demo/'))) };
  };
}
