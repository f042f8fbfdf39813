/**
 * One line of a seat address, read word by word: its house number and repetition index, its
 * street type and its name (« 12 bis rue de la Gare », « R. de la gare », « LD Les Salles »),
 * or what else it is — a public venue (« Mairie de Danjoutin »), a named building (« Centre
 * Jean Moulin »), a postal box, a person (« chez M. … ») or a floor. Words keep their written
 * form beside their folded one, so labels show the words as written.
 */
import {
  BUILDING_WORDS,
  NAME_ABBREVIATIONS,
  PUBLIC_VENUES,
  REPETITIONS,
  REPETITION_LABELS,
  SMALL_NUMBERS,
  STOP_WORDS,
  STREET_TYPES,
  type PublicVenue,
  type StreetType,
} from './seat-street-types.ts';
import { foldText, tokenize, wordsOf, type Token } from './seat-words.ts';

export { foldText, foldTextReference, tokenize, wordsOf, type Token } from './seat-words.ts';

const TYPE_BY_ALIAS = new Map<string, StreetType>(
  STREET_TYPES.flatMap((type) => type.aliases.map((alias) => [alias, type] as const)),
);
const TYPE_BY_CODE = new Map<string, StreetType>(
  STREET_TYPES.flatMap((type) => type.codes.map((code) => [code, type] as const)),
);

/** The street type of an RNA `adrs_typevoie` code (« CHEM1 », « AV », « G... »), or null. */
export function streetTypeOfCode(code: string): StreetType | null {
  const upper = code.trim().toUpperCase();
  if (!upper) return null;
  return TYPE_BY_CODE.get(upper) ?? TYPE_BY_ALIAS.get(foldText(upper.replace(/\d+$/, ''))) ?? null;
}

/** The first word of every written street type: a token starting with another word starts none. */
const ALIAS_FIRST_WORDS = new Set(
  STREET_TYPES.flatMap((type) => type.aliases.map((alias) => alias.split(' ')[0])),
);

/** The street type written at `tokens[at]` (longest written form, whole tokens), with its length. */
function typeAt(tokens: readonly Token[], at: number): { type: StreetType; length: number } | null {
  const first = tokens[at];
  if (first === undefined || !ALIAS_FIRST_WORDS.has(first.words[0] ?? '')) return null;
  // The words of 1, 2 and 3 whole tokens from `at`, as written forms are (folded, one space apart).
  const texts: string[] = [];
  let text = '';
  for (let i = at; i < at + 3 && i < tokens.length; i++) {
    const words = (tokens[i] as Token).words;
    text += (text ? ' ' : '') + (words.length === 1 ? words[0] : words.join(' '));
    texts.push(text);
  }
  for (let length = texts.length; length >= 1; length--) {
    const type = TYPE_BY_ALIAS.get(texts[length - 1] as string);
    if (type) return { type, length };
  }
  return null;
}

const MONTHS = new Set(
  'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre'.split(' '),
);
const digitsOnly = (token: Token | undefined): boolean =>
  token !== undefined && token.words.every((word) => /^\d+$/.test(word));

/** A house number and repetition index read at the start of `tokens`, and how many tokens they take. */
export function readNumber(tokens: readonly Token[]): { number: string; rep: string; length: number } | null {
  const written = tokens[0]?.words[0];
  // « 12E », « 6D »: the letter glued to the number that the tokenizer left (it reads like an ordinal).
  const glued = /^(\d+)([a-z])$/.exec(written ?? '');
  const first = glued ? glued[1] : written;
  if (first === undefined || !/^\d+$/.test(first) || MONTHS.has(tokens[1]?.words[0] ?? '')) return null;
  if (glued?.[2])
    return { number: first.replace(/^0+/, ''), rep: REPETITIONS[glued[2]] ?? glued[2], length: 1 };
  let at = 1;
  // Ranges « 27-29 », « 3/5 », « 1 et 3 »: the first number names the building.
  while (digitsOnly(tokens[at]) || (tokens[at]?.words[0] === 'et' && digitsOnly(tokens[at + 1])))
    at += tokens[at]?.words[0] === 'et' ? 2 : 1;
  let rep = '';
  const next = tokens[at];
  const word = next?.words.length === 1 ? next.words[0] : undefined;
  if (word !== undefined && (REPETITIONS[word] !== undefined || /^[a-z]$/.test(word))) {
    const letterOnly = word.length === 1;
    const plausible =
      !letterOnly ||
      next?.raw === next?.raw.toUpperCase() ||
      at + 1 === tokens.length ||
      typeAt(tokens, at + 1);
    if (plausible) {
      rep = REPETITIONS[word] ?? word;
      at++;
    }
  }
  return { number: first.replace(/^0+/, ''), rep, length: at };
}

