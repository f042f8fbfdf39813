import { afterEach, describe, expect, it, vi } from 'vitest';

import { ensureDerivedTable, EXCHANGE_VALUES_TABLE } from '../../../src/data/derived-tables.ts';
import { HOLD_LIMIT_MS, NoLongerWanted, withPriorities } from '../../../src/data/query-priority.ts';
import type { QueryRunner, Row } from '../../../src/data/query-runner.ts';
import { queryWithExchangeValues } from '../../../src/indicators/method/exchange-values.ts';

/**
 * An engine whose statements end when the test says so: `sent` lists them in the order they
 * reached it, `finish(sql)` answers one.
 */
function fakeEngine() {
  const sent: string[] = [];
  const pending = new Map<string, { resolve: (rows: Row[]) => void; reject: (error: Error) => void }>();
  const run = (sql: string) =>
    new Promise<Row[]>((resolve, reject) => {
      sent.push(sql);
      pending.set(sql, { resolve, reject });
    });
  const runner: QueryRunner = {
    engine: 'fake',
    query: ({ sql }) => run(sql),
    exec: async (sql) => {
      await run(sql);
    },
    insertArrowIPC: async (table) => {
      await run(`insert ${table}`);
    },
    close: async () => {},
  };
  const settle = (sql: string, how: 'resolve' | 'reject') => {
    const statement = pending.get(sql);
    if (!statement) throw new Error(`${sql} was not sent (sent: ${sent.join(', ')})`);
    pending.delete(sql);
    if (how === 'resolve') statement.resolve([{ sql }]);
    else statement.reject(new Error(`${sql} failed`));
  };
  return {
    runner,
    sent,
    finish: (sql: string) => settle(sql, 'resolve'),
    fail: (sql: string) => settle(sql, 'reject'),
  };
}

/** The statements sent, the build of the table of exchange values named `build`. */
const named = (sent: readonly string[]) =>
  sent.map((sql) => (sql.startsWith(`CREATE TABLE IF NOT EXISTS ${EXCHANGE_VALUES_TABLE}`) ? 'build' : sql));

/** Answers the build of the table of exchange values (its SQL is the method's, long). */
function finishBuild(engine: ReturnType<typeof fakeEngine>) {
  const build = engine.sent.find((sql) => named([sql])[0] === 'build');
  if (!build) throw new Error(`no build was sent (sent: ${named(engine.sent).join(', ')})`);
  engine.finish(build);
}

/** Lets every pending task and microtask run (the idle check waits one task). */
const tasks = async (n = 3) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

const q = (sql: string) => ({ sql, params: [] });

