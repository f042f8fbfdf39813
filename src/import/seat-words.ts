/**
 * The words of a seat line: text folding (lower case, accents and ligatures dropped, every run of
 * other characters one space) and tokenising, each word group kept as written beside its folded
 * words (« 12bis » → « 12 » and « bis », « Gare. » → « Gare »).
 */
import { Remembered } from './seat-cache.ts';

/** A word group as written (split on spaces) and its folded words. */
export interface Token {
  readonly raw: string;
  readonly words: readonly string[];
}

/**
 * The definition of `foldText`, one regular expression after another: lower case, « œ », « æ »,
 * « ß » spelled out, accents dropped (NFD, then every \p{Diacritic}, « ^ » and « ` » included),
 * every run of other characters one space, trimmed. `foldText` gives the same text faster.
 */
export function foldTextReference(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Each character of U+0000–U+024F (ASCII and the Latin letters) and of U+2000–U+206F (dashes,
 * quotes, spaces) folded alone by `foldTextReference`'s steps: its letters (« É » → « e », « Œ »
 * → « oe »), a space when it separates words, nothing when it is dropped (« ^ », « ¨ »). None of
 * them is a combining mark, and each decomposes to a letter or sign first, so a text of these
 * characters folds character by character.
 */
const FOLD_RANGES = [
  [0x0000, 0x0250],
  [0x2000, 0x2070],
] as const;
const FOLDED: readonly (readonly (string | undefined)[])[] = FOLD_RANGES.map(([from, to]) =>
  Array.from({ length: to - from }, (_, i) => {
    const steps = String.fromCharCode(from + i)
      .toLowerCase()
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      .replace(/ß/g, 'ss')
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '');
    if (steps === '' || /^[a-z0-9]+$/.test(steps)) return steps;
    // A mix of letters and signs would need the whole text's steps: the reference folds it.
    return /^[^a-z0-9]+$/.test(steps) ? ' ' : undefined;
  }),
);
const [FOLDED_LATIN = [], FOLDED_PUNCTUATION = []] = FOLDED;

/** Lower case, accents and ligatures folded, every run of other characters one space (see `foldTextReference`). */
export function foldText(text: string): string {
  let folded = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const part =
      code < 0x0250
        ? FOLDED_LATIN[code]
        : code >= 0x2000 && code < 0x2070
          ? FOLDED_PUNCTUATION[code - 0x2000]
          : undefined;
    if (part === undefined) return foldTextReference(text);
    if (part === '') continue;
    if (part === ' ') space = folded !== '';
    else {
      folded += space ? ` ${part}` : part;
      space = false;
    }
  }
  return folded;
}

/** Written words (a token's raw text) to their folded words. */
const FOLDED_WORDS = new Remembered<readonly string[]>(20_000);
const foldWords = (raw: string): readonly string[] => foldText(raw).split(' ').filter(Boolean);

/**
 * The words of a line: line breaks and commas to spaces, a letter glued to a number split off
 * (« 12B », « 12bis » → « 12 B », « 12 bis ») but not an ordinal (« 1er », « 2ème »), signs
 * trimmed from each word as written (« Gare. » → « Gare »).
 */
export function tokenize(text: string): Token[] {
  const tidy = text
    .replace(/\p{Cc}/gu, ' ')
    .replace(/[’`´]/g, "'")
    .replace(/[,;]/g, ' ')
    .replace(/(\d)(?!(?:er|re|ère|ere|e|eme|ème)\b)(\p{L})/gu, '$1 $2');
  const tokens: Token[] = [];
  for (const written of tidy.split(/\s+/)) {
    const raw = written.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}']+$/gu, '');
    const words = FOLDED_WORDS.get(raw, foldWords);
    if (words.length > 0) tokens.push({ raw, words });
  }
  return tokens;
}

const wordsOf = (tokens: readonly Token[]): string[] => tokens.flatMap((token) => token.words);

export { wordsOf };