/** A street read from a line or from the RNA's split fields. */
export interface Street {
  /** Digits without leading zeros; empty when none (or « 0 »). */
  readonly number: string;
  /** One-letter repetition index (b, t, q, c or another letter); empty when none. */
  readonly rep: string;
  readonly type: StreetType | null;
  readonly name: readonly Token[];
}

/** How a street line is read: whether a leading number counts, which written types are taken. */
export interface LineOptions {
  /** A leading number counts only when a street type follows it (the number has its own field). */
  readonly numberNeedsType?: boolean;
  /** Whether a street type written at the start of the name is taken as the type. */
  readonly acceptType?: (type: StreetType) => boolean;
}

/** Reads `[number [repetition]] [type] name` from the start of `tokens` (see the module comment). */
export function readStreet(tokens: readonly Token[], options: LineOptions = {}): Street {
  let at = 0;
  let number = '';
  let rep = '';
  const read = readNumber(tokens);
  if (read && (!options.numberNeedsType || typeAt(tokens, read.length))) {
    number = read.number;
    rep = read.number ? read.rep : '';
    at = read.length;
  } else {
    const word = tokens[0]?.words.length === 1 ? tokens[0].words[0] : undefined;
    if (word !== undefined && REPETITIONS[word] !== undefined && typeAt(tokens, 1)) {
      rep = REPETITIONS[word] ?? '';
      at = 1;
    }
  }
  const typed = typeAt(tokens, at);
  const accept = options.acceptType ?? (() => true);
  const type = typed && accept(typed.type) ? typed.type : null;
  if (type && typed) at += typed.length;
  return { number, rep, type, name: tokens.slice(at) };
}

/** Parses one free-text street line, e.g. « 12 bis rue de la Gare » or « R. de la gare ». */
export function parseStreetLine(text: string): Street {
  return readStreet(tokenize(text));
}

/** Key words of a name: abbreviations expanded, numbers 1–31 in words, articles dropped. */
export function nameKey(words: readonly string[]): string {
  const expanded = words.flatMap((word) => {
    const number = /^\d+$/.test(word) ? Number(word) : NaN;
    const spelled = number >= 1 && number < SMALL_NUMBERS.length ? SMALL_NUMBERS[number] : undefined;
    return (spelled ?? NAME_ABBREVIATIONS[word] ?? word).split(' ');
  });
  const kept = expanded.filter((word) => !STOP_WORDS.has(word));
  return (kept.length > 0 ? kept : expanded).join(' ');
}

const SMALL = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'l',
  'd',
  'et',
  'a',
  'au',
  'aux',
  'en',
  'sur',
  'sous',
]);

/** A name as written; one written in capitals only is set in French title case (« rue de la Gare »). */
export function displayName(tokens: readonly Token[]): string {
  const text = tokens.map((token) => token.raw).join(' ');
  if (/\p{Ll}/u.test(text)) return text;
  return text
    .toLowerCase()
    .replace(/\p{L}+/gu, (word) =>
      SMALL.has(foldText(word)) ? word : word[0]?.toUpperCase() + word.slice(1),
    );
}

/** The label of a street: « 12 bis rue de la Gare », « Place de la Mairie », « 18 Grande Rue ». */
export function streetLabel(street: Street, capital = true): string {
  const rep = street.rep ? ` ${REPETITION_LABELS[street.rep] ?? street.rep.toUpperCase()}` : '';
  const parts = [
    street.number ? `${street.number}${rep}` : '',
    street.type?.label ?? '',
    displayName(street.name),
  ];
  const label = parts.filter(Boolean).join(' ');
  return capital ? label.charAt(0).toUpperCase() + label.slice(1) : label;
}

/**
 * A public venue read at the start of a line, with what qualifies it (another commune, an
 * annex). `qualifier` holds unless the words `unlessCommune` only name the seat's commune
 * (« Mairie de Danjoutin » in Danjoutin is « Mairie »): the commune is weighed apart, so a line
 * is read once whatever its commune.
 */
export interface VenueMatch {
  readonly venue: PublicVenue;
  readonly qualifier: readonly Token[];
  readonly unlessCommune: readonly string[] | null;
}

const LEADS = ['siege social', 'siege', 'a la', 'a l', 'au', 'en'].map((lead) => ({
  prefix: `${lead} `,
  length: lead.split(' ').length,
}));
const VENUE_FORMS = PUBLIC_VENUES.flatMap((venue) =>
  venue.forms.map((form) => ({ venue, form, prefix: `${form} `, length: form.split(' ').length })),
);
/**
 * What follows a venue's name and makes it another place: « de X » naming another commune
 * (« Mairie de Bavilliers » in Belfort) or a former one, or « annexe ». Anything else — a
 * room, a floor, the building's own name (« Mairie - Château Kléber ») — is the same place.
 */
