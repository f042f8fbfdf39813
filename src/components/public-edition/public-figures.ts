import { formatEstimate, type FormattedEstimate } from '../../i18n/format-indicator.ts';
import type { Locale } from '../../i18n/format.ts';
import type { PublicEditionTexts } from '../../i18n/sections/public-edition.ts';
import type { ZoneFigure } from '../../indicators/public/public-edition.ts';
import type { PublicMeasure } from '../../indicators/public/measures.ts';

/**
 * A zone's figure as written on screen: the rounded value with its unit and range when published,
 * « secret » under statistical secrecy, « non renseigné » when its figures are missing.
 */
export function formatZoneFigure(
  figure: Pick<ZoneFigure, 'status' | 'value'>,
  measure: PublicMeasure,
  texts: PublicEditionTexts,
  locale: Locale,
): FormattedEstimate {
  if (figure.status === 'secret')
    return { value: texts.secret, unit: null, range: null, signUncertain: false };
  if (figure.status === 'non-renseigne' || figure.value === null)
    return { value: texts.notProvided, unit: null, range: null, signUncertain: false };
  return formatEstimate(measure.indicator, figure.value, locale);
}

/** One line: « 1 200 € (fourchette 900 à 1 500 €) », « secret », « non renseigné ». */
export function figureLine(formatted: FormattedEstimate, texts: PublicEditionTexts): string {
  const unit = formatted.unit ? ` ${formatted.unit}` : '';
  const range = formatted.range ? ` (${texts.range.toLowerCase()} ${formatted.range})` : '';
  return `${formatted.value}${unit}${range}`;
}
