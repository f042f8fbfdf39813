/*
 * The salt of an import's seat keys. An unsalted key of an address can be found again by hashing
 * every address of a commune; a salt kept out of the dataset prevents that. The salt is derived
 * from every byte of the RNA files read (prefixed, so it is not their published sha256): the same
 * files give the same keys — `npm run import` promises a byte-identical dataset from the same
 * input — and whoever can compute it already holds the files, hence the addresses themselves.
 */
import { createSha256, type Hasher, type ImportSource } from './source.ts';

const PREFIX = 'symbiose:sel-des-sieges:v1';

/** The seat-key salt of an import of `sources` (64 hex characters); reads each file once more. */
export async function seatSalt(
  sources: readonly ImportSource[],
  hasher: () => Hasher = createSha256,
): Promise<string> {
  const encoder = new TextEncoder();
  const hash = hasher();
  hash.update(encoder.encode(PREFIX));
  for (const source of sources) {
    // Each file's size first: files cut at another place give another salt.
    hash.update(encoder.encode(`\n${source.size}\n`));
    for await (const chunk of source.chunks()) hash.update(chunk);
  }
  return hash.hex();
}
