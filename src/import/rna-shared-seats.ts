/*
 * Shared seats read from the RNA as it streams by (issue 10 §3). Each kept association's seat
 * becomes an opaque salted key (`associations.siege_cle`), never its address; active
 * associations are tallied per place. At the end, places shared by 3 active associations or
 * more are the candidates for the `lieux` table — named only if 3 or more are still active at
 * the dataset period's end by the indicators' rule (`isActiveOn`, checked when the period is
 * known, in import-dataset.ts); their label is the only address the dataset keeps — and the
 * keys of a place written two ways (« Mairie » and « 1 place d'Armes », joined by a row that
 * gives both) are brought to one. The address cells are read here and written nowhere else:
 * not in the rejected-rows file (the fields are `withheld`), not in the report (counted by
 * reason only).
 */
import type { PlaceRow } from '../data/schema/index.ts';
import type { FieldSpec } from './columns.ts';
import type { FileReportBuilder } from './report.ts';
import {
  normaliseSeat,
  seatKey,
  type SeatCommune,
  type SeatFields,
  type VagueReason,
} from './seat-address.ts';
import { SharedSeatTally } from './seat-tally.ts';

/**
 * The RNA columns a seat's place is read from: the waldec split fields and the older
 * `rna_import` free-text lines. Personal data in places (« chez M. … »): read, never written.
 */
export const SEAT_FIELDS: readonly FieldSpec[] = [
  { name: 'adrs_complement', standard: true, used: true, withheld: true },
  { name: 'adrs_numvoie', standard: true, used: true, withheld: true },
  { name: 'adrs_repetition', standard: true, used: true, withheld: true },
  { name: 'adrs_typevoie', standard: true, used: true, withheld: true },
  { name: 'adrs_libvoie', standard: true, used: true, withheld: true },
  { name: 'adrs_distrib', standard: true, used: true, withheld: true },
  { name: 'adr1', standard: false, used: true, withheld: true },
  { name: 'adr2', standard: false, used: true, withheld: true },
  { name: 'adr3', standard: false, used: true, withheld: true },
];

/** Names of the seat columns. */
export const SEAT_FIELD_NAMES: readonly string[] = SEAT_FIELDS.map((field) => field.name);

/** A place is listed in `lieux`, with its label, from this many active associations (privacy). */
export const PLACE_FROM = 3;

/** Report notes: active associations whose seat was counted, or too vague, by reason. */
const KEYED_NOTE = 'associations actives : siège à une adresse comptée (sièges partagés)';
const VAGUE_NOTES: Readonly<Record<VagueReason, string>> = {
  'no-street': 'associations actives : siège trop vague — ni voie ni lieu public',
  placeholder: 'associations actives : siège trop vague — adresse absente (« _ », « NC »…)',
  'postal-box': 'associations actives : siège trop vague — boîte postale seule',
  'commune-name': 'associations actives : siège trop vague — nom de la commune ou « le Bourg » seul',
  'lieu-dit': 'associations actives : siège trop vague — lieu-dit sans numéro',
  'no-number': 'associations actives : siège trop vague — voie sans numéro ni bâtiment',
};

/** A row's seat fields, by name (absent columns undefined). */
function seatFields(cells: Readonly<Record<string, string>>): SeatFields {
  const fields: Record<string, string | undefined> = { adrs_libcommune: cells['adrs_libcommune'] };
  for (const name of SEAT_FIELD_NAMES) fields[name] = cells[name];
  return fields;
}

/** A random salt (for an import that gives none: its keys then differ from one run to the next). */
export function randomSalt(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the tally gives at the end of the RNA files. */
export interface SharedSeatsResult {
  /** Places shared by `PLACE_FROM` active associations or more: the `lieux` table. */
  readonly places: PlaceRow[];
  /** Each other key of a place written several ways → the place's key (`lieux.cle`). */
  readonly remap: ReadonlyMap<string, string>;
}

/** The seats of every RNA file of an import (see the module comment). */
export class RnaSharedSeats {
  readonly #salt: string;
  readonly #tally: SharedSeatTally;
  #keyed = 0;
  #vague: Partial<Record<VagueReason, number>> = {};

  /** `salt` keeps keys from being found again by hashing candidate addresses (see seat-salt.ts). */
  constructor(salt: string) {
    this.#salt = salt;
    this.#tally = new SharedSeatTally({ salt, labelFrom: PLACE_FROM });
  }

  /** The seat key of a kept association, or null when too vague; an active one is counted at its place. */
  keyOf(cells: Readonly<Record<string, string>>, commune: SeatCommune, active: boolean): string | null {
    const outcome = normaliseSeat(seatFields(cells), commune);
    // Hashed once: the same key goes to the tally and to the association.
    const key = outcome.ok ? seatKey(outcome.normalised, this.#salt) : null;
    if (active) {
      this.#tally.add(commune.code, outcome, key ?? undefined);
      if (outcome.ok) this.#keyed++;
      else this.#vague[outcome.reason] = (this.#vague[outcome.reason] ?? 0) + 1;
    }
    return key;
  }

  /** Notes the file's counts (active associations: counted, too vague by reason), then starts again. */
  noteFile(report: FileReportBuilder): void {
    if (this.#keyed > 0) report.note(KEYED_NOTE, this.#keyed);
    for (const [reason, count] of Object.entries(this.#vague))
      report.note(VAGUE_NOTES[reason as VagueReason], count);
    this.#keyed = 0;
    this.#vague = {};
  }

  /** The places to list and the keys to bring together (once every RNA file is read). */
  finish(): SharedSeatsResult {
    const places: PlaceRow[] = [];
    const remap = new Map<string, string>();
    for (const place of this.#tally.places()) {
      for (const key of place.keys) if (key !== place.key) remap.set(key, place.key);
      if (place.count >= PLACE_FROM && place.label !== null)
        places.push({ cle: place.key, commune_code: place.commune_code, libelle: place.label });
    }
    return { places, remap };
  }
}
