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

const encoder = new TextEncoder();
const decoder = new TextDecoder();

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
  /**
   * Names one after the other in UTF-8, with where each ends: as two million strings they would
   * weigh on every garbage collection while the exchanges are generated.
   */
  #nameBytes = new Uint8Array(1 << 16);
  readonly #nameEnds: Int32Array;
  #named = 0;
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
    this.#nameEnds = new Int32Array(size);
    this.#communeCodes = communeCodes;
  }

  /** Records the name of association `i`, the next one without a name (they are named in order). */
  setName(i: number, name: string): void {
    if (i !== this.#named) throw new RangeError(`Association ${i} named out of order`);
    const start = i > 0 ? (this.#nameEnds[i - 1] ?? 0) : 0;
    // A UTF-16 unit is at most 3 UTF-8 bytes.
    if (start + name.length * 3 > this.#nameBytes.length) {
      const grown = new Uint8Array(Math.max(this.#nameBytes.length * 2, start + name.length * 3));
      grown.set(this.#nameBytes.subarray(0, start));
      this.#nameBytes = grown;
    }
    this.#nameEnds[i] = start + encoder.encodeInto(name, this.#nameBytes.subarray(start)).written;
    this.#named++;
  }

  /** Name of association `i` ('' before it is named). */
  name(i: number): string {
    if (i < 0 || i >= this.#named) return '';
    const start = i > 0 ? (this.#nameEnds[i - 1] ?? 0) : 0;
    return decoder.decode(this.#nameBytes.subarray(start, this.#nameEnds[i]));
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
    const kind = this.hubIndex[i] ?? -1;
    // A negative index would be looked up as the property « -1 », on the slow path.
    return kind >= 0 ? (HUB_KINDS[kind] ?? null) : null;
  }

  communeCode(i: number): string {
    return this.#communeCodes[this.communeIndex[i] ?? 0] ?? '';
  }
}
