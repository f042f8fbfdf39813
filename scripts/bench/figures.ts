/*
 * What the benchmark measures, and how a measure is summarised: timings as median and p95 over
 * n runs, single values, ratios, and errors printed in place of a figure (« out of memory »).
 */

/** One cell of the final table. */
export type Figure =
  | { readonly kind: 'time'; readonly ms: readonly number[] }
  | { readonly kind: 'value'; readonly value: number; readonly unit: 'MB' | 's' | 'ms' | '' }
  | { readonly kind: 'ratio'; readonly value: number }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'error'; readonly message: string };

/** A figure of one table row: the section and the row's label say where it goes. */
export interface Measure {
  readonly section: string;
  readonly label: string;
  readonly figure: Figure;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The p-th percentile by nearest rank (p95 of 7 runs is the slowest; of 20, the 19th). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** An error as a short figure: what failed, not its stack. */
export function errorFigure(error: unknown): Figure {
  const message = error instanceof Error ? error.message : String(error);
  if (
    /out of memory|memory\.grow|array buffer allocation|allocation failed|cannot enlarge memory/i.test(
      message,
    )
  )
    return { kind: 'error', message: 'out of memory' };
  if (/timeout|timed out/i.test(message)) return { kind: 'error', message: 'timeout' };
  if (/target crashed|page crashed|target closed/i.test(message))
    return { kind: 'error', message: 'renderer crashed' };
  const firstLine = message.split('\n')[0] ?? message;
  return { kind: 'error', message: firstLine.length > 80 ? `${firstLine.slice(0, 77)}…` : firstLine };
}

export interface SampleOptions {
  /** Runs after the warm-up (fewer when the time budget runs out, at least one). */
  readonly runs: number;
  /** Stop repeating once this much time has gone into the step (ms). */
  readonly budgetMs: number;
  /** Whether a first, untimed run comes before (not for cold start-ups). */
  readonly warmUp?: boolean;
}

/** Times `action` `runs` times (after a warm-up), or reports why it could not run. */
export async function sample(options: SampleOptions, action: () => Promise<unknown>): Promise<Figure> {
  const started = performance.now();
  const ms: number[] = [];
  try {
    if (options.warmUp ?? true) await action();
    while (ms.length < options.runs && (ms.length === 0 || performance.now() - started < options.budgetMs)) {
      const start = performance.now();
      await action();
      ms.push(performance.now() - start);
    }
  } catch (error) {
    if (ms.length === 0) return errorFigure(error);
  }
  return { kind: 'time', ms };
}

/** Times two actions alternately, so that both see the same machine load (same budget rule). */
export async function sampleInterleaved(
  options: SampleOptions,
  first: () => Promise<unknown>,
  second: () => Promise<unknown>,
): Promise<[Figure, Figure]> {
  const results: [number[], number[]] = [[], []];
  const errors: [Figure | null, Figure | null] = [null, null];
  const actions = [first, second] as const;
  const started = performance.now();
  const once = async (which: 0 | 1, keep: boolean) => {
    if (errors[which]) return;
    const start = performance.now();
    try {
      await actions[which]();
      if (keep) results[which].push(performance.now() - start);
    } catch (error) {
      errors[which] = errorFigure(error);
    }
  };
  if (options.warmUp ?? true) {
    await once(0, false);
    await once(1, false);
  }
  while (
    (errors[0] === null || errors[1] === null) &&
    Math.max(results[0].length, results[1].length) < options.runs &&
    (results[0].length + results[1].length === 0 || performance.now() - started < options.budgetMs)
  ) {
    await once(0, true);
    await once(1, true);
  }
  const figure = (which: 0 | 1): Figure =>
    results[which].length > 0
      ? { kind: 'time', ms: results[which] }
      : (errors[which] ?? { kind: 'time', ms: [] });
  return [figure(0), figure(1)];
}

/** The ratio of two timings' medians, or nothing when either is missing. */
export function ratioOf(numerator: Figure, denominator: Figure): Figure {
  if (numerator.kind !== 'time' || denominator.kind !== 'time' || numerator.ms.length === 0)
    return { kind: 'text', text: '—' };
  const below = median(denominator.ms);
  return below > 0 ? { kind: 'ratio', value: median(numerator.ms) / below } : { kind: 'text', text: '—' };
}

const number = (value: number, digits = 0) =>
  value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Milliseconds as people read them: 0.42 ms, 12 ms, 1,234 ms. */
export function formatMs(ms: number): string {
  return `${number(ms, ms < 10 ? 1 : 0)}`;
}

/** A figure as a table cell: « 123 / 140 ms (n=7) », « 1.4 MB », « ×2.3 », « out of memory ». */
export function formatFigure(figure: Figure | undefined): string {
  if (!figure) return '';
  switch (figure.kind) {
    case 'time':
      if (figure.ms.length === 0) return '—';
      if (figure.ms.length === 1) return `${formatMs(figure.ms[0] ?? 0)} ms (n=1)`;
      return `${formatMs(median(figure.ms))} / ${formatMs(percentile(figure.ms, 95))} ms (n=${figure.ms.length})`;
    case 'value':
      if (figure.unit === 'MB') return `${number(figure.value, figure.value < 10 ? 1 : 0)} MB`;
      if (figure.unit === 's') return `${number(figure.value, 1)} s`;
      if (figure.unit === 'ms') return `${formatMs(figure.value)} ms`;
      return number(figure.value);
    case 'ratio':
      return `×${number(figure.value, figure.value < 10 ? 2 : 1)}`;
    case 'text':
      return figure.text;
    case 'error':
      return `« ${figure.message} »`;
  }
}
