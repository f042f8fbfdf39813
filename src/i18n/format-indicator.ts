import type { IndicatorDefinition, IndicatorValue } from '../indicators/registry.ts';
import { formatNumber, type Locale } from './format.ts';
import { roundEstimate, type RoundedEstimate } from './round-estimate.ts';
import { MINUS } from './typography.ts';

/** Units written after a number; other units are shown beside the figure instead. */
const INLINE_UNITS = new Set(['€', 'kg', 'kgCO₂e']);

/**
 * Units of indicators that count things (partnerships, exchanges, associations…). A count is shown
 * whole: where a partnership between two communes counts half in each, sums of halves appear at
 * commune and intercommunalité level (« 1 124,5 »), and are rounded to the unit on screen.
 */
const COUNTED_UNITS = new Set([
  'partenariats',
  'échanges',
  'associations',
  'adresses',
  'aides',
  'conventions',
  'personnes',
  'paires de communes',
]);

/** What a figure with no data behind it reads — never 0, never a dash a reader could take for one. */
export function notProvided(locale: Locale = 'fr-FR'): string {
  return locale === 'fr-FR' ? 'non renseigné' : 'not provided';
}

/** « le signe n’est pas établi »: said of an estimate whose range crosses zero. */
export function signNotEstablished(locale: Locale = 'fr-FR'): string {
  return locale === 'fr-FR' ? 'le signe n’est pas établi' : 'the sign is not established';
}

/** True when the indicator counts things: it is then shown as a whole number. */
export function isCount(indicator: IndicatorDefinition): boolean {
  return indicator.total && !indicator.percent && COUNTED_UNITS.has(indicator.unit.fr);
}

/**
 * True when a partnership between two communes counts half in each: the count can hold halves
 * below the territory (its note says so where it is shown).
 */
export function isHalfCounted(indicator: IndicatorDefinition): boolean {
  return isCount(indicator) && indicator.parts.some((part) => part === 'partenariats');
}

/** Decimals shown on screen and in the French table: a count is whole, else the indicator's own. */
export function displayDecimals(indicator: IndicatorDefinition): number {
  return isCount(indicator) ? 0 : indicator.decimals;
}

/** How an indicator's numbers are written: in which unit (percent, tonnes) and to how many decimals. */
interface Display {
  readonly scale: (value: number) => number;
  readonly decimals: number;
  /** Written with the number (%, €, kg, tCO₂e), or null. */
  readonly unit: string | null;
}

const identity = (value: number) => value;

/** Percentages ×100; a tonne or more of CO₂e in tonnes (one decimal); else as computed. */
function displayOf(indicator: IndicatorDefinition, largest: number): Display {
  if (indicator.percent) return { scale: (v) => v * 100, decimals: indicator.decimals, unit: '%' };
  const unit = indicator.unit.fr;
  if (unit === 'kgCO₂e' && largest >= 1000) return { scale: (v) => v / 1000, decimals: 1, unit: 'tCO₂e' };
  return {
    scale: identity,
    decimals: displayDecimals(indicator),
    unit: INLINE_UNITS.has(unit) ? unit : null,
  };
}

/** A number written with its unit: « 1 500 € », « −€1,500 », « 47 % », « 12 kg ». */
function withUnit(number: string, unit: string | null, locale: Locale): string {
  if (unit === null) return number;
  if (unit === '€' && locale === 'en-GB')
    return number.startsWith(MINUS) ? `${MINUS}€${number.slice(1)}` : `€${number}`;
  if (unit === '%') return locale === 'fr-FR' ? `${number}\u202f%` : `${number}%`;
  return `${number}\u00a0${unit}`;
}

/**
 * A value as shown in a legend or wherever no range goes with it: « 47 % », « 691 254 € »,
 * « 12,5 », « 59,0 tCO₂e », « −3 », « 1 125 » for a count of 1 124,5; « non renseigné » when
 * there is no data behind it. Whole numbers lose their decimals.
 */
export function formatIndicatorValue(
  indicator: IndicatorDefinition,
  value: number | null,
  locale: Locale = 'fr-FR',
): string {
  if (value === null || !Number.isFinite(value)) return notProvided(locale);
  const display = displayOf(indicator, Math.abs(value));
  const shown = display.scale(value);
  const decimals = Number.isInteger(shown) && display.scale === identity ? 0 : display.decimals;
  return withUnit(formatNumber(shown, decimals, locale), display.unit, locale);
}