describe('withPriorities(runner)', () => {
  it('sends a background statement only once no foreground statement is running', async () => {
    const engine = fakeEngine();
    const { foreground, background } = withPriorities(engine.runner);
    const map = foreground.query(q('communes'));
    const list = background.query(q('needs'));
    await tasks();
    expect(engine.sent).toEqual(['communes']);
    engine.finish('communes');
    await expect(map).resolves.toEqual([{ sql: 'communes' }]);
    await tasks();
    expect(engine.sent).toEqual(['communes', 'needs']);
    engine.finish('needs');
    await expect(list).resolves.toEqual([{ sql: 'needs' }]);
  });

  it('lets foreground statements sent later overtake a waiting background one', async () => {
    const engine = fakeEngine();
    const { foreground, background } = withPriorities(engine.runner);
    void foreground.query(q('communes'));
    void background.query(q('search'));
    await tasks();
    // The next foreground statement is sent in the same task as the first one's answer.
    engine.finish('communes');
    await Promise.resolve();
    void foreground.query(q('flows'));
    await tasks();
    expect(engine.sent).toEqual(['communes', 'flows']);
    engine.finish('flows');
    await tasks();
    expect(engine.sent).toEqual(['communes', 'flows', 'search']);
  });

  it('runs background statements one at a time, in order, a failure not holding the next', async () => {
    const engine = fakeEngine();
    const { background } = withPriorities(engine.runner);
    const first = background.query(q('mix'));
    const second = background.query(q('growth'));
    await tasks();
    expect(engine.sent).toEqual(['mix']);
    engine.fail('mix');
    await expect(first).rejects.toThrow('mix failed');
    await tasks();
    expect(engine.sent).toEqual(['mix', 'growth']);
    engine.finish('growth');
    await expect(second).resolves.toEqual([{ sql: 'growth' }]);
  });

  it('does not hold a foreground statement behind background ones', async () => {
    const engine = fakeEngine();
    const { foreground, background } = withPriorities(engine.runner);
    void background.query(q('search'));
    await tasks();
    expect(engine.sent).toEqual(['search']);
    // Sent at once: the engine runs it after the statement already in it.
    void foreground.query(q('communes'));
    expect(engine.sent).toEqual(['search', 'communes']);
  });

  it('drops a background statement no longer wanted when its turn comes, and sends the next', async () => {
    const engine = fakeEngine();
    const { foreground, background } = withPriorities(engine.runner);
    void foreground.query(q('communes'));
    const wanted = new AbortController();
    const stale = background.whileWanted(wanted.signal).query(q('needs of the previous month'));
    const current = background.query(q('needs of this month'));
    await tasks();
    wanted.abort();
    engine.finish('communes');
    await expect(stale).rejects.toBeInstanceOf(NoLongerWanted);
    await tasks();
    expect(engine.sent).toEqual(['communes', 'needs of this month']);
    engine.finish('needs of this month');
    await expect(current).resolves.toEqual([{ sql: 'needs of this month' }]);
  });

  it('sends a statement given no signal: its answer is always wanted', async () => {
    const engine = fakeEngine();
    const { background } = withPriorities(engine.runner);
    const ahead = background.whileWanted().query(q('mix of the next month'));
    await tasks();
    expect(engine.sent).toEqual(['mix of the next month']);
    engine.finish('mix of the next month');
    await expect(ahead).resolves.toEqual([{ sql: 'mix of the next month' }]);
  });

  it('shares derived tables between its two views, built through the foreground one', async () => {
    const engine = fakeEngine();
    const { foreground, background } = withPriorities(engine.runner);
    const owners: unknown[] = [];
    const build = async (owner: unknown) => {
      owners.push(owner);
      await Promise.resolve();
    };
    // Asked first by a background statement that is no longer wanted: built anyway, at the
    // foreground's priority, so the map's queries that wait for the table never fail with it.
    const unwanted = new AbortController();
    unwanted.abort();
    await ensureDerivedTable(background.whileWanted(unwanted.signal), EXCHANGE_VALUES_TABLE, build);
    await ensureDerivedTable(foreground, EXCHANGE_VALUES_TABLE, build);
    expect(owners).toEqual([foreground]);
  });

  it('holds background statements while held, and sends them when every hold is released', async () => {
    const engine = fakeEngine();
    const { background } = withPriorities(engine.runner);
    const drawing = background.hold();
    const layout = background.hold();
    const mix = background.query(q('mix'));
    await tasks();
    expect(engine.sent).toEqual([]);
    drawing();
    drawing(); // a second release of the same hold releases nothing more
    await tasks();
    expect(engine.sent).toEqual([]);
    layout();
    await tasks();
    expect(engine.sent).toEqual(['mix']);
    engine.finish('mix');
    await expect(mix).resolves.toEqual([{ sql: 'mix' }]);
  });

  it('never holds a foreground statement', async () => {
    const engine = fakeEngine();
    const { foreground, background } = withPriorities(engine.runner);
    background.hold();
    void foreground.query(q('communes'));
    expect(engine.sent).toEqual(['communes']);
  });

  describe('a hold never released', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it(`ends by itself after ${HOLD_LIMIT_MS} ms`, async () => {
      vi.useFakeTimers();
      const engine = fakeEngine();
      const { background } = withPriorities(engine.runner);
      background.hold();
      void background.query(q('search'));
      await vi.advanceTimersByTimeAsync(HOLD_LIMIT_MS - 1);
      expect(engine.sent).toEqual([]);
      // The hold ends at the limit; the idle check that sends the statement runs a task later.
      await vi.advanceTimersByTimeAsync(1);
      expect(engine.sent).toEqual([]);
      await vi.advanceTimersToNextTimerAsync();
      expect(engine.sent).toEqual(['search']);
    });
  });

  describe('a background query that reads the table of exchange values', () => {
    it('asks for the table only when its turn comes, and the build runs at foreground priority', async () => {
      const engine = fakeEngine();
      const { foreground, background } = withPriorities(engine.runner);
      void foreground.query(q('communes'));
      const mix = queryWithExchangeValues(background, q('mix'));
      await tasks();
      // Not built while the map's statement runs.
      expect(named(engine.sent)).toEqual(['communes']);
      engine.finish('communes');
      await tasks();
      expect(named(engine.sent)).toEqual(['communes', 'build']);
      // A map statement sent during the build is not held behind the background query.
      void foreground.query(q('flows'));
      expect(named(engine.sent)).toEqual(['communes', 'build', 'flows']);
      finishBuild(engine);
      engine.finish('flows');
      await tasks();
      expect(named(engine.sent)).toEqual(['communes', 'build', 'flows', 'mix']);
      engine.finish('mix');
      await expect(mix).resolves.toEqual([{ sql: 'mix' }]);
    });

    it('lets a foreground query that needs the table meanwhile build it at once, even while held', async () => {
      const engine = fakeEngine();
      const { foreground, background } = withPriorities(engine.runner);
      const release = background.hold();
      const mix = queryWithExchangeValues(background, q('mix'));
      await tasks();
      expect(engine.sent).toEqual([]);
      const communes = queryWithExchangeValues(foreground, q('communes'));
      await tasks();
      expect(named(engine.sent)).toEqual(['build']);
      finishBuild(engine);
      await tasks();
      expect(named(engine.sent)).toEqual(['build', 'communes']);
      engine.finish('communes');
      await expect(communes).resolves.toEqual([{ sql: 'communes' }]);
      release();
      await tasks();
      // Built once: the background query, its turn come, reads the table the map's query built.
      expect(named(engine.sent)).toEqual(['build', 'communes', 'mix']);
      engine.finish('mix');
      await expect(mix).resolves.toEqual([{ sql: 'mix' }]);
    });

    it('is dropped, without a build, when no longer wanted at its turn', async () => {
      const engine = fakeEngine();
      const { foreground, background } = withPriorities(engine.runner);
      void foreground.query(q('communes'));
      const wanted = new AbortController();
      const mix = queryWithExchangeValues(background.whileWanted(wanted.signal), q('mix'));
      await tasks();
      wanted.abort();
      engine.finish('communes');
      await expect(mix).rejects.toBeInstanceOf(NoLongerWanted);
      await tasks();
      expect(engine.sent).toEqual(['communes']);
    });
  });
});
