import { atom } from 'nanostores';

/**
 * Whether a person is dragging a thumb of the period slider (src/components/filters/PeriodSlider.tsx):
 * from the pointer going down on the slider to its release. While it is, a new period waits to stay
 * still before its queries run, so a drag across twenty months runs them once or twice, not twenty
 * times. Any other change of period — a key pressed on a thumb, the animation's months, a link —
 * runs them at once.
 */
export const $periodDragged = atom(false);