/** The unit to show beside a figure, unless it is already in the value (%, €, kg…) or the label. */
export function unitHint(indicator: IndicatorDefinition, locale: Locale = 'fr-FR'): string | null {
  const unit = locale === 'fr-FR' ? indicator.unit.fr : indicator.unit.en;
  const label = (locale === 'fr-FR' ? indicator.label.fr : indicator.label.en).toLowerCase();
  // « Échanges : 8 945 échanges » says it twice: a unit the label already names is left out.
  return indicator.percent || INLINE_UNITS.has(indicator.unit.fr) || label.includes(unit.toLowerCase())
    ? null
    : unit;
}

/** An estimate as shown: its central value, unit and range, each rounded as the range allows. */
export interface FormattedEstimate {
  /** The central value, with its unit when written with the number: « 1 100 000 € ». */
  readonly value: string;
  /** The unit written beside the value (neither inline nor named by the label), or null. */
  readonly unit: string | null;
  /** « 300 000 à 1 500 000 € » (« €300,000 to €1,500,000 »), or null without a range. */
  readonly range: string | null;
  /** The range crosses zero: the sign of the value is not established. */
  readonly signUncertain: boolean;
}

/** « 300 000 à 1 500 000 € », « −€20,000 to €150,000 », « 40 à 55 % », « 1,8 à 3,1 ». */
function rangeText(rounded: RoundedEstimate, display: Display, locale: Locale): string | null {
  if (rounded.bas === null || rounded.haut === null) return null;
  const [low, high] = [rounded.bas, rounded.haut].map((v) => formatNumber(v, rounded.decimals, locale)) as [
    string,
    string,
  ];
  if (locale === 'fr-FR') return `${low} à ${withUnit(high, display.unit, locale)}`;
  const both = display.unit === '€' || display.unit === '%';
  return `${both ? withUnit(low, display.unit, locale) : low} to ${withUnit(high, display.unit, locale)}`;
}

/**
 * An indicator's value in a zone as shown in panels, tables and tooltips: the central value
 * rounded to what its range allows (round-estimate.ts), the range rounded outward, the unit,
 * and whether the range crosses zero. « non renseigné » when there is no data behind it.
 */
export function formatEstimate(
  indicator: IndicatorDefinition,
  value: IndicatorValue | null | undefined,
  locale: Locale = 'fr-FR',
): FormattedEstimate {
  const unit = unitHint(indicator, locale);
  const central = value?.central ?? null;
  if (!value || central === null || !Number.isFinite(central))
    return { value: notProvided(locale), unit: null, range: null, signUncertain: false };
  const largest = Math.max(...[central, value.bas ?? 0, value.haut ?? 0].map(Math.abs));
  const display = displayOf(indicator, largest);
  const scaled = (v: number | null) => (v === null ? null : display.scale(v));
  const rounded = roundEstimate(
    { central: scaled(central), bas: scaled(value.bas), haut: scaled(value.haut) },
    display.decimals,
  );
  if (!rounded || rounded.bas === null)
    return {
      value: formatIndicatorValue(indicator, central, locale),
      unit,
      range: null,
      signUncertain: false,
    };
  return {
    value: withUnit(formatNumber(rounded.central, rounded.decimals, locale), display.unit, locale),
    unit,
    range: rangeText(rounded, display, locale),
    signUncertain: rounded.crossesZero,
  };
}

/**
 * « fourchette : 300 000 à 1 500 000 € » when the indicator has a range, with « le signe n’est
 * pas établi » when it crosses zero; else null. For a title or a tooltip, in one line.
 */
export function formatIndicatorRange(
  indicator: IndicatorDefinition,
  value: IndicatorValue | null | undefined,
  locale: Locale = 'fr-FR',
): string | null {
  const { range, signUncertain } = formatEstimate(indicator, value, locale);
  if (range === null) return null;
  const sign = signUncertain ? `${locale === 'fr-FR' ? ' ;' : ';'} ${signNotEstablished(locale)}` : '';
  return locale === 'fr-FR' ? `fourchette : ${range}${sign}` : `range: ${range}${sign}`;
}

/** The method page in a language: /methode/ in French, /en/method/ in English. */
export function methodPageHref(baseUrl: string, lang: 'fr' | 'en' = 'fr'): string {
  return `${baseUrl.replace(/\/?$/, '/')}${lang === 'fr' ? 'methode/' : 'en/method/'}`;
}

/** Where an indicator's definition lives on the method page (same anchors in both languages). */
export function methodHref(baseUrl: string, indicatorId: string, lang: 'fr' | 'en' = 'fr'): string {
  return `${methodPageHref(baseUrl, lang)}#${indicatorId}`;
}
