import type { Locale } from '../../i18n/format.ts';
import type { PublicEditionTexts } from '../../i18n/sections/public-edition.ts';
import { displayName } from '../../i18n/typography.ts';
import type { PublicMeasure } from '../../indicators/public/measures.ts';
import type { ZoneFigure } from '../../indicators/public/public-edition.ts';
import { formatZoneFigure } from './public-figures.ts';

const LEVEL_ORDER = { territoire: 0, epci: 1, commune: 2 } as const;

/**
 * Every zone's figure for the choice: the territory, its intercommunalités, then the communes by
 * name; « secret » and « non renseigné » written out, never a blank or a zero.
 */
export function PublicZoneTable({
  figures,
  measure,
  texts,
  locale,
  selected,
  onSelect,
}: {
  figures: readonly ZoneFigure[];
  measure: PublicMeasure;
  texts: PublicEditionTexts;
  locale: Locale;
  selected: string | null;
  onSelect: (code: string) => void;
}) {
  const sorted = [...figures].sort(
    (a, b) =>
      LEVEL_ORDER[a.zone.niveau] - LEVEL_ORDER[b.zone.niveau] || a.zone.nom.localeCompare(b.zone.nom, locale),
  );
  return (
    <section className="public-edition-table" aria-label={texts.zones}>
      <h2>{texts.zones}</h2>
      <div className="public-edition-table-scroll">
        <table data-testid="public-zones">
          <thead>
            <tr>
              <th scope="col">{texts.zone}</th>
              <th scope="col">{texts.value}</th>
              <th scope="col">{texts.range}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((f) => {
              const shown = formatZoneFigure(f, measure, texts, locale);
              return (
                <tr
                  key={f.zone.code}
                  data-zone={f.zone.code}
                  data-status={f.status}
                  className={f.zone.code === selected ? 'is-selected' : undefined}
                  aria-current={f.zone.code === selected ? 'true' : undefined}
                >
                  <th scope="row">
                    {f.zone.niveau === 'commune' ? (
                      <button type="button" className="link-button" onClick={() => onSelect(f.zone.code)}>
                        {displayName(f.zone.nom)}
                      </button>
                    ) : (
                      <span>
                        {displayName(f.zone.nom)} <small>({texts.levels[f.zone.niveau]})</small>
                      </span>
                    )}
                  </th>
                  <td className={f.status === 'publie' ? 'number' : 'number is-missing'}>
                    {shown.value}
                    {shown.unit ? ` ${shown.unit}` : ''}
                  </td>
                  <td className="number">{shown.range ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
