import type { IndicatorDefinition, IndicatorValue } from '../indicators/registry.ts';
import { formatNumber, formatPercent, type Locale } from './format.ts';

/** Units written after a number; other units are shown beside the figure instead. */
const INLINE_UNITS = new Set(['€', 'kg', 'kgCO₂e']);

/** What a figure with no data behind it reads — never 0, never a dash a reader could take for one. */
export function notProvided(locale: Locale = 'fr-FR'): string {
  return locale === 'fr-FR' ? 'non renseigné' : 'not provided';
}

/**
 * A value as shown in a panel, legend or tooltip: « 47 % », « 691 254 € », « 12,5 », « 59,0 tCO₂e »;
 * « non renseigné » when there is no data behind it. Whole numbers lose their decimals; a tonne or
 * more of CO₂e is written in tonnes.
 */
export function formatIndicatorValue(
  indicator: IndicatorDefinition,
  value: number | null,
  locale: Locale = 'fr-FR',
): string {
  if (value === null || !Number.isFinite(value)) return notProvided(locale);
  if (indicator.percent) return formatPercent(value, indicator.decimals, locale);
  const unit = indicator.unit.fr;
  if (unit === 'kgCO₂e' && Math.abs(value) >= 1000)
    return `${formatNumber(value / 1000, 1, locale)}\u00a0tCO₂e`;
  const number = Number.isInteger(value)
    ? formatNumber(value, 0, locale)
    : formatNumber(value, indicator.decimals, locale);
  if (unit === '€' && locale === 'en-GB') return value < 0 ? `-€${number.replace('-', '')}` : `€${number}`;
  return INLINE_UNITS.has(unit) ? `${number}\u00a0${unit}` : number;
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

/** « fourchette : 320 000 € à 1 450 000 € » when the indicator has a range, else null. */
export function formatIndicatorRange(
  indicator: IndicatorDefinition,
  value: IndicatorValue | undefined,
  locale: Locale = 'fr-FR',
): string | null {
  if (!value || value.bas === null || value.haut === null || value.bas === value.haut) return null;
  const [low, high] = [
    formatIndicatorValue(indicator, value.bas, locale),
    formatIndicatorValue(indicator, value.haut, locale),
  ];
  return locale === 'fr-FR' ? `fourchette : ${low} à ${high}` : `range: ${low} to ${high}`;
}

/** Where an indicator's definition lives on the method page. */
export function methodHref(baseUrl: string, indicatorId: string): string {
  return `${baseUrl.replace(/\/?$/, '/')}methode/#${indicatorId}`;
}
