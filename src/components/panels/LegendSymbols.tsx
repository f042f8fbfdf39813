import { useMessages } from '../../hooks/use-messages.ts';
import { mapSymbolMessages } from '../../i18n/sections/map-symbols.ts';
import type { SelectionLinks } from '../../map/flows.ts';
import type { circleLegend } from '../../map/legend.ts';

/**
 * The legend's symbols besides colour classes: the nested circles of a stock (drawn at the map's
 * sizes), association clusters, points and rings (approximate positions), the selection's links.
 */
export function LegendSymbols({
  circles,
  links,
  internal,
}: {
  circles: ReturnType<typeof circleLegend> | null;
  links: SelectionLinks | null;
  /** Exchanges inside the selected commune, formatted. */
  internal: string | null;
}) {
  const m = useMessages();
  const t = mapSymbolMessages[m.lang];
  const largest = circles?.circles[0]?.radius ?? 0;
  const size = Math.ceil(largest * 2 + 2);
  return (
    <>
      {circles ? (
        <figure className="legend-circles" data-testid="legend-circles">
          <figcaption>{t.circlesHeading}</figcaption>
          <div className="legend-circles-body">
            <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true">
              {circles.circles.map((c) => (
                <circle
                  key={c.label}
                  cx={size / 2}
                  cy={size - 1 - c.radius}
                  r={c.radius}
                  fill="none"
                  stroke="#52606d"
                  strokeWidth={1}
                />
              ))}
            </svg>
            <ul>
              {circles.circles.map((c) => (
                <li key={c.label} data-radius={c.radius.toFixed(1)}>
                  {c.label}
                </li>
              ))}
            </ul>
          </div>
          {circles.colors.length > 1 ? (
            <ul className="legend-circle-colors">
              {circles.colors.map((c) => (
                <li key={c.sign}>
                  <span className="legend-dot" style={{ background: c.color }} aria-hidden="true" />
                  {c.sign === 'positive' ? t.positive : t.negative}
                </li>
              ))}
            </ul>
          ) : null}
          <p className="legend-zoom-note">{t.zoomForAssociations}</p>
        </figure>
      ) : null}
      {links && links.shown > 0 ? (
        <ul className="legend-keys">
          <li data-testid="legend-links">
            <span className="legend-key-link" aria-hidden="true" />
            {t.links(links.by, links.shown, links.others)}
          </li>
          {internal && links.internal > 0 ? (
            <li data-testid="legend-internal">{t.internal(internal, links.internal)}</li>
          ) : null}
        </ul>
      ) : null}
      <details className="legend-symbols">
        <summary>{t.symbolsHeading}</summary>
        <ul className="legend-keys" data-testid="legend-keys">
          <li>
            <span className="legend-key-cluster" aria-hidden="true">
              12
            </span>
            {t.cluster}
          </li>
          <li>
            <span className="legend-key-point" aria-hidden="true" />
            {t.association}
          </li>
          <li>
            <span className="legend-key-ring" aria-hidden="true" />
            {t.approximate}
          </li>
        </ul>
      </details>
    </>
  );
}
