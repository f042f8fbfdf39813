/*
 * Data text (names, purposes, labels, file names) shown among other text: whatever right-to-left
 * letters or bidirectional controls it holds, it must not reorder the words around it. In the
 * page, in the map's tooltips (plain text) and in the exported image's caption (canvas text) a
 * name is written between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (U+2068…U+2069): the
 * Unicode bidirectional algorithm then lays it out on its own, in the direction of its first
 * letter, and the text after it stays in the page's order. Inside, its explicit controls are
 * balanced first: a closer without opener (a stray PDI would end our isolate early) is dropped and
 * an opener left open (an RLO, an LRI…) is closed at the end, so the isolate always ends where we
 * put its PDI.
 *
 * Text with neither a right-to-left letter nor a bidirectional control is returned as is: in a
 * left-to-right page it cannot reorder anything, and names keep their exact text for the many
 * readers (tests, screen readers, copy and paste) that do not need the invisible marks.
 */

/** FIRST STRONG ISOLATE: starts an isolate whose direction is that of its first letter. */
export const FSI = '\u2068';
/** POP DIRECTIONAL ISOLATE: ends the isolate. */
export const PDI = '\u2069';
/** POP DIRECTIONAL FORMATTING: ends an embedding or an override. */
const PDF = '\u202c';

/** LRE, RLE, LRO, RLO: embeddings and overrides, closed by PDF. */
const EMBEDDING_OPENERS = new Set(['\u202a', '\u202b', '\u202d', '\u202e']);
/** LRI, RLI, FSI: isolates, closed by PDI. */
const ISOLATE_OPENERS = new Set(['\u2066', '\u2067', FSI]);

/** Explicit bidirectional controls (embeddings, overrides, isolates and their closers). */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/u;

/**
 * Characters that can move text around them: right-to-left letters (Hebrew, Arabic, Syriac,
 * Thaana, N’Ko and the other scripts of U+0590–U+08FF, their presentation forms, the right-to-left
 * scripts of the supplementary planes), the marks LRM, RLM and ALM, and the explicit controls.
 */
const BIDI_SENSITIVE =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/u;

/** Whether `text` holds a right-to-left letter, a directional mark or a bidirectional control. */
export function needsIsolation(text: string): boolean {
  return BIDI_SENSITIVE.test(text);
}

/**
 * `text` with its explicit bidirectional controls balanced: a PDF or PDI that closes nothing is
 * dropped, an embedding, override or isolate still open at the end is closed there (a PDI also
 * closes the embeddings opened after its isolate, as the Unicode algorithm does). Everything
 * else, the characters and their order, is kept.
 */
export function balanceBidi(text: string): string {
  if (!BIDI_CONTROLS.test(text)) return text;
  const open: ('embedding' | 'isolate')[] = [];
  let out = '';
  for (const char of text) {
    if (EMBEDDING_OPENERS.has(char)) open.push('embedding');
    else if (ISOLATE_OPENERS.has(char)) open.push('isolate');
    else if (char === PDF) {
      if (open.at(-1) !== 'embedding') continue;
      open.pop();
    } else if (char === PDI) {
      const at = open.lastIndexOf('isolate');
      if (at < 0) continue;
      open.length = at;
    }
    out += char;
  }
  for (const kind of open.reverse()) out += kind === 'isolate' ? PDI : PDF;
  return out;
}

/** Whether `text` is already one isolate: FSI, balanced content, and the PDI matching that FSI last. */
function isIsolate(text: string): boolean {
  if (!text.startsWith(FSI) || !text.endsWith(PDI)) return false;
  const inner = text.slice(FSI.length, -PDI.length);
  return balanceBidi(inner) === inner;
}

/**
 * `text` laid out on its own among other text: between FSI and PDI, its controls balanced, when
 * it holds anything that could reorder the text around it; as is otherwise. Applying it twice
 * gives the same text.
 */
export function isolate(text: string): string {
  if (!needsIsolation(text) || isIsolate(text)) return text;
  return `${FSI}${balanceBidi(text)}${PDI}`;
}
