/**
 * The shared-seat address key (issue 10 §3): associations whose registered seat is the same
 * place — a town hall, a house of associations, a social centre — pool premises de facto.
 * `normaliseSeat` turns an RNA row's seat fields into one normalised text per place, or says
 * why the address is too vague to count; `seatKey` hashes that text, so the key is never the
 * address; the label (« 12 bis rue de la Gare ») is for places shared by 3 associations or
 * more only (see seat-tally.ts). The rules, in words, are `SHARED_SEAT_RULES`.
 *
 * What the RNA holds (waldec files of 2025-09-01, Territoire de Belfort 90 / Creuse 23: 3,799 /
 * 5,650 rows, 3,178 / 4,259 active):
 * - `adrs_typevoie`: empty in 351 / 3,548 rows; RUE 2,543 / 951, AV 268 / 318, PL 132 / 328,
 *   RTE 64 / 202, LD 5 / 99, FAUB 103 / 2, CHEM1 30 / 51, and RNA-only codes (GRAN3, GRAN4 for
 *   « Grande Rue », HAME1, ESPL1, MOUL1, VLGE, truncated « G... », « H... »; 32 / 39 codes).
 *   With no code, `adrs_libvoie` often carries the type itself (« Grande Rue » 72 in 90,
 *   « Place de la Mairie », « 1 rue du Docteur Fréry », « bis rue Aristide Briand ») or is a
 *   lieu-dit (Creuse: « Le Bourg » 51 + 14, « La Villatte », « Chabannes »…).
 * - `adrs_numvoie`: empty in 530 / 3,224 rows; with the index glued or spaced (« 27 bis »,
 *   « 11A », « 6 B », « 8Ter »: 198 / 68 distinct non-digit values), ranges (« 27-29 », « 3/5 »,
 *   « 1 et 3 »), « 01 », and « BP 5 » or « Mairie ». `adrs_repetition` is empty or « » (one « B »).
 * - `adrs_complement`: « Mairie » (and « mairie », « MAIRIE », « Mairie de X ») 260 in 90, 1,975
 *   in 23 — in the Creuse 1,549 seats are « Mairie » with no street at all; « Maison du
 *   Peuple », « Cité des Associations », « Hôtel de Ville », floors, « chez M. … ».
 * - `adrs_distrib`: « _ » (3,447 / 5,222), « BP 60539_ », « _CS 50199 », and text after the
 *   « _ »: a street when `adrs_libvoie` is empty (« _18 rue de Verdun », « _Kléber »), « _Le
 *   Bourg », « _Mairie », a postcode, « _chez M. … ».
 * The older `rna_import` layout has only free-text lines `adr1`–`adr3`: each is read as above.
 * With these rules, 3,070 of the 3,178 active associations of the 90 get a place (82 streets
 * without number, 23 lieux-dits), and 3,590 of the 4,259 of the 23 (385 lieux-dits, 136 with
 * no street, 100 streets without number, 46 « le Bourg » or commune names).
 *
 * Speed (`npm run bench:seats`): the national file holds 2 million seats, and the same fields
 * come back again and again (« Mairie », « RUE » + « DES ECOLES » in commune after commune). A
 * row's fields are read once — their shape, the commune aside — and kept in bounded caches
 * (seat-cache.ts); the commune then only adds its code in front, and its name is compared
 * where it matters (a venue's « de X », a lieu-dit). Caching changes no result.
 */
import { Remembered } from './seat-cache.ts';
import { communeMatcher } from './seat-commune-names.ts';
import {
  displayName,
  isBuilding,
  nameKey,
  readVenue,
  streetLabel,
  wordsOf,
  type Street,
  type Token,
  type VenueMatch,
} from './seat-line.ts';
import { readingKey, readSeat, type Reading } from './seat-reading.ts';
import { PUBLIC_VENUES } from './seat-street-types.ts';

export { seatKey } from './seat-key.ts';

/** The seat columns of an RNA row (waldec split fields, or the older free-text lines); any may be missing. */
export interface SeatFields {
  readonly adrs_complement?: string | undefined;
  readonly adrs_numvoie?: string | undefined;
  readonly adrs_repetition?: string | undefined;
  readonly adrs_typevoie?: string | undefined;
  readonly adrs_libvoie?: string | undefined;
  readonly adrs_distrib?: string | undefined;
  readonly adrs_libcommune?: string | undefined;
  /** `rna_import` layout: free-text seat lines and commune name. */
  readonly adr1?: string | undefined;
  readonly adr2?: string | undefined;
  readonly adr3?: string | undefined;
  readonly libcom?: string | undefined;
}

/** The seat's commune as the importer resolved it (today's commune): its INSEE code and name. */
export interface SeatCommune {
  readonly code: string;
  readonly nom: string;
}

