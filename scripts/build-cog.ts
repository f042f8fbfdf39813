/**
 * Writes `public/cog/cog.json`: the compact official geographic code the in-page importer
 * fetches (served with the site, so importing works offline). Skipped when already up to date.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { readCogData } from './lib/cog-node.ts';

const target = fileURLToPath(new URL('../public/cog/cog.json', import.meta.url));

const data = await readCogData();
const text = JSON.stringify(data);
const current = await readFile(target, 'utf8').catch(() => null);
if (current !== text) {
  await mkdir(fileURLToPath(new URL('../public/cog/', import.meta.url)), { recursive: true });
  await writeFile(target, text);
  console.error(`COG pour l’import dans le navigateur : ${target} (${(text.length / 1e6).toFixed(1)} Mo)`);
}
