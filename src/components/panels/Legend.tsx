import { useState, type ReactNode } from 'react';

import { useMessages } from '../../hooks/use-messages.ts';
import type { ThemeFamily } from '../../data/waldec.ts';
import { layoutMessages } from '../../i18n/sections/layout.ts';
import { signalMessages } from '../../i18n/sections/signals.ts';
import type { IndicatorDefinition } from '../../indicators/registry.ts';
import type { LegendItem } from '../../map/legend.ts';
import type { SignalLayer } from '../../map/signal-layers.ts';
import { THEME_FAMILY_COLORS } from '../../map/theme-colors.ts';
import { DefinitionButton } from '../method/DefinitionButton.tsx';

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
  indicator,
  unit,
  items,
  flows,
  filters = [],
  signals = [],
  onToggleSignal = () => {},
  note,
  associations = true,
  children,
}: {
  title: string;
  /** The indicator the map shows: an ⓘ beside the title opens its definition. */
  indicator?: IndicatorDefinition | undefined;
  unit: string | null;
  items: readonly LegendItem[];
  flows: string | null;
  /** Active filters, one line each (« Financeur : … »): the map shows only part of the data. */
  filters?: readonly string[] | undefined;
  signals?: readonly LegendSignal[];
  onToggleSignal?: (layer: SignalLayer) => void;
  /** How the classes or circles were made (default: natural breaks of the communes shown). */
  note?: string | undefined;
  /** Whether the map draws associations (coloured by theme): their key is shown. */
  associations?: boolean;
  /** Symbols drawn besides the classes: circles of a stock, association clusters, links (LegendSymbols). */
  children?: ReactNode;
}) {
  const m = useMessages();
  const s = signalMessages[m.lang];
  const l = layoutMessages[m.lang];
  // On a phone or a tablet the legend folds to one button (CSS shows it below 801 px only).
  const [folded, setFolded] = useState(true);
  return (
    <section
      className={folded ? 'legend is-folded' : 'legend'}
      aria-label={`${m.legend.heading}${m.lang === 'fr' ? ' : ' : ': '}${title}`}
      data-testid="legend"
    >
      <button
        type="button"
        className="legend-toggle"
        aria-expanded={!folded}
        onClick={() => setFolded((f) => !f)}
        data-testid="legend-toggle"
        data-export="skip"
      >
        {folded ? l.showLegend : l.hideLegend}
      </button>
      <div className="legend-heading">
        <h2 className="legend-title" data-testid="legend-title">
          {title}
        </h2>
        {indicator ? <DefinitionButton indicator={indicator} /> : null}
      </div>
      {unit ? <p className="legend-unit">{unit}</p> : null}
      {filters.map((line) => (
        <p key={line} className="legend-filter" data-testid="legend-filter">
          {line}
        </p>
      ))}
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
      {children}
      {associations ? (
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
      ) : null}
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
      <p className="legend-note">{note ?? m.legend.note}</p>
    </section>
  );
}
