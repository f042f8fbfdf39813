import * as Slider from '@radix-ui/react-slider';
import { useStore } from '@nanostores/react';
import { useEffect } from 'react';

import { formatMonth } from '../../i18n/format.ts';
import { useMessages } from '../../hooks/use-messages.ts';
import { $periodDragged } from '../../state/period-drag.ts';
import { $view, setPeriod } from '../../state/view.ts';

/**
 * The period as a range of months, with a play button that animates the network's growth: the
 * end moves one month at a time from the first month (see use-playback.ts).
 */
export function PeriodSlider({
  months,
  playing,
  onTogglePlay,
}: {
  months: readonly string[];
  playing: boolean;
  onTogglePlay: () => void;
}) {
  const view = useStore($view);
  const m = useMessages();
  // A slider removed during a drag never sees its release: the drag ends with it.
  useEffect(() => () => $periodDragged.set(false), []);
  const last = months.length - 1;
  const from = view.from ? Math.max(0, months.indexOf(view.from)) : 0;
  const to = view.to ? Math.max(0, months.indexOf(view.to)) : last;
  const change = ([a = 0, b = last]: number[]) =>
    setPeriod(a === 0 ? null : (months[a] ?? null), b === last ? null : (months[b] ?? null));
  return (
    <div className="filter filter-period">
      <span className="filter-label" id="period-label">
        {m.filters.period}
      </span>
      <button type="button" className="play" onClick={onTogglePlay} aria-pressed={playing} data-testid="play">
        {playing ? `❚❚ ${m.filters.pause}` : `▶ ${m.filters.play}`}
      </button>
      <Slider.Root
        className="slider"
        min={0}
        max={last}
        step={1}
        minStepsBetweenThumbs={0}
        value={[from, to]}
        onValueChange={change}
        // A drag, from the pointer down to its release: its periods wait to stay still (see
        // $periodDragged); keys on a thumb are not a drag.
        onPointerDown={() => $periodDragged.set(true)}
        onPointerUp={() => $periodDragged.set(false)}
        onPointerCancel={() => $periodDragged.set(false)}
        onLostPointerCapture={() => $periodDragged.set(false)}
        aria-labelledby="period-label"
      >
        <Slider.Track className="slider-track">
          <Slider.Range className="slider-range" />
        </Slider.Track>
        <Slider.Thumb
          className="slider-thumb"
          aria-label={m.lang === 'fr' ? `${m.filters.period} : début` : `${m.filters.period}: start`}
          aria-valuetext={formatMonth(months[from] ?? '', m.locale)}
        />
        <Slider.Thumb
          className="slider-thumb"
          aria-label={m.lang === 'fr' ? `${m.filters.period} : fin` : `${m.filters.period}: end`}
          aria-valuetext={formatMonth(months[to] ?? '', m.locale)}
        />
      </Slider.Root>
      <output className="filter-value" data-testid="period-value">
        {formatMonth(months[from] ?? '', m.locale)} – {formatMonth(months[to] ?? '', m.locale)}
      </output>
    </div>
  );
}