/** Why a seat is too vague to count as a place (see `VAGUE_REASONS`). */
export type VagueReason =
  'no-street' | 'placeholder' | 'postal-box' | 'commune-name' | 'lieu-dit' | 'no-number';

/** Each vague reason in a French and an English sentence. */
export const VAGUE_REASONS: Readonly<Record<VagueReason, { readonly fr: string; readonly en: string }>> = {
  'no-street': {
    fr: 'Aucun nom de voie ni de lieu public : le siège n’est connu que par sa commune.',
    en: 'No street name and no public venue: the seat is known only by its commune.',
  },
  placeholder: {
    fr: 'Adresse remplacée par un signe ou une mention d’absence (« _ », « NC », « inconnu »).',
    en: 'The address is a placeholder (« _ », « NC », « inconnu »).',
  },
  'postal-box': {
    fr: 'Seule une boîte postale (BP, CS, TSA, CIDEX) est donnée : ce n’est pas un lieu.',
    en: 'Only a postal box (BP, CS, TSA, CIDEX) is given: it is not a place.',
  },
  'commune-name': {
    fr: 'Le nom de voie n’est que le nom de la commune ou « le Bourg », sans numéro.',
    en: 'The street name is only the commune’s name or « le Bourg », with no number.',
  },
  'lieu-dit': {
    fr: 'Lieu-dit, hameau ou nom de lieu sans numéro : plusieurs foyers partagent ce nom.',
    en: 'A lieu-dit, hamlet or place name with no number: many homes share that name.',
  },
  'no-number': {
    fr: 'Voie sans numéro ni bâtiment nommé : elle compte de nombreux bâtiments.',
    en: 'A street with no number and no named building: it holds many buildings.',
  },
};

/** What identifies the place: a public venue, a numbered address, a single site, or a named building. */
export type SeatKind = 'venue' | 'address' | 'site' | 'building';

/** A seat's place: its normalised text (not yet hashed), a display label, and other texts of the same place. */
export interface SeatPlace {
  readonly ok: true;
  readonly kind: SeatKind;
  readonly normalised: string;
  readonly label: string;
  /**
   * The same place's other normalised texts, when the row names it two ways: a venue and its
   * numbered address (« Maison des associations, 11 rue de Braconne »), a numbered address and
   * its named building (« Centre Atria, 1 avenue de l'Espérance »). The tally joins them, so
   * rows that give only one of the two still meet.
   */
  readonly aliases: readonly string[];
}

/** A place, or the reason there is none. */
export type SeatOutcome = SeatPlace | { readonly ok: false; readonly reason: VagueReason };

const SQUARES = new Set(['place', 'placette', 'esplanade', 'parvis', 'square']);
const VENUE_KEYS = new Map(
  PUBLIC_VENUES.flatMap((venue) => venue.forms.map((form) => [nameKey(form.split(' ')), venue] as const)),
);
/** A building's name without the floor, room or office that follows it (« Centre Atria - 3ème étage »). */
function buildingName(tokens: readonly Token[]): Token[] {
  const cut = tokens.findIndex(
    (token, i) =>
      i > 0 &&
      /^(\d+(er|re|e|eme)?|etage|bureau|porte|bat|batiment|local|appartement|appt|boite)$/.test(
        token.words[0] ?? '',
      ),
  );
  return cut < 0 ? [...tokens] : tokens.slice(0, cut);
}

const hasName = (street: Street) => street.name.length > 0 || street.type?.named === true;

/** A venue named by a square without a number: « Place de la Mairie » is the town hall. */
function squareVenue(street: Street | undefined): VenueMatch | null {
  if (!street || street.number || !street.type || !SQUARES.has(street.type.id)) return null;
  const venue = VENUE_KEYS.get(nameKey(wordsOf(street.name)));
  return venue ? { venue, qualifier: [], unlessCommune: null } : null;
}

/**
 * The normalised text of a street: number, index, type and name. A lieu-dit has no type (« LD
 * Les Salles » = « Les Salles »), nor has a locality named by its type alone (« 3 BOUR » =
 * « 3 Le Bourg », « ZI » = « Zone industrielle »).
 */
function streetText(street: Street): string {
  const name = nameKey(wordsOf(street.name));
  const bare = street.type?.named && street.type.kind === 'locality' && name === '';
  const type = !street.type || street.type.id === 'lieu dit' || bare ? '' : street.type.id;
  return `${street.number}${street.rep}|${type}|${bare ? street.type?.id : name}`;
}

/** A place as the commune aside gives it: its texts (normalised and aliases) wait for the commune code in front. */
interface PlaceShape {
  readonly kind: SeatKind;
  readonly text: string;
  readonly label: string;
  readonly aliases: readonly string[];
}

/**
 * What a row's seat fields give, the commune aside: a place or a vague reason, and, when the
 * commune's name matters, the words to compare with it and what they give if they only name it
 * (a venue's qualifier dropped, a lieu-dit that is the commune's name).
 */
