import { atom } from 'nanostores';

/**
 * Whether the animation plays (src/hooks/use-playback.ts): its months move on their own, so the
 * page runs their queries at once instead of waiting for the period to settle, as it does while a
 * person drags the slider.
 */
export const $playing = atom(false);
