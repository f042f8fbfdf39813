import { atom } from 'nanostores';

/** INSEE code of the commune whose panel is open, or null for the territory overview. */
export const $selectedCommune = atom<string | null>(null);

export function selectCommune(code: string | null): void {
  $selectedCommune.set(code);
}