interface SeatShape {
  readonly outcome: PlaceShape | VagueReason;
  readonly communeWords: readonly string[] | null;
  readonly ifCommune: PlaceShape | VagueReason;
}

const shapeOf = (outcome: PlaceShape | VagueReason): SeatShape => ({
  outcome,
  communeWords: null,
  ifCommune: outcome,
});

/** Why a street, or the lack of one, is too vague (the row has no venue, number or building). */
function vagueShape(street: Street | undefined, reading: Reading): SeatShape {
  if (street && hasName(street)) {
    const locality = !street.type || street.type.kind === 'locality';
    const bare = street.name.length === 0 && (street.type?.id === 'bourg' || street.type?.id === 'village');
    if (locality && bare) return shapeOf('commune-name');
    if (!locality) return shapeOf('no-number');
    return { outcome: 'lieu-dit', communeWords: wordsOf(street.name), ifCommune: 'commune-name' };
  }
  if (reading.postalBox) return shapeOf('postal-box');
  return shapeOf(reading.placeholder ? 'placeholder' : 'no-street');
}

/** A public venue's place, its qualifier (if any) in its text and label, its numbered address as alias. */
function venuePlace(venue: VenueMatch, qualifier: readonly Token[], numbered: string | null): PlaceShape {
  const words = wordsOf(qualifier);
  const label = venue.venue.label.fr + (words.length > 0 ? ` (${displayName(qualifier)})` : '');
  const text = `|lieu|${venue.venue.id}|${nameKey(words)}`;
  return { kind: 'venue', text, label, aliases: numbered ? [numbered] : [] };
}

/** The place of a row's seat fields, or why it is too vague, the commune aside (see `normaliseSeat`). */
function seatShape(fields: SeatFields): SeatShape {
  const reading = readSeat(fields);
  const best = reading.streets.find((s) => s.number && hasName(s)) ?? reading.streets.find(hasName);
  const numbered = best?.number ? `|adresse|${streetText(best)}` : null;
  let venue: VenueMatch | null = null;
  for (const line of reading.lines) if ((venue = readVenue(line))) break;
  venue ??= squareVenue(best);
  if (venue) {
    const place = venuePlace(venue, venue.qualifier, numbered);
    if (!venue.unlessCommune) return shapeOf(place);
    return { outcome: place, communeWords: venue.unlessCommune, ifCommune: venuePlace(venue, [], numbered) };
  }
  const line = reading.lines.find((tokens) => tokens.length > 0 && isBuilding(tokens));
  const building = line ? buildingName(line) : null;
  const unnumbered = best && building ? streetText({ ...best, number: '', rep: '' }) : '';
  const buildingText = building && `|batiment|${unnumbered}|${nameKey(wordsOf(building))}`;
  if (best && numbered) {
    const aliases = buildingText ? [buildingText] : [];
    return shapeOf({ kind: 'address', text: numbered, label: streetLabel(best), aliases });
  }
  if (best?.type?.kind === 'site')
    return shapeOf({
      kind: 'site',
      text: `|adresse|${streetText(best)}`,
      label: streetLabel(best),
      aliases: [],
    });
  if (building && buildingText) {
    const label = displayName(building) + (best ? `, ${streetLabel(best, false)}` : '');
    return shapeOf({ kind: 'building', text: buildingText, label, aliases: [] });
  }
  return vagueShape(best, reading);
}

/**
 * Shapes of the seat fields already read: many associations share an address (a town hall, a
 * house of associations) and the same street fields come back in commune after commune.
 */
const SHAPES = new Remembered<SeatShape>(20_000);

/**
 * The place of an RNA seat, or why it is too vague: a public venue first (« Mairie », « Maison
 * des associations », « Place de la Mairie » with no number), else a numbered address, else a
 * single site (« Stade … », « Moulin du Pont »), else a named building with its street if any.
 * `commune` is today's commune of the seat (the key's first part; its name is compared with
 * the street's).
 */
export function normaliseSeat(fields: SeatFields, commune: SeatCommune): SeatOutcome {
  const shape = SHAPES.get(readingKey(fields), () => seatShape(fields));
  const words = shape.communeWords;
  const outcome = words && communeMatcher(commune, fields)(words) ? shape.ifCommune : shape.outcome;
  if (typeof outcome === 'string') return { ok: false, reason: outcome };
  const code = commune.code;
  const aliases = outcome.aliases.map((alias) => code + alias);
  return { ok: true, kind: outcome.kind, normalised: code + outcome.text, label: outcome.label, aliases };
}

/** The display label of a seat (« 12 bis rue de la Gare », « Mairie »), or null when too vague. */
export function seatLabel(fields: SeatFields, commune: SeatCommune): string | null {
  const outcome = normaliseSeat(fields, commune);
  return outcome.ok ? outcome.label : null;
}
