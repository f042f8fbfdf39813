import type { CommuneSignals } from '../../hooks/use-signal-layers.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { signalMessages } from '../../i18n/sections/signals.ts';
import { placeFamilies } from '../../map/shared-places.ts';
import { THEME_FAMILY_COLORS } from '../../map/theme-colors.ts';
import { isolate } from '../../i18n/isolate.ts';

/**
 * « Signaux de coopération » of a commune's portrait: its shared places (three associations or
 * more: label, count, themes), how many addresses only two associations share (counted, never
 * shown), and its umbrella structures. Read in open data: evidence, not declared exchanges.
 */
export function CooperationSignals({
  signals,
  pairs,
  countableSeats = null,
  onSelectAssociation,
}: {
  signals: CommuneSignals;
  /** Addresses shared by exactly two active associations (indicator parts); null if unknown. */
  pairs: number | null;
  /** Active associations of the commune with a countable seat address (0: nothing can be said). */
  countableSeats?: number | null;
  onSelectAssociation: (id: string) => void;
}) {
  const f = useFormat();
  const { m } = f;
  const s = signalMessages[m.lang];
  const { places, hubs, seatsKnown } = signals;
  return (
    <section className="cooperation-signals" data-testid="cooperation-signals">
      <h3 className="panel-subheading">{s.heading}</h3>
      <p className="muted">{s.intro}</p>

      <h4 className="signal-heading">{s.placesHeading}</h4>
      {seatsKnown === false ? (
        <p data-testid="signal-places-unknown">
          <strong>{s.notProvided}</strong> : {s.notProvidedHint}
        </p>
      ) : countableSeats === 0 ? (
        <p data-testid="signal-places-unknown">
          <strong>{s.notProvided}</strong> : {s.noCountableSeat}
        </p>
      ) : places && places.length > 0 ? (
        <ul className="plain-list signal-places" data-testid="signal-places">
          {places.map((p) => (
            <li key={p.cle}>
              <span className="signal-place-label">{isolate(p.libelle)}</span> —{' '}
              <span data-testid="signal-place-count">
                {s.associations(p.associations, f.number(p.associations))}
              </span>
              <span className="signal-place-themes">
                {placeFamilies(p.themes).map((t) => (
                  <span key={t.family} className="signal-place-theme">
                    <span
                      className="theme-dot"
                      style={{ background: THEME_FAMILY_COLORS[t.family] }}
                      aria-hidden="true"
                    />
                    {s.themes([{ label: m.themeFamilies[t.family], count: f.number(t.associations) }])}
                  </span>
                ))}
              </span>
            </li>
          ))}
        </ul>
      ) : places ? (
        <p className="muted">{s.noPlace}</p>
      ) : null}
      {seatsKnown && pairs !== null && countableSeats !== 0 ? (
        <p className="muted" data-testid="signal-pairs">
          {s.pairs(pairs, f.number(pairs))}
        </p>
      ) : null}

      <h4 className="signal-heading">{s.hubsHeading}</h4>
      {hubs && hubs.length > 0 ? (
        <ul className="plain-list" data-testid="signal-hubs">
          {hubs.map((h) => (
            <li key={h.id}>
              <span className="legend-signal-hubs" aria-hidden="true" />
              <button type="button" className="link-button" onClick={() => onSelectAssociation(h.id)}>
                {isolate(h.nom)}
              </button>{' '}
              <span className="muted">({s.kind(h.kind)})</span>
            </li>
          ))}
        </ul>
      ) : hubs ? (
        <p className="muted">{s.noHub}</p>
      ) : null}
    </section>
  );
}
