import type { QueryRunner, Row, SqlQuery } from './query-runner.ts';

/*
 * Two doors to one engine. DuckDB-WASM runs one statement at a time, in the order they are sent,
 * so what the map waits for (every commune's figures, the flows, the points) queued behind what it
 * does not (the overview's resource mix and lists, the search index, the funders): at regional
 * size about a second of every start-up and a third of a filter change's statements.
 *
 * The foreground door sends statements at once. The background door holds each statement until no
 * foreground statement is running or waiting, then sends it — one at a time, so a new foreground
 * statement waits at most for the one background statement already in the engine, which cannot be
 * interrupted. A background statement whose answer is no longer wanted when its turn comes (its
 * signal aborted: the filters changed again) is not sent at all.
 *
 * The page also holds the background door while it draws what the foreground answered (`hold`):
 * on two shared cores a background statement run then takes the CPU from the map's layout of the
 * points (a demo start-up's last ~0.3 s). A hold ends when released, or after `HOLD_LIMIT_MS`
 * whatever happens, so a view that never finishes drawing (a hidden tab) never stalls the rest.
 */

/** The longest the background door stays held for one hold (ms). */
export const HOLD_LIMIT_MS = 4000;

/**
 * Performance entries for devtools, benches and browser tests: a measure from each hold to its
 * end (released, or its limit), and a mark each time a background statement is sent.
 */
export const BACKGROUND_HELD_MEASURE = 'symbiose:background-held';
export const BACKGROUND_SENT_MARK = 'symbiose:background-sent';

/**
 * The background door; `whileWanted(signal)`: the same, skipping statements once `signal` aborts
 * (no signal: always wanted, as a query run ahead of time has none).
 */
export interface BackgroundRunner extends QueryRunner {
  whileWanted(signal?: AbortSignal): QueryRunner;
  /**
   * Holds the statements not sent yet until the returned function is called (once or more), or
   * `HOLD_LIMIT_MS` has passed. Holds add up: the door opens when none is left.
   */
  hold(): () => void;
}

/** One engine seen with two priorities: both run on `runner`'s connection. */
export interface PrioritisedRunners {
  readonly foreground: QueryRunner;
  readonly background: BackgroundRunner;
}

/** The error of a background statement skipped because its answer was no longer wanted. */
export class NoLongerWanted extends Error {
  constructor() {
    super('Requête abandonnée : sa réponse n’était plus attendue.');
    this.name = 'NoLongerWanted';
  }
}

export function withPriorities(runner: QueryRunner): PrioritisedRunners {
  /** Foreground statements sent and not answered yet. */
  let running = 0;
  /**
   * The background statement waiting for the foreground to be idle and the door not held (at most
   * one: they queue). A statement no longer wanted is dropped when its turn comes, not before.
   */
  let waiting: (() => void) | null = null;
  let check: ReturnType<typeof setTimeout> | null = null;
  /** Holds not released yet (`hold`). */
  let holds = 0;
  // Idle is checked a task later, not when the count falls to zero: a foreground caller usually
  // sends its next statement in the same task as the answer to its previous one.
  const scheduleCheck = () => {
    check ??= setTimeout(() => {
      check = null;
      if (running > 0 || holds > 0 || !waiting) return;
      const go = waiting;
      waiting = null;
      go();
    }, 0);
  };
  const foreground = <T>(work: () => Promise<T>): Promise<T> => {
    running++;
    const done = () => {
      running--;
      if (running === 0 && waiting) scheduleCheck();
    };
    return work().finally(done);
  };
  let queue: Promise<unknown> = Promise.resolve();
  const background = <T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    const result = queue.then(async () => {
      if (signal?.aborted) throw new NoLongerWanted();
      await new Promise<void>((resolve) => {
        waiting = resolve;
        scheduleCheck();
      });
      if (signal?.aborted) throw new NoLongerWanted();
      performance.mark(BACKGROUND_SENT_MARK);
      return work();
    });
    queue = result.catch(() => undefined);
    return result;
  };
  const hold = (): (() => void) => {
    holds++;
    let held = true;
    const start = performance.now();
    const release = () => {
      if (!held) return;
      held = false;
      clearTimeout(limit);
      holds--;
      performance.measure(BACKGROUND_HELD_MEASURE, { start, end: performance.now() });
      if (holds === 0 && waiting) scheduleCheck();
    };
    const limit = setTimeout(release, HOLD_LIMIT_MS);
    return release;
  };
  const view = (
    send: <T>(work: () => Promise<T>) => Promise<T>,
    lower?: { base: QueryRunner; waitForTurn: () => Promise<void> },
  ): QueryRunner => ({
    engine: runner.engine,
    ...lower,
    query: (query: SqlQuery): Promise<Row[]> => send(() => runner.query(query)),
    exec: (sql: string) => send(() => runner.exec(sql)),
    insertArrowIPC: (table: string, bytes: Uint8Array) => send(() => runner.insertArrowIPC(table, bytes)),
    close: () => runner.close(),
  });
  const front = view(foreground);
  // Background views name the foreground one as their base: derived tables are built through it,
  // at its priority and never dropped with a background statement — once the background caller's
  // turn has come, so a build it asks for does not run while the map waits (derived-tables.ts).
  const backgroundWhile = (signal?: AbortSignal) => {
    const send = <T>(work: () => Promise<T>) => background(work, signal);
    return view(send, { base: front, waitForTurn: () => send(async () => undefined) });
  };
  return {
    foreground: front,
    background: { ...backgroundWhile(), whileWanted: (signal) => backgroundWhile(signal), hold },
  };
}
