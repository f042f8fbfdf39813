import { useMessages } from '../../hooks/use-messages.ts';
import type { ThemeFamily } from '../../data/waldec.ts';
import { signalMessages } from '../../i18n/sections/signals.ts';
import type { LegendItem } from '../../map/legend.ts';
import type { SignalLayer } from '../../map/signal-layers.ts';
import { THEME_FAMILY_COLORS } from '../../map/theme-colors.ts';

/** A signal layer of the map with its switch, in the legend. */
export interface LegendSignal {
  readonly layer: SignalLayer;
  readonly visible: boolean;
}

/**
 * Legend of the map: what each colour means (« no exchange », « no data » and « secret » apart),
 * how classes were made, what the width of flows says, and the cooperation signals of open data
 * (shared places, umbrella structures) with the switches that show or hide them.
 */
export function Legend({
  title,
  unit,
  items,
  flows,
  signals = [],
  onToggleSignal = () => {},
}: {
  title: string;
  unit: string | null;
  items: readonly LegendItem[];
  flows: string | null;
  signals?: readonly LegendSignal[];
  onToggleSignal?: (layer: SignalLayer) => void;
}) {
  const m = useMessages();
  const s = signalMessages[m.lang];
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
      {signals.length > 0 ? (
        <fieldset className="legend-signals" data-testid="legend-signals">
          <legend>{s.legendHeading}</legend>
          {signals.map((signal) => (
            <label key={signal.layer} data-testid={`legend-signal-${signal.layer}`}>
              <input type="checkbox" checked={signal.visible} onChange={() => onToggleSignal(signal.layer)} />
              <span className={`legend-signal-${signal.layer}`} aria-hidden="true" />
              <span>{signal.layer === 'places' ? s.legendPlaces : s.legendHubs}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <p className="legend-note">{m.legend.note}</p>
    </section>
  );
}
