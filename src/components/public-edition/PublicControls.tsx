import { formatPeriod, formatQuarter, type Locale } from '../../i18n/format.ts';
import type { PublicEditionTexts } from '../../i18n/sections/public-edition.ts';
import { FAMILY_KEYS, type FamilyKey, type PublicPeriod } from '../../indicators/public/granularities.ts';
import type { PublicMeasureId } from '../../indicators/public/measures.ts';
import type { PublicChoice, PublicMetadata } from '../../indicators/public/public-edition.ts';

/** « T2 2024 », « Année 2024 », « Toute la période (janv. 2024 – déc. 2024) ». */
export function periodLabel(period: PublicPeriod, texts: PublicEditionTexts, locale: Locale): string {
  if (period.kind === 'trimestre') return formatQuarter(period.start, locale);
  if (period.kind === 'annee') return texts.year(period.key);
  return texts.whole(formatPeriod(period.start, period.end, locale));
}

/**
 * The three choices of the public page: a measure, a period and a family of resources — only
 * those the product was published at (public.json), so no choice can cut a new difference.
 */
export function PublicControls({
  metadata,
  choice,
  texts,
  locale,
  onChange,
}: {
  metadata: PublicMetadata;
  choice: PublicChoice;
  texts: PublicEditionTexts;
  locale: Locale;
  onChange: (choice: PublicChoice) => void;
}) {
  const lang = locale === 'fr-FR' ? 'fr' : 'en';
  return (
    <form className="public-edition-controls" onSubmit={(e) => e.preventDefault()}>
      <label>
        <span>{texts.measure}</span>
        <select
          value={choice.measure}
          data-testid="public-measure"
          onChange={(e) => onChange({ ...choice, measure: e.target.value as PublicMeasureId })}
        >
          {metadata.measures.map((m) => (
            <option key={m.id} value={m.id}>
              {m.indicator.label[lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{texts.period}</span>
        <select
          value={choice.periode}
          data-testid="public-period"
          onChange={(e) => onChange({ ...choice, periode: e.target.value })}
        >
          {metadata.periods.map((p) => (
            <option key={p.key} value={p.key}>
              {periodLabel(p, texts, locale)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{texts.family}</span>
        <select
          value={choice.famille}
          data-testid="public-family"
          onChange={(e) => onChange({ ...choice, famille: e.target.value as FamilyKey })}
        >
          {[...FAMILY_KEYS].reverse().map((f) => (
            <option key={f} value={f}>
              {texts.families[f]}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
