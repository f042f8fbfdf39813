import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dropDerivedTables } from '../../src/data/derived-tables.ts';
import { openNodeRunner } from '../../src/data/duckdb-node.ts';
import { loadDataset } from '../../src/data/load-dataset.ts';
import { folderDatasetReader } from '../../src/data/node-dataset-reader.ts';
import type { QueryRunner, SqlQuery } from '../../src/data/query-runner.ts';
import { createStatementCache } from '../../src/data/statement-cache.ts';
import { runIndicatorLevels } from '../../src/indicators/indicator-levels.ts';
import { INDICATORS } from '../../src/indicators/registry.ts';
import { generateDemo } from '../support/demo.ts';
import { plainLevels } from '../support/plain-zone.ts';

/*
 * Statements kept prepared between queries, and the exchange values table built once per runner:
 * both save work on every filter change, and neither may ever answer from stale tables.
 */

interface FakeStatement {
  readonly sql: string;
  readonly serial: number;
}

/** A cache over fake statements that records what was prepared and closed. */
function fakeCache(capacity: number) {
  const prepared: string[] = [];
  const closed: string[] = [];
  let serial = 0;
  const cache = createStatementCache<FakeStatement>(
    async (sql) => {
      prepared.push(sql);
      return { sql, serial: ++serial };
    },
    async (statement) => {
      closed.push(`${statement.sql}#${statement.serial}`);
    },
    capacity,
  );
  const run = (sql: string) => cache.run(sql, async (s) => `${s.sql}#${s.serial}`);
  return { cache, run, prepared, closed };
}

/** Lets the closes scheduled by an eviction settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createStatementCache', () => {
  it('prepares a statement once, keeps the last used ones and closes those it evicts', async () => {
    const { cache, run, prepared, closed } = fakeCache(2);
    expect(await run('a')).toBe('a#1');
    expect(await run('b')).toBe('b#2');
    expect(await run('a')).toBe('a#1');
    // c evicts b, the least recently used.
    expect(await run('c')).toBe('c#3');
    await settle();
    expect(prepared).toEqual(['a', 'b', 'c']);
    expect(closed).toEqual(['b#2']);
    // b is prepared again and evicts a (used before c).
    expect(await run('b')).toBe('b#4');
    await settle();
    expect(closed).toEqual(['b#2', 'a#1']);
    await cache.clear();
    expect([...closed].sort()).toEqual(['a#1', 'b#2', 'b#4', 'c#3']);
  });

  it('forgets and closes a statement whose run failed, and prepares it again next time', async () => {
    const { cache, run, prepared, closed } = fakeCache(4);
    await run('a');
    await expect(cache.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await settle();
    expect(closed).toEqual(['a#1']);
    expect(await run('a')).toBe('a#2');
    expect(prepared).toEqual(['a', 'a']);
  });

  it('forgets a statement that failed to prepare', async () => {
    let attempts = 0;
    const cache = createStatementCache<{ n: number }>(
      async () => {
        attempts++;
        if (attempts === 1) throw new Error('syntax');
        return { n: attempts };
      },
      async () => {},
    );
    await expect(cache.run('x', async (s) => s.n)).rejects.toThrow('syntax');
    expect(await cache.run('x', async (s) => s.n)).toBe(2);
  });
});

describe('the Node runner keeps statements without reading stale tables', () => {
  let runner: QueryRunner;
  beforeAll(async () => {
    runner = await openNodeRunner();
  });
  afterAll(async () => {
    await runner.close();
  });
  const select: SqlQuery = { sql: 'SELECT * FROM t WHERE a >= $1 ORDER BY a', params: [0] };

  it('answers from a table dropped and created again, with other columns and rows', async () => {
    await runner.exec('CREATE TABLE t AS SELECT 1 AS a, 2 AS b');
    expect(await runner.query(select)).toEqual([{ a: 1, b: 2 }]);
    await runner.exec("DROP TABLE t; CREATE TABLE t AS SELECT 5 AS a, 'x' AS c UNION ALL SELECT 7, 'y'");
    expect(await runner.query(select)).toEqual([
      { a: 5, c: 'x' },
      { a: 7, c: 'y' },
    ]);
    await runner.exec('INSERT INTO t VALUES (9, $$z$$)');
    expect(await runner.query({ ...select, params: [6] })).toEqual([
      { a: 7, c: 'y' },
      { a: 9, c: 'z' },
    ]);
  });

  it('fails while the table is missing, then answers once it exists again', async () => {
    await runner.exec('DROP TABLE IF EXISTS t');
    await expect(runner.query(select)).rejects.toThrow(/t does not exist/);
    await runner.exec('CREATE TABLE t AS SELECT 3 AS a');
    expect(await runner.query(select)).toEqual([{ a: 3 }]);
  });
});

describe('the exchange values table is built once per runner until the data changes', () => {
  let inner: QueryRunner;
  let folder: string;
  const builds: string[] = [];
  /** The Node runner, counting the statements that build the exchange values. */
  let runner: QueryRunner;
  beforeAll(async () => {
    folder = (await generateDemo({ communes: 8, associations: 200, exchanges: 600 })).folder;
    inner = await openNodeRunner();
    runner = {
      ...inner,
      engine: inner.engine,
      query: (query) => {
        if (query.sql.startsWith('CREATE TABLE IF NOT EXISTS valeurs_echanges')) builds.push(query.sql);
        return inner.query(query);
      },
      exec: (sql) => inner.exec(sql),
      insertArrowIPC: (table, bytes) => inner.insertArrowIPC(table, bytes),
      close: () => inner.close(),
    };
    await loadDataset(runner, folderDatasetReader(folder));
  });
  afterAll(async () => {
    await runner.close();
  });

  it('builds once for many filter changes, even when their queries start together', async () => {
    const filters = { period: { start: '2023-01-01', end: '2023-12-31' } };
    const first = await Promise.all([
      runIndicatorLevels(runner, INDICATORS, filters),
      runIndicatorLevels(runner, INDICATORS, { ...filters, types: ['materiel' as const] }),
    ]);
    await runIndicatorLevels(runner, INDICATORS, { ...filters, side: 'fournisseur' });
    expect(builds).toHaveLength(1);
    expect(first[0].commune.length).toBe(8);
  });

  it('builds again after the derived tables are dropped, and again after a new load', async () => {
    const filters = { period: { start: '2023-01-01', end: '2023-12-31' } };
    const before = await runIndicatorLevels(runner, INDICATORS, filters);
    await dropDerivedTables(runner);
    const after = await runIndicatorLevels(runner, INDICATORS, filters);
    expect(builds).toHaveLength(2);
    expect(plainLevels(after)).toEqual(plainLevels(before));
    await loadDataset(runner, folderDatasetReader(folder));
    expect(plainLevels(await runIndicatorLevels(runner, INDICATORS, filters))).toEqual(plainLevels(before));
    expect(builds).toHaveLength(3);
  });

  it('rebuilds a table dropped behind its back (the query that finds it missing retries)', async () => {
    const filters = { period: { start: '2023-01-01', end: '2023-12-31' } };
    const before = await runIndicatorLevels(runner, INDICATORS, filters);
    const count = builds.length;
    await inner.exec('DROP TABLE valeurs_echanges');
    expect(plainLevels(await runIndicatorLevels(runner, INDICATORS, filters))).toEqual(plainLevels(before));
    expect(builds.length).toBe(count + 1);
  });
});
