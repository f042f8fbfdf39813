import {
  formatEstimate,
  formatIndicatorRange,
  formatIndicatorValue,
  methodHref,
  methodPageHref,
  unitHint,
  type FormattedEstimate,
} from '../i18n/format-indicator.ts';
import { formatNumber } from '../i18n/format.ts';
import { figureMessages } from '../i18n/sections/figures.ts';
import { displayName } from '../i18n/typography.ts';
import type { IndicatorDefinition, IndicatorValue } from '../indicators/registry.ts';
import { useMessages } from './use-messages.ts';

/** Formatting in the page's language: indicator values, ranges, units, labels, names, method links. */
export function useFormat() {
  const m = useMessages();
  const locale = m.locale;
  const estimate = (
    indicator: IndicatorDefinition,
    value: IndicatorValue | null | undefined,
  ): FormattedEstimate =>
    value === null
      ? { value: m.public.secret, unit: null, range: null, signUncertain: false }
      : formatEstimate(indicator, value, locale);
  return {
    m,
    /** Texts that go with figures (range, sign, notes). */
    fm: figureMessages[m.lang],
    label: (indicator: IndicatorDefinition) => (m.lang === 'fr' ? indicator.label.fr : indicator.label.en),
    unit: (indicator: IndicatorDefinition) => (m.lang === 'fr' ? indicator.unit.fr : indicator.unit.en),
    /** A commune, intercommunalité or association name as written on screen (« d’Urseuil »). */
    name: displayName,
    /** A value, unit and range rounded as the range allows; « secret » when masked (null value object). */
    estimate,
    /** The central value alone, « secret » when masked, « non renseigné » when unknown. */
    value: (indicator: IndicatorDefinition, value: IndicatorValue | null | undefined) =>
      estimate(indicator, value).value,
    number: (value: number, decimals = 0) => formatNumber(value, decimals, locale),
    plain: (indicator: IndicatorDefinition, value: number | null) =>
      formatIndicatorValue(indicator, value, locale),
    /** One line for a title: the range (and an uncertain sign), else the unit. */
    hint: (indicator: IndicatorDefinition, value: IndicatorValue | null | undefined) =>
      value === null ? null : (formatIndicatorRange(indicator, value, locale) ?? unitHint(indicator, locale)),
    /** An indicator's section of the method page, in the page's language. */
    href: (id: string) => methodHref(import.meta.env.BASE_URL, id, m.lang),
    /** The method page, in the page's language. */
    methodPage: () => methodPageHref(import.meta.env.BASE_URL, m.lang),
  };
}

export type Format = ReturnType<typeof useFormat>;
