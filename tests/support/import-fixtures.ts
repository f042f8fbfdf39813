import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { Cog } from '../../src/import/cog.ts';
import type { ImportFile } from '../../src/import/import-dataset.ts';
import { decodeText, type DecodedText } from '../../src/import/text.ts';
import { loadCog } from '../../scripts/lib/cog-node.ts';

/** Folder of the importer's hand-written fixtures (see its README for each file's quirks). */
export const IMPORT_FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

export function fixtureFile(name: string): ImportFile {
  const bytes = readFileSync(IMPORT_FIXTURES + name);
  return { name, bytes: new Uint8Array(bytes), sha256: createHash('sha256').update(bytes).digest('hex') };
}

export function fixtureText(name: string): DecodedText & { sha256: string } {
  const file = fixtureFile(name);
  return { ...decodeText(file.bytes), sha256: file.sha256 };
}

let cog: Promise<Cog> | null = null;
/** The official geographic code, loaded once per test file. */
export function officialCog(): Promise<Cog> {
  cog ??= loadCog();
  return cog;
}
