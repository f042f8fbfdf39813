import { describe, expect, it } from 'vitest';

import { shownIndicator } from '../../../src/dashboard/shown-value.ts';
import {
  displayDecimals,
  formatEstimate,
  formatIndicatorRange,
  formatIndicatorValue,
  isCount,
  isHalfCounted,
  unitHint,
} from '../../../src/i18n/format-indicator.ts';
import { formatMonth, formatNumber, formatPercent, formatQuarter } from '../../../src/i18n/format.ts';
import { displayName } from '../../../src/i18n/typography.ts';
import { indicatorById, type IndicatorDefinition } from '../../../src/indicators/registry.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const MINUS = '\u2212';

function indicator(id: string): IndicatorDefinition {
  const found = indicatorById(id);
  if (!found) throw new Error(id);
  return found;
}

describe('indicator values in each language', () => {
  it('writes euros after the number in French, before it in English', () => {
    const value = indicator('valeur-benevolat');
    expect(formatIndicatorValue(value, 1234567)).toBe(`1${NNBSP}234${NNBSP}567${NBSP}€`);
    expect(formatIndicatorValue(value, 1234567, 'en-GB')).toBe('€1,234,567');
    expect(formatIndicatorValue(value, -1500, 'en-GB')).toBe(`${MINUS}€1,500`);
    expect(formatIndicatorValue(value, -1500)).toBe(`${MINUS}1${NNBSP}500${NBSP}€`);
  });

  it('writes tonnes of CO₂e from a tonne on, percentages and ranges', () => {
    const co2 = indicator('bilan-co2');
    expect(formatIndicatorValue(co2, 59012)).toBe(`59,0${NBSP}tCO₂e`);
    expect(formatIndicatorValue(co2, 59012, 'en-GB')).toBe(`59.0${NBSP}tCO₂e`);
    expect(formatIndicatorValue(co2, 640)).toBe(`640${NBSP}kgCO₂e`);
    expect(formatIndicatorValue(indicator('taux-cooperation'), 0.4732, 'en-GB')).toBe('47%');
    // Width 157.2 t → step 10 t: 2.3 t down to 0, 159.5 t up to 160 t.
    expect(formatIndicatorRange(co2, { central: 59012, bas: 2300, haut: 159500 }, 'en-GB')).toBe(
      `range: 0 to 160${NBSP}tCO₂e`,
    );
  });

  it('names a total read per 1,000 inhabitants, with a unit and one decimal at least', () => {
    const perInhabitant = shownIndicator(indicator('echanges'), { perInhabitant: true });
    expect(perInhabitant.label.fr).toBe('Échanges pour 1 000 hab.');
    expect(perInhabitant.decimals).toBe(1);
    expect(formatIndicatorValue(perInhabitant, 12.345)).toBe('12,3');
    // The unit is left out when the label already says it, else shown beside the figure.
    expect(unitHint(perInhabitant)).toBeNull();
    expect(unitHint(shownIndicator(indicator('valeur-benevolat'), { perInhabitant: true }))).toBe(
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

  it('rounds an estimate to what its range allows, the range outward, unit once', () => {
    const total = indicator('valeur-benevolat');
    const value = { central: 1053178, bas: 320000, haut: 1450000 };
    expect(formatEstimate(total, value)).toEqual({
      value: `1${NNBSP}100${NNBSP}000${NBSP}€`,
      unit: null,
      range: `300${NNBSP}000 à 1${NNBSP}500${NNBSP}000${NBSP}€`,
      signUncertain: false,
    });
    expect(formatEstimate(total, value, 'en-GB')).toEqual({
      value: '€1,100,000',
      unit: null,
      range: '€300,000 to €1,500,000',
      signUncertain: false,
    });
    expect(formatIndicatorRange(total, value)).toBe(
      `fourchette : 300${NNBSP}000 à 1${NNBSP}500${NNBSP}000${NBSP}€`,
    );
  });

  it('marks a range that crosses zero, with a true minus sign, in both languages', () => {
    const net = indicator('cout-evite-net');
    const value = { central: 12345, bas: -20480, haut: 151234 };
    expect(formatEstimate(net, value)).toEqual({
      value: `10${NNBSP}000${NBSP}€`,
      unit: null,
      range: `${MINUS}30${NNBSP}000 à 160${NNBSP}000${NBSP}€`,
      signUncertain: true,
    });
    expect(formatIndicatorRange(net, value)).toBe(
      `fourchette : ${MINUS}30${NNBSP}000 à 160${NNBSP}000${NBSP}€ ; le signe n’est pas établi`,
    );
    expect(formatIndicatorRange(net, value, 'en-GB')).toBe(
      `range: ${MINUS}€30,000 to €160,000; the sign is not established`,
    );
  });

  it('gives a ratio its unit beside the value, and a range with the decimals it allows', () => {
    expect(
      formatEstimate(indicator('ratio-subventions'), { central: 2.4371, bas: 1.8312, haut: 3.1003 }),
    ).toEqual({
      value: '2,4',
      unit: '€ évité par € de subvention en numéraire',
      range: '1,8 à 3,2',
      signUncertain: false,
    });
    expect(
      formatEstimate(indicator('ratio-subventions'), { central: 2.4371, bas: 1.8312, haut: 3.1003 }, 'en-GB')
        .unit,
    ).toBe('€ avoided per € of cash grant');
  });

  it('shows a count whole: 1 124,5 partnerships (halves of pairs between communes) read 1 125', () => {
    const partnerships = indicator('partenariats');
    expect(isCount(partnerships)).toBe(true);
    expect(isHalfCounted(partnerships)).toBe(true);
    expect(isHalfCounted(indicator('echanges'))).toBe(false);
    expect(displayDecimals(partnerships)).toBe(0);
    expect(formatIndicatorValue(partnerships, 1124.5)).toBe(`1${NNBSP}125`);
    expect(formatEstimate(partnerships, { central: 1124.5, bas: 1124.5, haut: 1124.5 }).value).toBe(
      `1${NNBSP}125`,
    );
    // Per 1,000 inhabitants it is a rate, not a count: its decimal stays.
    const rate = shownIndicator(partnerships, { perInhabitant: true });
    expect(isCount(rate)).toBe(false);
    expect(formatIndicatorValue(rate, 2.25)).toBe('2,3');
  });

  it('says « non renseigné » for a figure with no data, never 0', () => {
    expect(
      formatEstimate(indicator('valeur-benevolat'), { central: null, bas: null, haut: null }).value,
    ).toBe('non renseigné');
    expect(formatEstimate(indicator('valeur-benevolat'), undefined, 'en-GB').value).toBe('not provided');
  });
});

describe('French typography of displayed numbers and names', () => {
  it('groups thousands with a narrow no-break space and writes a true minus sign, never -0', () => {
    expect(formatNumber(-1234)).toBe(`${MINUS}1${NNBSP}234`);
    expect(formatNumber(-1234, 0, 'en-GB')).toBe(`${MINUS}1,234`);
    expect(formatNumber(-0.2)).toBe('0');
    expect(formatPercent(-0.05)).toBe(`${MINUS}5${NNBSP}%`);
  });

  it('writes a typographic apostrophe in names, and leaves other text alone', () => {
    expect(displayName("Saint-Martin-d'Urseuil")).toBe('Saint-Martin-d’Urseuil');
    expect(displayName('Urseuil')).toBe('Urseuil');
  });
});
