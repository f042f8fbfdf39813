/*
 * The opaque key of a shared seat (seat-address.ts): its normalised text hashed with SHA-256,
 * salted, the salt's hash state kept from one key to the next.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The opaque key of a normalised seat: the first 16 hex characters of its SHA-256. A hash of
 * an address can be found again by hashing every address of a commune; give a `salt` kept
 * out of the published data when the keys themselves are published.
 */
export function seatKey(normalised: string, salt = ''): string {
  // The salt's bytes are hashed once per salt; each key goes on from a copy of that state. A
  // salt ending with half a surrogate pair would join the text's first character: hashed whole.
  const last = salt.charCodeAt(salt.length - 1);
  if (last >= 0xd800 && last <= 0xdbff)
    return bytesToHex(sha256(utf8ToBytes(salt + normalised))).slice(0, 16);
  if (hashing?.salt !== salt)
    hashing = { salt, salted: sha256.create().update(utf8ToBytes(salt)), work: sha256.create() };
  hashing.salted._cloneInto(hashing.work).update(utf8Bytes(normalised)).digestInto(HASH_OUT);
  return bytesToHex(HASH_OUT.subarray(0, 8));
}

/** The hash state after the last salt given to `seatKey`, and the state each key is hashed in (reused). */
let hashing: {
  readonly salt: string;
  readonly salted: ReturnType<typeof sha256.create>;
  readonly work: ReturnType<typeof sha256.create>;
} | null = null;
const HASH_OUT = new Uint8Array(32);

/** UTF-8 bytes of a text; a normalised text is ASCII, copied without the encoder. */
function utf8Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return utf8ToBytes(text);
    bytes[i] = code;
  }
  return bytes;
}
