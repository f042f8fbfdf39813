import type { Locale } from '../../i18n/format.ts';
import type { PublicEditionTexts } from '../../i18n/sections/public-edition.ts';
import { displayName } from '../../i18n/typography.ts';
import type { PublicZone } from '../../indicators/public/granularities.ts';
import type { PublicCells, PublicChoice } from '../../indicators/public/public-edition.ts';
import { figureLine, formatZoneFigure } from './public-figures.ts';

/**
 * A zone chosen on the map or in the table: every published measure for the chosen period and
 * family, each with its range and unit, or why it is not shown.
 */
export function PublicZoneCard({
  zone,
  cells,
  choice,
  texts,
  locale,
  onClose,
}: {
  zone: PublicZone;
  cells: PublicCells | null;
  choice: PublicChoice;
  texts: PublicEditionTexts;
  locale: Locale;
  onClose: () => void;
}) {
  if (!cells) return null;
  const lang = locale === 'fr-FR' ? 'fr' : 'en';
  const rows = cells.metadata.measures.map((measure) => {
    const figure = cells.figures({ ...choice, measure: measure.id }).find((f) => f.zone.code === zone.code);
    return { measure, figure };
  });
  const statuses = new Set(rows.map((r) => r.figure?.status));
  return (
    <section
      className="public-edition-card"
      data-testid="public-zone-card"
      aria-label={displayName(zone.nom)}
    >
      <header>
        <h2>{displayName(zone.nom)}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          {texts.close}
        </button>
      </header>
      <dl>
        {rows.map(({ measure, figure }) => (
          <div key={measure.id} data-measure={measure.id} data-status={figure?.status ?? 'non-renseigne'}>
            <dt>{measure.indicator.label[lang]}</dt>
            <dd>
              {figureLine(
                formatZoneFigure(figure ?? { status: 'non-renseigne', value: null }, measure, texts, locale),
                texts,
              )}
            </dd>
          </div>
        ))}
      </dl>
      {statuses.has('secret') ? <p className="public-edition-why">{texts.secretExplained}</p> : null}
      {statuses.has('non-renseigne') ? (
        <p className="public-edition-why">{texts.notProvidedExplained}</p>
      ) : null}
    </section>
  );
}
