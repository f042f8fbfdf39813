import { describe, expect, it } from 'vitest';

import {
  knownAnswerStands,
  NO_RESULT,
  resultFor,
  type ResultState,
} from '../../../src/hooks/use-query-result.ts';

/** A hook that received, for key `key` about `subject`, the answer `data`. */
const answered = (key: string, subject: string, data: string[]): ResultState<string[]> => ({
  key,
  value: { status: 'ready', data },
  last: { subject, data },
});

describe('resultFor(state, key, subject, known)', () => {
  it('shows the answer of the key asked', () => {
    expect(resultFor(answered('A|2024', 'A', ['a']), 'A|2024', 'A')).toEqual({
      status: 'ready',
      data: ['a'],
    });
  });

  it('keeps the last answer while new filters on the same subject are computed', () => {
    expect(resultFor(answered('A|2024', 'A', ['a']), 'A|2025', 'A')).toEqual({
      status: 'loading',
      previous: ['a'],
    });
  });

  it("never shows another subject's answer while this one's is computed", () => {
    expect(resultFor(answered('A|2024', 'A', ['a']), 'B|2024', 'B')).toEqual({
      status: 'loading',
      previous: null,
    });
  });

  it('keeps the last answer after an error on the same subject, not on another', () => {
    const failed: ResultState<string[]> = {
      key: 'A|2025',
      value: { status: 'error', message: 'boom' },
      last: { subject: 'A', data: ['a'] },
    };
    expect(resultFor(failed, 'A|2025', 'A')).toEqual({ status: 'error', message: 'boom' });
    expect(resultFor(failed, 'A|2026', 'A')).toEqual({ status: 'loading', previous: ['a'] });
    expect(resultFor(failed, 'B|2026', 'B')).toEqual({ status: 'loading', previous: null });
  });

  it('shows the answer known in advance until the query answers', () => {
    expect(resultFor(NO_RESULT, 'first', '', ['built'])).toEqual({ status: 'ready', data: ['built'] });
    expect(resultFor(answered('first', '', ['own']), 'first', '', ['built'])).toEqual({
      status: 'ready',
      data: ['own'],
    });
  });

  it('shows again as loading, not ready, an earlier answer once a known answer stood in between', () => {
    // Filters A answered by the engine, then the default view answered by the build (no query):
    // back on A, its query runs again, the old answer is only `previous`.
    const backToA = knownAnswerStands(answered('A|2024', 'A', ['a']));
    expect(resultFor(backToA, 'first', 'A', ['built'])).toEqual({ status: 'ready', data: ['built'] });
    expect(resultFor(backToA, 'A|2024', 'A')).toEqual({ status: 'loading', previous: ['a'] });
    expect(knownAnswerStands(backToA)).toBe(backToA);
    expect(knownAnswerStands(NO_RESULT)).toBe(NO_RESULT);
  });

  it('has nothing to show before a first answer', () => {
    expect(resultFor(NO_RESULT, 'A|2024', 'A')).toEqual({ status: 'loading', previous: null });
  });
});
