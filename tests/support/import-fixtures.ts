import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { Cog } from '../../src/import/cog.ts';
import { sourceFromBytes, type ImportSource } from '../../src/import/source.ts';
import { decodeText, type DecodedText } from '../../src/import/text.ts';
import { loadCog } from '../../scripts/lib/cog-node.ts';

/** Folder of the importer's hand-written fixtures (see its README for each file's quirks). */
export const IMPORT_FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

/** The bytes of a fixture. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(IMPORT_FIXTURES + name));
}

/** A fixture as an import source, served in small chunks so chunk boundaries are exercised. */
export function fixtureFile(name: string, chunkSize = 97): ImportSource {
  return sourceFromBytes(name, fixtureBytes(name), chunkSize);
}

/** Text (any encoding) as an import source, as a file named `name`. */
export function textFile(name: string, text: string | Uint8Array, chunkSize = 97): ImportSource {
  return sourceFromBytes(name, typeof text === 'string' ? new TextEncoder().encode(text) : text, chunkSize);
}

/** The sha256 of some bytes, computed independently of the importer (Node's crypto). */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function fixtureText(name: string): DecodedText & { sha256: string } {
  const bytes = fixtureBytes(name);
  return { ...decodeText(bytes), sha256: sha256Of(bytes) };
}

let cog: Promise<Cog> | null = null;
/** The official geographic code, loaded once per test file. */
export function officialCog(): Promise<Cog> {
  cog ??= loadCog();
  return cog;
}
