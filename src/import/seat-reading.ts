/*
 * Reading an RNA row's seat fields (seat-address.ts): each field's text as tokens, read once
 * (placeholders and postal boxes noted), then the waldec split fields or the free-text lines as
 * candidate streets and text lines.
 */
import type { SeatFields } from './seat-address.ts';
import { Remembered } from './seat-cache.ts';
import {
  cutPostalBox,
  foldText,
  isBuilding,
  isPersonOrFloor,
  readNumber,
  readStreet,
  readVenue,
  streetTypeOfCode,
  tokenize,
  type Street,
  type Token,
} from './seat-line.ts';
import { REPETITIONS } from './seat-street-types.ts';

const PLACEHOLDERS = new Set(
  'nc|n c|nr|na|n a|inconnu|inconnue|adresse inconnue|non communique|non communiquee|non renseigne|neant|sans|aucun|aucune|sdf|sans domicile fixe|x|xx|xxx|a completer|vide|null|none'.split(
    '|',
  ),
);

/** A field that says « no address »: only signs (« _ », « - », « ? »), or a word such as « NC ». */
function isPlaceholder(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && (/^[\s_\-.?*/#]+$/.test(trimmed) || PLACEHOLDERS.has(foldText(trimmed)));
}

/** A line of tokens, never changed once read (lines are shared between rows with the same text). */
type Line = readonly Token[];

/** What was read from a row: candidate streets, text lines, and signs of a postal box or placeholder. */
export interface Reading {
  readonly streets: Street[];
  readonly lines: Line[];
  postalBox: boolean;
  placeholder: boolean;
}

/** A field's text read: its tokens, and whether it was a placeholder or held a postal box. */
interface Field {
  readonly tokens: Line;
  readonly placeholder: boolean;
  readonly postalBox: boolean;
}

/** Fields already read, by text (street names, « Mairie », numbers come back row after row). */
const FIELDS = new Remembered<Field>(20_000);

function newField(text: string): Field {
  if (isPlaceholder(text)) return { tokens: [], placeholder: true, postalBox: false };
  const { tokens, box } = cutPostalBox(tokenize(text));
  return { tokens, placeholder: false, postalBox: box };
}

/** A text field as tokens: a placeholder is noted and emptied, a postal box noted and cut off. */
function readField(text: string | undefined, reading: Reading): Line {
  if (!text) return [];
  const field = FIELDS.get(text, newField);
  if (field.placeholder) reading.placeholder = true;
  if (field.postalBox) reading.postalBox = true;
  // A line of its own: readWaldec tells lines apart by identity (two fields may hold one text).
  return field.tokens.slice();
}

/** Free-text lines (rna_import, the complement, text after « _ » in adrs_distrib) as streets. */
function lineStreets(lines: readonly Line[]): Street[] {
  return lines
    .filter((line) => line.length > 0 && !isPersonOrFloor(line) && !isBuilding(line))
    .map((line) => readStreet(line))
    .filter((street) => street.name.length > 0 || street.type?.named);
}

/** The waldec split fields: the street from number, index, type code and libvoie; the other lines. */
function readWaldec(fields: SeatFields, reading: Reading): void {
  const distrib = (fields.adrs_distrib ?? '').split('_').map((part) => readField(part, reading));
  const extra = distrib.filter((line) => line.length > 0 && !/^\d{5}$/.test(line[0]?.raw ?? ''));
  const complement = readField(fields.adrs_complement, reading);
  const numberTokens = readField(fields.adrs_numvoie, reading);
  const number = readNumber(numberTokens);
  if (!number && numberTokens.length > 0) extra.push(numberTokens);
  const codeType = streetTypeOfCode(fields.adrs_typevoie ?? '');
  let lib = readField(fields.adrs_libvoie, reading);
  const usable = extra.find((line) => !isPersonOrFloor(line) && !isBuilding(line));
  if (lib.length === 0 && usable && !readVenue(usable)) lib = usable;
  const line = readStreet(lib, {
    numberNeedsType: codeType !== null || number !== null,
    acceptType: (type) => !codeType || type.kind !== 'site' || type === codeType,
  });
  const numeral = number?.number || line.number;
  const repField = foldText(fields.adrs_repetition ?? '');
  const written = REPETITIONS[repField] ?? (/^[a-z]$/.test(repField) ? repField : '');
  const rep = numeral ? written || (number?.number ? number.rep : '') || line.rep : '';
  reading.streets.push({ number: numeral, rep, type: line.type ?? codeType, name: line.name });
  reading.lines.push(complement, ...(codeType ? [] : [lib]), ...extra);
  reading.streets.push(...lineStreets([...extra.filter((l) => l !== lib), complement]));
}

/** The seat fields `readSeat` reads, in one string (each but the last prefixed by its length). */
export function readingKey(fields: SeatFields): string {
  let key = '';
  for (const value of [
    fields.adrs_complement,
    fields.adrs_numvoie,
    fields.adrs_repetition,
    fields.adrs_typevoie,
    fields.adrs_libvoie,
    fields.adrs_distrib,
    fields.adr1,
    fields.adr2,
  ])
    key += `${value?.length ?? 0}:${value ?? ''}`;
  return key + (fields.adr3 ?? '');
}

/** Reads a row, waldec split fields or free-text lines (`rna_import`). */
export function readSeat(fields: SeatFields): Reading {
  const reading: Reading = { streets: [], lines: [], postalBox: false, placeholder: false };
  const waldec = [
    fields.adrs_libvoie,
    fields.adrs_numvoie,
    fields.adrs_typevoie,
    fields.adrs_complement,
  ].some((value) => value !== undefined && value.trim() !== '');
  if (waldec || fields.adrs_distrib?.replace(/_/g, '').trim()) readWaldec(fields, reading);
  else {
    const lines = [fields.adr1, fields.adr2, fields.adr3].map((line) => readField(line, reading));
    reading.lines.push(...lines);
    reading.streets.push(...lineStreets(lines));
  }
  return reading;
}
