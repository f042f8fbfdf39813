import type { BrowserSession } from '../data/browser-session.ts';
import type { IndicatorFilters } from '../indicators/registry.ts';

/*
 * Answers computed before the view that needs them is shown: while the animation pauses on a
 * month, the next month's queries run in the engine's worker, which is idle then; when the
 * animation moves on, the page takes those answers instead of running the queries again. Each
 * answer is taken once (a filter ticked back and forth is computed again, never served from a
 * store that could outlive the data), and only the last few are kept.
 */

/** A query the page runs on a session when its filters change, keyed by the filters it reads. */
export interface FilterQuery<T, S extends object = BrowserSession> {
  /** Names the query among the page's (part of the key of its answers). */
  readonly name: string;
  /** The filters it reads, as a string: two filters with the same key have the same answer. */
  readonly key: (filters: IndicatorFilters) => string;
  /** `signal`: aborts when the page no longer wants the answer (not given ahead of time). */
  readonly run: (session: S, filters: IndicatorFilters, signal?: AbortSignal) => Promise<T>;
}

/**
 * Left each time the page runs one of its filter queries on the engine, its name as detail: browser
 * tests read which queries a view ran (none of those the build answered, on the default view).
 */
export const QUERY_RUN_MARK = 'symbiose:query-run';

function run<T, S extends object>(
  query: FilterQuery<T, S>,
  session: S,
  filters: IndicatorFilters,
  signal?: AbortSignal,
): Promise<T> {
  performance.mark(QUERY_RUN_MARK, { detail: query.name });
  return query.run(session, filters, signal);
}

/** Answers kept per session at most (a few months' worth of the page's queries). */
const KEPT = 32;

const stores = new WeakMap<object, Map<string, Promise<unknown>>>();

function storeOf(session: object): Map<string, Promise<unknown>> {
  let store = stores.get(session);
  if (!store) stores.set(session, (store = new Map()));
  return store;
}

const idOf = <T, S extends object>(query: FilterQuery<T, S>, filters: IndicatorFilters) =>
  `${query.name}|${query.key(filters)}`;

/** Starts `query` for `filters` ahead of time, unless its answer is already on its way. */
export function prefetch<T, S extends object>(
  session: S,
  query: FilterQuery<T, S>,
  filters: IndicatorFilters,
): void {
  const store = storeOf(session);
  const id = idOf(query, filters);
  if (store.has(id)) return;
  const answer = run(query, session, filters);
  // A prefetch that fails is forgotten: the page runs the query itself and says what failed.
  answer.catch(() => {
    if (store.get(id) === answer) store.delete(id);
  });
  store.set(id, answer);
  for (const oldest of store.keys()) {
    if (store.size <= KEPT) break;
    store.delete(oldest);
  }
}

/** The answer of `query` for `filters`: the one computed ahead of time if any (taken), else a new run. */
export function answerOf<T, S extends object>(
  session: S,
  query: FilterQuery<T, S>,
  filters: IndicatorFilters,
  signal?: AbortSignal,
): Promise<T> {
  const store = storeOf(session);
  const id = idOf(query, filters);
  const ahead = store.get(id);
  if (!ahead) return run(query, session, filters, signal);
  store.delete(id);
  // Stored under the id of this very query, so its answer is a T.
  return ahead as Promise<T>;
}