function qualifierAt(
  tokens: readonly Token[],
  words: readonly string[],
  after: number,
): Pick<VenueMatch, 'qualifier' | 'unlessCommune'> {
  const first = words[after] ?? '';
  if (first === 'annexe') return { qualifier: tokensFrom(tokens, after), unlessCommune: null };
  if (!['de', 'd', 'du', 'des'].includes(first)) return { qualifier: [], unlessCommune: null };
  const named = words.slice(after + 1);
  return named.length === 0
    ? { qualifier: [], unlessCommune: null }
    : { qualifier: tokensFrom(tokens, after + 1), unlessCommune: named };
}

/** Tokens from the one holding folded word number `index` (after an apostrophe if it starts mid-token). */
function tokensFrom(tokens: readonly Token[], index: number): Token[] {
  let seen = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (seen + token.words.length > index) {
      const skip = index - seen;
      if (skip === 0) return tokens.slice(i);
      const raw = token.raw.slice(token.raw.lastIndexOf("'") + 1);
      return [{ raw, words: token.words.slice(skip) }, ...tokens.slice(i + 1)];
    }
    seen += token.words.length;
  }
  return [];
}

/**
 * The public venue a line starts with (after « siège social : »), or null. A qualifier that
 * only repeats the commune's name, or names a room or floor, is dropped (« Mairie de
 * Danjoutin » in Danjoutin = « Mairie »); any other stays (« Mairie de Bavilliers » in Belfort).
 */
export function readVenue(tokens: readonly Token[]): VenueMatch | null {
  if (tokens.length === 0) return null;
  const words = wordsOf(tokens);
  let start = 0;
  let rest = words.join(' ');
  for (const lead of LEADS)
    if (rest.startsWith(lead.prefix)) {
      start += lead.length;
      rest = words.slice(start).join(' ');
      break;
    }
  for (const { venue, form, prefix, length } of VENUE_FORMS) {
    if (rest !== form && !rest.startsWith(prefix)) continue;
    return { venue, ...qualifierAt(tokens, words, start + length) };
  }
  return null;
}

/** Whether a line names a building by its first word(s): « Centre Atria », « Collège Vauban ». */
export function isBuilding(tokens: readonly Token[]): boolean {
  const first = tokens[0]?.words;
  if (first === undefined) return false;
  const second = first.length > 1 ? first[1] : tokens[1]?.words[0];
  return (
    BUILDING_WORDS.has(first[0] ?? '') ||
    BUILDING_WORDS.has(second === undefined ? (first[0] ?? '') : `${first[0]} ${second}`)
  );
}

/** The tokens before a postal box (BP, CS, TSA, CIDEX), and whether there was one. */
export function cutPostalBox(tokens: readonly Token[]): { tokens: Token[]; box: boolean } {
  for (let i = 0; i < tokens.length; i++) {
    const words = (tokens[i] as Token).words;
    // Every postal box starts with « b », « c » or « t » (bp, boite, cs, cidex, tsa).
    const initial = words[0]?.charCodeAt(0);
    if (initial !== 0x62 && initial !== 0x63 && initial !== 0x74) continue;
    const next = tokens[i + 1];
    const glued = /^(bp|cs|tsa|cidex)\d+$/.test(words[0] ?? '');
    const alone = ['bp', 'cidex'].includes(words.join(' ')) || words.join(' ') === 'b p';
    const numbered = ['cs', 'tsa'].includes(words[0] ?? '') && (words.length > 1 || digitsOnly(next));
    const spelled = words.join(' ') === 'boite' && next?.words[0] === 'postale';
    if (glued || alone || numbered || spelled || (words[0] === 'bp' && /^\d/.test(words[1] ?? '')))
      return { tokens: tokens.slice(0, i), box: true };
  }
  return { tokens: [...tokens], box: false };
}

/** « chez M. … », « c/o », « à l'attention de »; « Chez Palot » alone is a lieu-dit of the Limousin. */
const PERSON =
  /^(c o|a l attention|aupres de|famille|(chez )?(m|mr|mme|mlle|monsieur|madame|mademoiselle|me|dr|docteur))\b/;
const FLOOR =
  /^((\d+ ?(er|ere|e|eme))? ?(etage|appartement|appt|apt|app|bat|batiment|escalier|esc|porte|rdc|rez de chaussee|local|boite aux lettres|bal))\b/;

/** A line that names a person (c/o) or a floor, flat or door: not a place by itself. */
export function isPersonOrFloor(tokens: readonly Token[]): boolean {
  const text = wordsOf(tokens).join(' ');
  return PERSON.test(text) || FLOOR.test(text);
}
