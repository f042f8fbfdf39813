/*
 * Issue 13's goals, read from one size's measures: each goal with what was measured, whether it
 * is met, and — for an interaction — where its time went (before the queries, the queries, the
 * drawing), so that a goal not met says why. A goal that does not apply to a size (a start-up
 * goal set for the national scale only) reads « no goal at this size » with the figure.
 */
import { formatFigure, median, percentile, type Figure, type Measure } from './figures.ts';

export const GOALS_SECTION = 'Goals (issue 13): measured, met or not, and where the time goes';

/** The interactions of the browser bench (scripts/bench/browser.ts), by their row label. */
const INTERACTIONS = [
  'another indicator (recolouring)',
  'a resource type ticked / unticked',
  'a theme family ticked / unticked',
  'the period moved by a month',
] as const;

const ANIMATION = 'one month of the animation (the 400 ms pause excluded)';

/** Row labels of the other measures the goals read. */
const READY = 'start-up: map and first figures drawn (ready), ms since navigation';
const FIRST_MAP = 'start-up: first map drawn (build-time figures), ms since navigation';
const PEAK = 'renderer peak RSS (VmHWM in /proc, largest renderer)';
const BYTES = 'bytes received until ready, everything';
const PARITY = 'runIndicatorLevels pre-aggregated, WASM / native';

function find(measures: readonly Measure[], label: string): Figure | undefined {
  return measures.find((m) => m.label === label)?.figure;
}

function verdict(met: boolean): string {
  return met ? 'met' : 'not met';
}

/** A time figure against a median (and p95) bound. */
function timeGoal(figure: Figure | undefined, medianMs: number, p95Ms?: number): string | null {
  if (!figure || figure.kind !== 'time' || figure.ms.length === 0) return null;
  const met = median(figure.ms) <= medianMs && (p95Ms === undefined || percentile(figure.ms, 95) <= p95Ms);
  return `${formatFigure(figure)} — ${verdict(met)}`;
}

/** Where an interaction's median time went, from its phase rows. */
function phases(measures: readonly Measure[], label: string): string {
  const parts = [
    ['before queries', `${label}: of which input → first query sent`],
    ['queries', `${label}: of which queries (first sent → answers shown)`],
    ['drawing', `${label}: of which drawing (answers shown → map drawn)`],
  ]
    .map(([name, row]) => {
      const figure = find(measures, row ?? '');
      return figure?.kind === 'time' && figure.ms.length > 0
        ? `${name ?? ''} ${formatFigure({ kind: 'value', value: median(figure.ms), unit: 'ms' })}`
        : null;
    })
    .filter((p) => p !== null);
  return parts.length > 0 ? `; ${parts.join(', ')}` : '; no query ran (map and panels only)';
}

/** What a missing figure says: the error the bench printed in its place, or « not measured ». */
function missing(figure: Figure | undefined): string {
  // An error, or a step that says why it is not on the page (the national overview).
  return figure?.kind === 'error' || (figure?.kind === 'text' && figure.text !== '—')
    ? `not measured: ${formatFigure(figure)}`
    : 'not measured';
}

/** The goals of one size, as rows of the goals section. */
export function goalMeasures(size: string, measures: readonly Measure[]): Measure[] {
  const national = size === 'national';
  const rows: [string, string][] = [];
  for (const label of INTERACTIONS) {
    const figure = find(measures, label);
    const text = timeGoal(figure, 100, 200);
    rows.push([
      `${label}: median ≤ 100 ms, p95 ≤ 200 ms`,
      text ? `${text}${phases(measures, label)}` : missing(figure),
    ]);
  }
  const animation = find(measures, ANIMATION);
  rows.push(['one month of the animation ≤ 250 ms', timeGoal(animation, 250) ?? missing(animation)]);

  const ready = find(measures, READY);
  const firstMap = find(measures, FIRST_MAP);
  if (size === 'demo') rows.push(['demo ready ≤ 1.5 s', timeGoal(ready, 1500) ?? missing(ready)]);
  else if (national) {
    rows.push(['national first map ≤ 3 s', timeGoal(firstMap, 3000) ?? missing(firstMap)]);
    rows.push(['national full interactivity (ready) ≤ 6 s', timeGoal(ready, 6000) ?? missing(ready)]);
  } else rows.push(['ready (no start-up goal at this size)', ready ? formatFigure(ready) : missing(ready)]);

  const peak = find(measures, PEAK);
  const bytes = find(measures, BYTES);
  const valueGoal = (figure: Figure | undefined, limit: number) =>
    figure?.kind === 'value'
      ? `${formatFigure(figure)}${national ? ` — ${verdict(figure.value <= limit)}` : ' (goal set for the national size)'}`
      : missing(figure);
  rows.push(['renderer peak memory ≤ 1.5 GB (national)', valueGoal(peak, 1536)]);
  rows.push(['bytes until ready ≤ 60 MB (national)', valueGoal(bytes, 60)]);

  const parity = find(measures, PARITY);
  rows.push([
    'the indicator query in WASM ≤ 1.5 × native',
    parity?.kind === 'ratio' ? `${formatFigure(parity)} — ${verdict(parity.value <= 1.5)}` : missing(parity),
  ]);
  return rows.map(([label, text]) => ({ section: GOALS_SECTION, label, figure: { kind: 'text', text } }));
}
