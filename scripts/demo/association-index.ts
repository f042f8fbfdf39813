import { fictionalRna, fictionalSiren, fictionalSiret } from './identifiers.ts';
import { THEME_CODES, type ThemeCode } from './themes.ts';

/** Associations that many others lean on: they get a hub's share of exchanges. */
export const HUB_KINDS = [
  'maison_associations',
  'centre_social',
  'ressourcerie',
  'groupement_employeurs',
  'reseau_savoirs',
] as const;
export type HubKind = (typeof HUB_KINDS)[number];

/**
 * What the rest of the generator needs to know about every association, kept in typed arrays
 * (about 60 bytes an association, against a kilobyte as row objects): two million associations
 * fit in a couple of hundred megabytes while their rows are streamed to disk.
 */
export class AssociationIndex {
  readonly size: number;
  readonly communeIndex: Int32Array;
  readonly themeIndex: Uint8Array;
  /** Index in HUB_KINDS, or -1. */
  readonly hubIndex: Int8Array;
  /** First and last day the association can take part in an exchange. */
  readonly activeFrom: Int32Array;
  readonly activeTo: Int32Array;
  /** Registered as active but silent for over ten years: it takes part in nothing. */
  readonly dormant: Uint8Array;
  readonly hasSiret: Uint8Array;
  readonly longitude: Float64Array;
  readonly latitude: Float64Array;
  readonly names: string[];
  readonly #communeCodes: readonly string[];

  constructor(size: number, communeCodes: readonly string[]) {
    this.size = size;
    this.communeIndex = new Int32Array(size);
    this.themeIndex = new Uint8Array(size);
    this.hubIndex = new Int8Array(size).fill(-1);
    this.activeFrom = new Int32Array(size);
    this.activeTo = new Int32Array(size);
    this.dormant = new Uint8Array(size);
    this.hasSiret = new Uint8Array(size);
    this.longitude = new Float64Array(size);
    this.latitude = new Float64Array(size);
    this.names = new Array<string>(size).fill('');
    this.#communeCodes = communeCodes;
  }

  /** RNA number of the i-th association (numbered from 1, in generation order). */
  id(i: number): string {
    return fictionalRna(i + 1);
  }

  siret(i: number): string | null {
    return this.hasSiret[i] ? fictionalSiret(fictionalSiren(70_000_000 + i + 1), 1) : null;
  }

  theme(i: number): ThemeCode {
    return THEME_CODES[this.themeIndex[i] ?? 0] ?? '050000';
  }

  hub(i: number): HubKind | null {
    return HUB_KINDS[this.hubIndex[i] ?? -1] ?? null;
  }

  communeCode(i: number): string {
    return this.#communeCodes[this.communeIndex[i] ?? 0] ?? '';
  }
}
