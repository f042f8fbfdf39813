/**
 * Counts associations per seat place during a streaming import, light on memory: one entry per
 * normalised place (commune code and opaque key) with its count, 16 bytes in typed arrays
 * (seat-counts.ts); a label kept only for entries that reach `labelFrom` associations (3) or
 * that name a place two ways (a venue and its address: few); a link between such two ways of
 * naming one place, joined at the end (union–find); and a count per vague reason. Labels of
 * places shared by fewer than `labelFrom` associations are never given out. At the end, only
 * the entries shared by 2 associations or more, or joined, are looked at one by one.
 */
import { seatKey, type SeatKind, type SeatOutcome, type VagueReason } from './seat-address.ts';
import { PlaceCounts } from './seat-counts.ts';

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

/** An entry of a place: its commune code, key, and index in the counts (-1 when only joined, never counted). */
interface Member {
  readonly code: string;
  readonly key: string;
  readonly index: number;
}

/** Which label a joined place shows: a venue's before a building's, a site's, then an address's. */
const RANK: Readonly<Record<SeatKind, number>> = { venue: 0, building: 1, site: 2, address: 3 };
const SEPARATOR = ' ';

/** The tally: `add` each association's seat outcome, then read `places()` and `summary()`. */
export class SharedSeatTally {
  readonly #counts = new PlaceCounts();
  /** Labels by entry index (see `add`). */
  readonly #labels = new Map<number, { readonly label: string; readonly rank: number }>();
  /** Union–find over entries (commune code, space, key) joined as one place: few. */
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

  /**
   * Counts one association whose seat is in `communeCode` (today's commune, as in the outcome).
   * `key`, when given, is the outcome's own key (`seatKey(outcome.normalised, salt)`), already
   * computed by the caller: it is not hashed again.
   */
  add(communeCode: string, outcome: SeatOutcome, key?: string): void {
    if (!outcome.ok) {
      this.#vague[outcome.reason]++;
      return;
    }
    if (!/^[0-9][0-9AB][0-9]{3}$/.test(communeCode))
      throw new RangeError(`commune code « ${communeCode} »: five characters (digits, 2A, 2B) expected`);
    this.#keyed++;
    const seat = key ?? seatKey(outcome.normalised, this.#salt);
    const index = this.#counts.increment(communeCode, seat);
    const aliased = outcome.aliases.length > 0;
    if (this.#counts.count(index) === this.#labelFrom || (aliased && !this.#labels.has(index)))
      this.#labels.set(index, { label: outcome.label, rank: RANK[outcome.kind] });
    if (!aliased) return;
    const entry = communeCode + SEPARATOR + seat;
    for (const alias of outcome.aliases) this.#join(entry, this.#entry(communeCode, alias));
  }

  /** Places shared by 2 associations or more, most shared first (then by commune and key). */
  places(): SharedSeat[] {
    const places: SharedSeat[] = [];
    for (const members of this.#groups()) {
      const place = this.#place(members);
      if (place) places.push(place);
    }
    return places.sort(
      (a, b) =>
        b.count - a.count || a.commune_code.localeCompare(b.commune_code) || a.key.localeCompare(b.key),
    );
  }

  /** The place of joined entries (or of one entry alone), or null when fewer than 2 associations are there. */
  #place(members: readonly Member[]): SharedSeat | null {
    const count = members.reduce((sum, member) => sum + this.#counts.count(member.index), 0);
    if (count < 2) return null;
    const keys = members.map((member) => member.key).sort();
    const labels = members
      .flatMap((member) => this.#labels.get(member.index) ?? [])
      .sort((a, b) => a.rank - b.rank);
    const label = count >= this.#labelFrom ? (labels[0]?.label ?? null) : null;
    return { key: keys[0] ?? '', keys, commune_code: members[0]?.code ?? '', label, count };
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

  /**
   * Entries by place: joined entries together (in the order entries were first counted, then
   * joined), every other entry shared by 2 associations or more alone. Entries counted once and
   * joined to none — most of them — are passed over without a group of their own.
   */
  *#groups(): Generator<readonly Member[]> {
    const rootOf = new Map<string, string>();
    for (const entry of this.#parent.keys()) {
      const root = this.#root(entry);
      rootOf.set(entry, root).set(root, root);
    }
    const joined = new Map<string, Member[]>();
    const joinedAt = new Map<number, string>();
    const visit = (entry: string, index: number) => {
      const [code = '', key = ''] = entry.split(SEPARATOR);
      const root = rootOf.get(entry) as string;
      const group = joined.get(root);
      if (group) group.push({ code, key, index });
      else joined.set(root, [{ code, key, index }]);
    };
    for (const entry of rootOf.keys()) {
      const index = this.#indexOf(entry);
      if (index >= 0) joinedAt.set(index, entry);
    }
    for (let index = 0; index < this.#counts.size; index++) {
      const entry = joinedAt.size > 0 ? joinedAt.get(index) : undefined;
      if (entry !== undefined) visit(entry, index);
      else if (this.#counts.count(index) >= 2)
        yield [{ code: this.#counts.code(index), key: this.#counts.key(index), index }];
    }
    for (const entry of this.#parent.keys()) if (this.#indexOf(entry) < 0) visit(entry, -1);
    yield* joined.values();
  }

  /** The index of a counted entry, -1 for one only joined. */
  #indexOf(entry: string): number {
    const [code = '', key = ''] = entry.split(SEPARATOR);
    return this.#counts.indexOf(code, key);
  }
}
