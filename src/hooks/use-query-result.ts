import { useEffect, useMemo, useState } from 'react';

/**
 * The state of one asynchronous result. While a new answer is on its way, `previous` keeps the
 * last one, so panels can stay on screen (marked busy) instead of flickering.
 */
export type QueryResult<T> =
  | { readonly status: 'loading'; readonly previous: T | null }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'error'; readonly message: string };

/** The data of a result, or the previous data while loading; null if there is none. */
export function latestData<T>(result: QueryResult<T>): T | null {
  return result.status === 'ready' ? result.data : result.status === 'loading' ? result.previous : null;
}

/**
 * Longest time an answer waits for the others still running before it is shown anyway (one slow
 * query never holds the page back for long).
 *
 * 4 s, not less: at regional size a change's answers arrive over 2–3.5 s, the hooks' answers up to
 * ~1.2 s apart (a hook runs its statements one after the other). With 1 s the first answers were
 * shown alone, and their repaint (~0.7 s of main thread) delayed the others: every other change
 * painted twice. While answers wait, the page keeps the previous ones on screen.
 */
export const HOLD_MS = 4000;

/**
 * Answers are shown together: one that arrives while others are still running waits for them
 * (at most `HOLD_MS`), and all are then set in one task, so the page renders — and the map repaints
 * — once per change of filters rather than once per query (queries share one connection and
 * arrive one after the other).
 */
export function createAnswerBatch(hold = HOLD_MS, marks?: BatchMarks) {
  let running = 0;
  let waiting: (() => void)[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const ready = waiting;
    waiting = [];
    for (const show of ready) show();
    if (marks && ready.length > 0) performance.mark(marks.shown);
  };
  return {
    /** A query starts. */
    started(): void {
      if (marks && running === 0) performance.mark(marks.sent);
      running++;
    },
    /** A query ended; `show` sets its answer on screen, now or with the others. */
    ended(show: () => void): void {
      running = Math.max(0, running - 1);
      waiting.push(show);
      if (running === 0) flush();
      else timer ??= setTimeout(flush, hold);
    },
  };
}

export type AnswerBatch = ReturnType<typeof createAnswerBatch>;

/**
 * Performance marks a batch leaves, so the benchmark can split a filter change into what runs
 * before the queries, the queries (with their rows decoded), and the drawing after them.
 */
export interface BatchMarks {
  /** A first query starts while none was running. */
  readonly sent: string;
  /** Answers are set on screen together. */
  readonly shown: string;
}

/** The marks of the filter answers (scripts/bench/interaction.ts reads them). */
export const FILTER_MARKS: BatchMarks = { sent: 'symbiose:queries-sent', shown: 'symbiose:answers-shown' };

/**
 * The answers of what a filter change recomputes (map, overview, selection), shown together.
 * Queries a person starts apart — the sensitivity fold, « near me », a declaration check — use
 * IMMEDIATE_ANSWERS, so a long one never holds the page's answers back.
 */
const FILTER_ANSWERS: AnswerBatch = createAnswerBatch(HOLD_MS, FILTER_MARKS);

/**
 * The overview's answers that the map does not wait for (resource mix, open needs, growth, funded
 * associations), run on the session's background runner once the map's statements are done:
 * shown together, after the map's answers rather than with them.
 */
export const EXTRA_ANSWERS: AnswerBatch = createAnswerBatch(HOLD_MS);

/** Answers shown as soon as they arrive. */
export const IMMEDIATE_ANSWERS: AnswerBatch = {
  started: () => {},
  ended: (show) => show(),
};

/** What a result hook keeps between renders: the answer for `key`, and the last one it had. */
export interface ResultState<T> {
  readonly key: string | null;
  readonly value: QueryResult<T>;
  /** The last answer received, and the subject it was about. */
  readonly last: { readonly subject: string; readonly data: T } | null;
}

export const NO_RESULT: ResultState<never> = {
  key: null,
  value: { status: 'loading', previous: null },
  last: null,
};

/**
 * The result shown for `key` about `subject`: its answer once there is one; until then the
 * answer known in advance, or the last answer — as `previous` — only if it was about the same
 * subject. New filters on the same commune keep its figures on screen while they are recomputed;
 * another commune (or intercommunalité, or place) never shows the previous one's under its name.
 */
export function resultFor<T>(state: ResultState<T>, key: string, subject: string, known?: T): QueryResult<T> {
  if (state.key === key) return state.value;
  if (known !== undefined) return { status: 'ready', data: known };
  return { status: 'loading', previous: state.last?.subject === subject ? state.last.data : null };
}

/**
 * The state once an answer known in advance stands for the current key (its query is not run):
 * the answer kept for an earlier key is no longer the current one — if that key comes back, its
 * query runs again and the answer is shown as loading (`previous`), not as ready. The last answer
 * is kept for `previous`.
 */
export function knownAnswerStands<T>(state: ResultState<T>): ResultState<T> {
  return state.key === null ? state : { ...state, key: null };
}

/** How a result hook runs its query and shows its answers. */
export interface ResultOptions<T> {
  /** With which answers this one is shown (default: the filter answers, shown together). */
  readonly answers?: AnswerBatch;
  /** The answer for the key known in advance (the first view computed at build time). */
  readonly known?: NoInfer<T> | undefined;
  /**
   * What the answer is about (a zone, a selection, a place): while a new answer loads, the last
   * one stays on screen only if it was about the same subject. Default: one subject throughout.
   */
  readonly subject?: string;
}

/**
 * Runs `run` whenever `key` changes and keeps only the latest answer, so a slow query for an
 * old selection never overwrites the current one; `run`'s signal aborts when its answer is no
 * longer wanted (a background statement not sent yet is then dropped: query-priority.ts). `run`
 * null means « nothing to run yet ».
 * Answers arriving close together are set together (see `createAnswerBatch`), unless
 * `options.answers` says otherwise; see `resultFor` for what is shown while an answer loads.
 */
export function useQueryResult<T>(
  key: string,
  run: ((signal: AbortSignal) => Promise<T>) | null,
  { answers = FILTER_ANSWERS, known, subject = '' }: ResultOptions<T> = {},
): QueryResult<T> {
  const [state, setState] = useState<ResultState<T>>(NO_RESULT);
  // Adjusted in this render (React renders again before committing), as a known answer stands.
  if (!run && known !== undefined && state.key !== null) setState(knownAnswerStands(state));
  useEffect(() => {
    if (!run) return;
    let current = true;
    const wanted = new AbortController();
    answers.started();
    Promise.resolve()
      .then(() => run(wanted.signal))
      .then(
        (data) =>
          answers.ended(
            () => current && setState({ key, value: { status: 'ready', data }, last: { subject, data } }),
          ),
        (error: unknown) =>
          answers.ended(
            () =>
              current &&
              setState((s) => ({
                key,
                value: { status: 'error', message: error instanceof Error ? error.message : String(error) },
                last: s.last,
              })),
          ),
      );
    return () => {
      current = false;
      wanted.abort();
    };
    // `run` is rebuilt on every render; `key` (and whether there is anything to run) says when
    // its inputs changed. The subject is part of what the key describes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, run === null]);
  // The same object for as long as its inputs are (a known answer is not a new result each render).
  return useMemo(() => resultFor(state, key, subject, known), [state, key, subject, known]);
}
