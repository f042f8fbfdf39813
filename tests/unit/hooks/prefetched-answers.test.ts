import { describe, expect, it } from 'vitest';

import { answerOf, prefetch, type FilterQuery } from '../../../src/hooks/prefetched-answers.ts';
import type { IndicatorFilters } from '../../../src/indicators/registry.ts';

/** A session that counts the runs of its query, each answer naming the run that made it. */
function countingSession() {
  return { runs: [] as string[] };
}
type Session = ReturnType<typeof countingSession>;

const BY_END: FilterQuery<string, Session> = {
  name: 'by-end',
  key: (f) => f.period.end,
  run: async (session, f) => {
    session.runs.push(f.period.end);
    return `${f.period.end}#${session.runs.length}`;
  },
};

const month = (end: string): IndicatorFilters => ({ period: { start: '2024-01-01', end } });

describe('answers computed ahead of time', () => {
  it('are taken once by the query they were computed for, then computed again', async () => {
    const session = countingSession();
    prefetch(session, BY_END, month('2024-02-29'));
    prefetch(session, BY_END, month('2024-02-29'));
    expect(session.runs).toEqual(['2024-02-29']);
    expect(await answerOf(session, BY_END, month('2024-02-29'))).toBe('2024-02-29#1');
    expect(await answerOf(session, BY_END, month('2024-02-29'))).toBe('2024-02-29#2');
    expect(session.runs).toEqual(['2024-02-29', '2024-02-29']);
  });

  it('are kept apart by query, key and session', async () => {
    const first = countingSession();
    const second = countingSession();
    const other: FilterQuery<string, Session> = { ...BY_END, name: 'other' };
    prefetch(first, BY_END, month('2024-03-31'));
    expect(await answerOf(first, other, month('2024-03-31'))).toBe('2024-03-31#2');
    expect(await answerOf(first, BY_END, month('2024-04-30'))).toBe('2024-04-30#3');
    expect(await answerOf(second, BY_END, month('2024-03-31'))).toBe('2024-03-31#1');
    expect(await answerOf(first, BY_END, month('2024-03-31'))).toBe('2024-03-31#1');
  });

  it('forget a prefetch that failed, so the page runs the query itself', async () => {
    let fail = true;
    const flaky: FilterQuery<string, Session> = {
      ...BY_END,
      run: async (session, f) => {
        session.runs.push(f.period.end);
        if (fail) throw new Error('worker busy');
        return 'ok';
      },
    };
    const session = countingSession();
    prefetch(session, flaky, month('2024-05-31'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    fail = false;
    expect(await answerOf(session, flaky, month('2024-05-31'))).toBe('ok');
    expect(session.runs).toEqual(['2024-05-31', '2024-05-31']);
  });

  it('keep only the last 32 per session', async () => {
    const session = countingSession();
    const ends = Array.from({ length: 33 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')}`);
    for (const end of ends) prefetch(session, BY_END, month(end));
    // The first was dropped: asking for it runs the query again (run 34).
    expect(await answerOf(session, BY_END, month(ends[0] ?? ''))).toBe(`${ends[0] ?? ''}#34`);
    expect(await answerOf(session, BY_END, month(ends[32] ?? ''))).toBe(`${ends[32] ?? ''}#33`);
  });
});
