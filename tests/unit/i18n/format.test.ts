import { describe, expect, it } from 'vitest';

import {
  formatDate,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatQuarter,
} from '../../../src/i18n/format.ts';

// French typography: narrow no-break space (U+202F) between thousands and before %.
const NNBSP = '\u202f';

describe('French formats', () => {
  it('formatNumber groups thousands and uses a decimal comma', () => {
    expect(formatNumber(146862)).toBe(`146${NNBSP}862`);
    expect(formatNumber(28.2413, 1)).toBe('28,2');
    expect(formatNumber(3, 1)).toBe('3,0');
  });

  it('formatPercent rounds a ratio and says « – » when undefined', () => {
    expect(formatPercent(1035 / 2187)).toBe(`47${NNBSP}%`);
    expect(formatPercent(null)).toBe('–');
    expect(formatPercent(Number.NaN)).toBe('–');
  });

  it('formatQuarter names the quarter of its first day', () => {
    expect(['2024-01-01', '2024-04-01', '2024-07-01', '2024-10-01'].map((d) => formatQuarter(d))).toEqual([
      'T1 2024',
      'T2 2024',
      'T3 2024',
      'T4 2024',
    ]);
  });

  it('formatDate and formatPeriod read as French dates, whatever the time zone', () => {
    expect(formatDate('2024-04-01')).toBe('1 avril 2024');
    expect(formatPeriod('2022-01-01', '2025-12-31')).toBe('janv. 2022 – déc. 2025');
  });
});
