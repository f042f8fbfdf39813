import { afterEach, describe, expect, it, vi } from 'vitest';

import { createAnswerBatch } from '../../../src/hooks/use-query-result.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('createAnswerBatch(hold)', () => {
  it('shows answers together once the last query has ended', () => {
    const batch = createAnswerBatch(1000);
    const shown: string[] = [];
    batch.started();
    batch.started();
    batch.started();
    batch.ended(() => shown.push('a'));
    batch.ended(() => shown.push('b'));
    expect(shown).toEqual([]);
    batch.ended(() => shown.push('c'));
    expect(shown).toEqual(['a', 'b', 'c']);
  });

  it('shows an answer at once when no other query is running', () => {
    const batch = createAnswerBatch(1000);
    const shown: string[] = [];
    batch.started();
    batch.ended(() => shown.push('a'));
    expect(shown).toEqual(['a']);
  });

  it('does not hold an answer longer than `hold` for a slow query', () => {
    vi.useFakeTimers();
    const batch = createAnswerBatch(1000);
    const shown: string[] = [];
    batch.started();
    batch.started();
    batch.ended(() => shown.push('fast'));
    vi.advanceTimersByTime(999);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual(['fast']);
    batch.ended(() => shown.push('slow'));
    expect(shown).toEqual(['fast', 'slow']);
  });
});
