/**
 * Counts associations per seat place during a streaming import, light on memory: one map entry
 * per normalised place (commune code and opaque key in one string) with its count; a label
 * kept only for entries that reach `labelFrom` associations (3) or that name a place two ways
 * (a venue and its address: few); a link between such two ways of naming one place, joined at
 * the end (union–find); and a count per vague reason. Labels of places shared by fewer than
 * `labelFrom` associations are never given out.
 */
import { seatKey, type SeatKind, type SeatOutcome, type VagueReason } from './seat-address.ts';

/** A place shared by at least two associations: its key(s), commune, label (from 3 on) and count. */
export interface SharedSeat {
  /** The place's key: the first of `keys`. */
  readonly key: string;
  /** Every key joined into this place (one per way of writing it), sorted. */
  readonly keys: readonly string[];
  readonly commune_code: string;
  readonly label: string | null;
  readonly count: number;
}

/** The figures of a tally, for the import report and the README. */
export interface SharedSeatSummary {
  /** Seats added: keyed + vague. */
  readonly associations: number;
  /** Seats with a place key. */
  readonly keyed: number;
  readonly vague: Readonly<Record<VagueReason, number>>;
  /** Places shared by 2 associations or more, and the associations at them. */
  readonly sharedPlaces: number;
  readonly associationsAtSharedPlaces: number;
  /** Places shared by `labelFrom` (3) associations or more. */
  readonly placesFromLabel: number;
}

/** Options: the count from which a place keeps its label, and the salt of the keys. */
export interface SharedSeatTallyOptions {
  readonly labelFrom?: number;
  readonly salt?: string;
}

/** Which label a joined place shows: a venue's before a building's, a site's, then an address's. */
const RANK: Readonly<Record<SeatKind, number>> = { venue: 0, building: 1, site: 2, address: 3 };
const SEPARATOR = ' ';

/** The tally: `add` each association's seat outcome, then read `places()` and `summary()`. */
export class SharedSeatTally {
  readonly #counts = new Map<string, number>();
  readonly #labels = new Map<string, { readonly label: string; readonly rank: number }>();
  readonly #parent = new Map<string, string>();
  readonly #vague: Record<VagueReason, number> = {
    'no-street': 0,
    placeholder: 0,
    'postal-box': 0,
    'commune-name': 0,
    'lieu-dit': 0,
    'no-number': 0,
  };
  readonly #labelFrom: number;
  readonly #salt: string;
  #keyed = 0;

  constructor(options: SharedSeatTallyOptions = {}) {
    this.#labelFrom = options.labelFrom ?? 3;
    this.#salt = options.salt ?? '';
    if (!Number.isInteger(this.#labelFrom) || this.#labelFrom < 2)
      throw new RangeError(`labelFrom ${this.#labelFrom}: an integer of 2 or more expected`);
  }

  /** Counts one association whose seat is in `communeCode` (today's commune, as in the outcome). */
  add(communeCode: string, outcome: SeatOutcome): void {
    if (!outcome.ok) {
      this.#vague[outcome.reason]++;
      return;
    }
    if (!/^[0-9][0-9AB][0-9]{3}$/.test(communeCode))
      throw new RangeError(`commune code « ${communeCode} »: five characters (digits, 2A, 2B) expected`);
    this.#keyed++;
    const entry = this.#entry(communeCode, outcome.normalised);
    const count = (this.#counts.get(entry) ?? 0) + 1;
    this.#counts.set(entry, count);
    const label = { label: outcome.label, rank: RANK[outcome.kind] };
    if (count === this.#labelFrom || (outcome.aliases.length > 0 && !this.#labels.has(entry)))
      this.#labels.set(entry, label);
    for (const alias of outcome.aliases) this.#join(entry, this.#entry(communeCode, alias));
  }

  /** Places shared by 2 associations or more, most shared first (then by commune and key). */
  places(): SharedSeat[] {
    const places: SharedSeat[] = [];
    for (const members of this.#groups().values()) {
      const count = members.reduce((sum, entry) => sum + (this.#counts.get(entry) ?? 0), 0);
      if (count < 2) continue;
      const split = members.map((entry) => entry.split(SEPARATOR) as [string, string]);
      const keys = split.map(([, key]) => key).sort();
      const labels = members
        .flatMap((entry) => this.#labels.get(entry) ?? [])
        .sort((a, b) => a.rank - b.rank);
      const label = count >= this.#labelFrom ? (labels[0]?.label ?? null) : null;
      places.push({ key: keys[0] ?? '', keys, commune_code: split[0]?.[0] ?? '', label, count });
    }
    return places.sort(
      (a, b) =>
        b.count - a.count || a.commune_code.localeCompare(b.commune_code) || a.key.localeCompare(b.key),
    );
  }

  /** The tally's totals. */
  summary(): SharedSeatSummary {
    const places = this.places();
    const vague = { ...this.#vague };
    const vagueTotal = Object.values(vague).reduce((sum, n) => sum + n, 0);
    return {
      associations: this.#keyed + vagueTotal,
      keyed: this.#keyed,
      vague,
      sharedPlaces: places.length,
      associationsAtSharedPlaces: places.reduce((sum, place) => sum + place.count, 0),
      placesFromLabel: places.filter((place) => place.count >= this.#labelFrom).length,
    };
  }

  #entry(communeCode: string, normalised: string): string {
    return communeCode + SEPARATOR + seatKey(normalised, this.#salt);
  }

  #root(entry: string): string {
    let root = entry;
    for (let up = this.#parent.get(root); up !== undefined; up = this.#parent.get(root)) root = up;
    for (let at = entry; at !== root;) {
      const up = this.#parent.get(at) as string;
      this.#parent.set(at, root);
      at = up;
    }
    return root;
  }

  #join(a: string, b: string): void {
    const [ra, rb] = [this.#root(a), this.#root(b)];
    if (ra !== rb) this.#parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }

  /** Entries by place: joined entries together, every other entry alone. */
  #groups(): Map<string, string[]> {
    const groups = new Map<string, string[]>();
    const entries = new Set([...this.#counts.keys(), ...this.#parent.keys()]);
    for (const entry of entries) {
      const root = this.#parent.size > 0 ? this.#root(entry) : entry;
      const group = groups.get(root);
      if (group) group.push(entry);
      else groups.set(root, [entry]);
    }
    return groups;
  }
}
