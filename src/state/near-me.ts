import { atom } from 'nanostores';

/*
 * Where « Près de chez moi » looks from. Kept in the page only: never written to the URL nor to
 * any storage, so a person's position leaves no trace once the page is closed.
 */

/** A commune of the dataset, as picked in the field or found around the person's position. */
export interface NearCommune {
  readonly code: string;
  readonly nom: string;
}

/** The point « near » is measured from: a commune's point, or the person's position (opt-in). */
export type NearOrigin =
  | {
      readonly kind: 'commune';
      readonly commune: NearCommune;
      readonly longitude: number;
      readonly latitude: number;
    }
  | {
      readonly kind: 'position';
      /** The commune containing the position, null when it lies outside the territory. */
      readonly commune: NearCommune | null;
      readonly longitude: number;
      readonly latitude: number;
    };

export const $nearOrigin = atom<NearOrigin | null>(null);

export function setNearOrigin(origin: NearOrigin | null): void {
  $nearOrigin.set(origin);
}
