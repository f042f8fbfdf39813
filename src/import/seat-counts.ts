/**
 * Association counts per place entry — a commune code and a seat key (16 hex digits) — kept
 * compact for the national file's million places: each entry is four 32-bit numbers (the
 * key's two halves, the commune as a number, the count) side by side in one typed array, found
 * through an open-addressing index that uses the key's own bits as its hash (the key is a
 * SHA-256). No string is kept per entry. Entries keep the order in which they were first
 * counted.
 */

/** A commune code (« 90010 », « 2A004 ») as a number below 120,000, and back. */
function communeNumber(code: string): number {
  const second = code.charCodeAt(1);
  const digit = (at: number) => code.charCodeAt(at) - 0x30;
  return (
    digit(0) * 12_000 +
    (second === 0x41 ? 10 : second === 0x42 ? 11 : second - 0x30) * 1000 +
    digit(2) * 100 +
    digit(3) * 10 +
    digit(4)
  );
}

function communeCode(n: number): string {
  const second = Math.floor((n % 12_000) / 1000);
  const rest = String(n % 1000).padStart(3, '0');
  return `${Math.floor(n / 12_000)}${second === 10 ? 'A' : second === 11 ? 'B' : second}${rest}`;
}

/** Eight hex digits of `key` from `from` as a number; throws on any other character. */
function hexWord(key: string, from: number): number {
  let value = 0;
  for (let i = from; i < from + 8; i++) {
    const c = key.charCodeAt(i);
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (digit < 0) throw new RangeError(`seat key « ${key} »: 16 lower-case hex digits expected`);
    value = value * 16 + digit;
  }
  return value;
}

const hexOf = (word: number) => word.toString(16).padStart(8, '0');

/** Numbers per entry in `PlaceCounts`' array: key's high half, low half, commune, count. */
const STRIDE = 4;
const [HI, LO, COMMUNE, COUNT] = [0, 1, 2, 3];

/** Counts per (commune code, seat key); the codes are checked by the caller (5 characters, 2A, 2B). */
export class PlaceCounts {
  /** Entries one after the other (`STRIDE` numbers each, one cache line), in the order first counted. */
  #entries = new Uint32Array(1024 * STRIDE);
  #size = 0;
  /** Entry index + 1 by slot (0: free); at most half full. */
  #slots = new Int32Array(2048);

  /** Entries counted so far. */
  get size(): number {
    return this.#size;
  }

  /** Adds one to the count of (code, key) and gives the entry's index. */
  increment(code: string, key: string): number {
    if (key.length !== 16) throw new RangeError(`seat key « ${key} »: 16 lower-case hex digits expected`);
    const [hi, lo, commune] = [hexWord(key, 0), hexWord(key, 8), communeNumber(code)];
    let slot = this.#slotOf(hi, lo, commune);
    let index = (this.#slots[slot] as number) - 1;
    if (index < 0) {
      if ((this.#size + 1) * 2 > this.#slots.length) {
        this.#grow();
        slot = this.#slotOf(hi, lo, commune);
      }
      index = this.#push(hi, lo, commune);
      this.#slots[slot] = index + 1;
    }
    this.#entries[index * STRIDE + COUNT] = (this.#entries[index * STRIDE + COUNT] as number) + 1;
    return index;
  }

  /** The index of (code, key), or -1 when it was never counted. */
  indexOf(code: string, key: string): number {
    if (key.length !== 16) return -1;
    return (this.#slots[this.#slotOf(hexWord(key, 0), hexWord(key, 8), communeNumber(code))] as number) - 1;
  }

  count(index: number): number {
    return index < 0 || index >= this.#size ? 0 : (this.#entries[index * STRIDE + COUNT] as number);
  }

  code(index: number): string {
    return communeCode(this.#entries[index * STRIDE + COMMUNE] as number);
  }

  key(index: number): string {
    return (
      hexOf(this.#entries[index * STRIDE + HI] as number) +
      hexOf(this.#entries[index * STRIDE + LO] as number)
    );
  }

  /** The slot holding (hi, lo, commune), or the free slot where it goes. */
  #slotOf(hi: number, lo: number, commune: number): number {
    const [slots, entries] = [this.#slots, this.#entries];
    const mask = slots.length - 1;
    for (let slot = (lo ^ Math.imul(commune, 0x9e3779b1)) & mask; ; slot = (slot + 1) & mask) {
      const at = ((slots[slot] as number) - 1) * STRIDE;
      if (at < 0 || (entries[at + LO] === lo && entries[at + HI] === hi && entries[at + COMMUNE] === commune))
        return slot;
    }
  }

  #push(hi: number, lo: number, commune: number): number {
    if ((this.#size + 1) * STRIDE > this.#entries.length) {
      const bigger = new Uint32Array(this.#entries.length * 2);
      bigger.set(this.#entries);
      this.#entries = bigger;
    }
    const index = this.#size++;
    const at = index * STRIDE;
    this.#entries[at + HI] = hi;
    this.#entries[at + LO] = lo;
    this.#entries[at + COMMUNE] = commune;
    return index;
  }

  #grow(): void {
    this.#slots = new Int32Array(this.#slots.length * 2);
    for (let index = 0, at = 0; index < this.#size; index++, at += STRIDE)
      this.#slots[
        this.#slotOf(
          this.#entries[at + HI] as number,
          this.#entries[at + LO] as number,
          this.#entries[at + COMMUNE] as number,
        )
      ] = index + 1;
  }
}
