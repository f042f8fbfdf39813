/*
 * Whether a seat's words only name its commune (seat-address.ts): the commune's name, the name
 * the RNA file gives, or « le Bourg », compared squashed, with or without their article.
 */
import { Remembered } from './seat-cache.ts';
import type { SeatCommune, SeatFields } from './seat-address.ts';
import { foldText } from './seat-line.ts';
import { NAME_ABBREVIATIONS } from './seat-street-types.ts';

const BOURG = new Set(['bourg', 'lebourg', 'aubourg', 'centrebourg', 'village', 'levillage', 'centreville']);
const squashed = (words: readonly string[]) => words.map((word) => NAME_ABBREVIATIONS[word] ?? word).join('');
const withoutArticle = (words: readonly string[]) =>
  ['le', 'la', 'les', 'l'].includes(words[0] ?? '') ? words.slice(1) : words;

type CommuneMatcher = (words: readonly string[]) => boolean;
const MATCHERS = new Remembered<CommuneMatcher>(10_000);

/** Tests whether words only name the commune (its name, the file's commune name, « le Bourg »). */
export function communeMatcher(commune: SeatCommune, fields: SeatFields): CommuneMatcher {
  const [nom, libcommune, libcom] = [commune.nom, fields.adrs_libcommune ?? '', fields.libcom ?? ''];
  // Each name but the last prefixed by its length: one key per three names.
  const key = `${nom.length}:${nom}${libcommune.length}:${libcommune}${libcom}`;
  return MATCHERS.get(key, () => newCommuneMatcher([nom, libcommune, libcom]));
}

function newCommuneMatcher(communeNames: readonly string[]): CommuneMatcher {
  const names = new Set<string>();
  for (const name of communeNames) {
    const words = foldText(name.replace(/\bc[ée]dex\b.*$/i, ''))
      .split(' ')
      .filter(Boolean);
    if (words.length === 0) continue;
    names.add(squashed(words));
    names.add(squashed(withoutArticle(words)));
  }
  return (words: readonly string[]) =>
    names.has(squashed(words)) || names.has(squashed(withoutArticle(words))) || BOURG.has(squashed(words));
}
