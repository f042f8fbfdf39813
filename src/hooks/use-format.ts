import {
  formatIndicatorRange,
  formatIndicatorValue,
  methodHref,
  unitHint,
} from '../i18n/format-indicator.ts';
import { formatNumber } from '../i18n/format.ts';
import type { IndicatorDefinition, IndicatorValue } from '../indicators/registry.ts';
import { useMessages } from './use-messages.ts';

/** Formatting in the page's language: indicator values, ranges, units, labels, method links. */
export function useFormat() {
  const m = useMessages();
  const locale = m.locale;
  return {
    m,
    label: (indicator: IndicatorDefinition) => (m.lang === 'fr' ? indicator.label.fr : indicator.label.en),
    unit: (indicator: IndicatorDefinition) => (m.lang === 'fr' ? indicator.unit.fr : indicator.unit.en),
    /** A value, « secret » when masked (null value object), « – » when unknown. */
    value: (indicator: IndicatorDefinition, value: IndicatorValue | null | undefined) =>
      value === null ? m.public.secret : formatIndicatorValue(indicator, value?.central ?? null, locale),
    number: (value: number, decimals = 0) => formatNumber(value, decimals, locale),
    plain: (indicator: IndicatorDefinition, value: number | null) =>
      formatIndicatorValue(indicator, value, locale),
    hint: (indicator: IndicatorDefinition, value: IndicatorValue | null | undefined) =>
      value === null ? null : (formatIndicatorRange(indicator, value, locale) ?? unitHint(indicator, locale)),
    href: (id: string) => methodHref(import.meta.env.BASE_URL, id),
  };
}

export type Format = ReturnType<typeof useFormat>;
