/**
 * Typography of displayed text (never of data, search keys or CSV cells): the true minus sign and
 * the typographic apostrophe.
 */
import { isolate } from './isolate.ts';

/** U+2212 MINUS SIGN: what a negative number is written with on screen, in both languages. */
export const MINUS = '\u2212';

/** « −1 500 » for « -1 500 »: the hyphen-minus of a formatted number becomes a true minus sign. */
export function withMinusSign(formatted: string): string {
  return formatted.replace(/-/g, MINUS);
}

/**
 * A name as written on screen: « d’Urseuil » for « d'Urseuil » (typographic apostrophe), isolated
 * when it holds right-to-left letters or bidirectional controls so that it cannot reorder the
 * text around it (src/i18n/isolate.ts). For commune, intercommunalité and association names shown
 * as text; the data keep their spelling.
 */
export function displayName(name: string): string {
  return isolate(name.replace(/'/g, '\u2019'));
}
