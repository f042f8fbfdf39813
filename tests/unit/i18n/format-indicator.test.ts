import { describe, expect, it } from 'vitest';

import { shownIndicator } from '../../../src/dashboard/shown-value.ts';
import { formatIndicatorRange, formatIndicatorValue, unitHint } from '../../../src/i18n/format-indicator.ts';
import { formatMonth, formatPercent, formatQuarter } from '../../../src/i18n/format.ts';
import { indicatorById, type IndicatorDefinition } from '../../../src/indicators/registry.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

function indicator(id: string): IndicatorDefinition {
  const found = indicatorById(id);
  if (!found) throw new Error(id);
  return found;
}

describe('indicator values in each language', () => {
  it('writes euros after the number in French, before it in English', () => {
    const value = indicator('valeur-totale');
    expect(formatIndicatorValue(value, 1234567)).toBe(`1${NNBSP}234${NNBSP}567${NBSP}€`);
    expect(formatIndicatorValue(value, 1234567, 'en-GB')).toBe('€1,234,567');
    expect(formatIndicatorValue(value, -1500, 'en-GB')).toBe('-€1,500');
  });

  it('writes tonnes of CO₂e from a tonne on, percentages and ranges', () => {
    const co2 = indicator('bilan-co2');
    expect(formatIndicatorValue(co2, 59012)).toBe(`59,0${NBSP}tCO₂e`);
    expect(formatIndicatorValue(co2, 59012, 'en-GB')).toBe(`59.0${NBSP}tCO₂e`);
    expect(formatIndicatorValue(co2, 640)).toBe(`640${NBSP}kgCO₂e`);
    expect(formatIndicatorValue(indicator('taux-cooperation'), 0.4732, 'en-GB')).toBe('47%');
    expect(formatIndicatorRange(co2, { central: 59012, bas: 2300, haut: 159500 }, 'en-GB')).toBe(
      `range: 2.3${NBSP}tCO₂e to 159.5${NBSP}tCO₂e`,
    );
  });

  it('names a total read per 1,000 inhabitants, with a unit and one decimal at least', () => {
    const perInhabitant = shownIndicator(indicator('echanges'), { perInhabitant: true });
    expect(perInhabitant.label.fr).toBe('Échanges pour 1 000 hab.');
    expect(perInhabitant.decimals).toBe(1);
    expect(formatIndicatorValue(perInhabitant, 12.345)).toBe('12,3');
    // The unit is left out when the label already says it, else shown beside the figure.
    expect(unitHint(perInhabitant)).toBeNull();
    expect(unitHint(shownIndicator(indicator('valeur-totale'), { perInhabitant: true }))).toBe(
      '€ pour 1 000 hab.',
    );
    // A rate is never read per inhabitant.
    expect(shownIndicator(indicator('taux-cooperation'), { perInhabitant: true })).toBe(
      indicator('taux-cooperation'),
    );
  });

  it('formats months, quarters and percentages in English too', () => {
    expect(formatMonth('2024-04', 'en-GB')).toBe('Apr 2024');
    expect(formatQuarter('2024-04-01', 'en-GB')).toBe('Q2 2024');
    expect(formatPercent(0.5, 0, 'en-GB')).toBe('50%');
  });
});
