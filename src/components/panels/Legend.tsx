import { useMessages } from '../../hooks/use-messages.ts';
import type { ThemeFamily } from '../../data/waldec.ts';
import type { LegendItem } from '../../map/legend.ts';
import { THEME_FAMILY_COLORS } from '../../map/theme-colors.ts';

/**
 * Legend of the map: what each colour means (« no exchange », « no data » and « secret » apart),
 * how classes were made, and what the width of flows says.
 */
export function Legend({
  title,
  unit,
  items,
  flows,
}: {
  title: string;
  unit: string | null;
  items: readonly LegendItem[];
  flows: string | null;
}) {
  const m = useMessages();
  return (
    <section className="legend" aria-label={`${m.legend.heading} : ${title}`} data-testid="legend">
      <h2 className="legend-title" data-testid="legend-title">
        {title}
      </h2>
      {unit ? <p className="legend-unit">{unit}</p> : null}
      <ul data-testid="legend-classes">
        {items.map((item) => (
          <li key={item.label}>
            <span
              className={item.hatched ? 'legend-swatch legend-swatch-hatched' : 'legend-swatch'}
              style={{ background: item.color }}
              aria-hidden="true"
              data-color={item.color}
            />
            {item.label}
          </li>
        ))}
      </ul>
      <details className="legend-themes">
        <summary>{m.legend.associations}</summary>
        <ul>
          {(Object.keys(THEME_FAMILY_COLORS) as ThemeFamily[]).map((family) => (
            <li key={family}>
              <span
                className="legend-dot"
                style={{ background: THEME_FAMILY_COLORS[family] }}
                aria-hidden="true"
              />
              {m.themeFamilies[family]}
            </li>
          ))}
        </ul>
      </details>
      {flows ? (
        <p className="legend-flows">
          <span className="legend-flow-line" aria-hidden="true" /> {flows}
        </p>
      ) : null}
      <p className="legend-note">{m.legend.note}</p>
    </section>
  );
}
