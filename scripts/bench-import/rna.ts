/*
 * Synthetic RNA files in the `rna_waldec` layout, with the official files' quirks: a BOM, every
 * field quoted, a CRLF inside a quoted `objet` every 20 rows, `0001-01-01` as the empty date,
 * quotes and separators inside titles, seats outside the territory or unknown to the code, and a
 * few rows the importer must reject (bad position, identifier or title, a duplicate). Every row
 * is decided by a seeded generator, and what the import must make of it is counted as it is
 * written: the benchmark checks the import against these counts.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';

import { TextFileWriter } from './text-writer.ts';
import type { SeatCommune, Territory } from './territory.ts';

// prettier-ignore
const HEADER = [
  'id', 'id_ex', 'siret', 'rup_mi', 'gestion', 'date_creat', 'date_decla', 'date_publi', 'date_disso', 'nature',
  'groupement', 'titre', 'titre_court', 'objet', 'objet_social1', 'objet_social2', 'adrs_complement',
  'adrs_numvoie', 'adrs_repetition', 'adrs_typevoie', 'adrs_libvoie', 'adrs_distrib', 'adrs_codeinsee',
  'adrs_codepostal', 'adrs_libcommune', 'adrg_declarant', 'adrg_complemid', 'adrg_complemgeo', 'adrg_libvoie',
  'adrg_distrib', 'adrg_codepostal', 'adrg_achemine', 'adrg_pays', 'dir_civilite', 'siteweb', 'publiweb',
  'observation', 'position', 'maj_time',
].join(';');
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

const THEMES = ['011000', '006040', '007000', '014000', '024000', '017025', '015000', '010000', '002000'];
const PHRASES = [
  'favoriser la pratique du sport pour tous',
  'organiser des manifestations culturelles, fêtes et animations',
  'venir en aide aux personnes âgées ; rompre l’isolement',
  'défendre le patrimoine bâti et naturel de la commune',
  'promouvoir la musique « vivante » auprès des jeunes',
  'soutenir les parents d’élèves des écoles publiques',
  'entretenir les chemins de randonnée et faire découvrir la faune',
];
const NAMES = [
  'COMITÉ DES FÊTES',
  'ASSOCIATION SPORTIVE',
  'AMICALE LAÏQUE',
  'CLUB DE L’ÂGE D’OR',
  'LES AMIS DU PATRIMOINE',
];

/** What the import must make of the rows written. */
export interface Expectation {
  rows: number;
  kept: number;
  /** Line breaks inside quoted fields: records that span two physical lines. */
  breaks: number;
  /** Rejection reasons by `code|field`, as the report's summary counts them. */
  readonly rejections: Record<string, number>;
}

/** The RNA files written for one size. */
export interface RnaFiles {
  readonly national: string;
  readonly nationalBytes: number;
  /** One file per département that has rows (none when not split). */
  readonly departements: readonly string[];
  readonly departementBytes: number;
  readonly expected: Expectation;
  readonly ms: number;
}

/** The seat of a row: its commune's fields, the rejection it causes (or null), its département. */
interface Seat {
  readonly code: string;
  readonly postcode: string;
  readonly nom: string;
  readonly reason: string | null;
  /** The département of a seat in the territory (the file of the row when the RNA is split). */
  readonly departement: string | null;
}

/** Mulberry32: a small seeded generator of numbers in [0, 1). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const item = <T>(items: readonly T[], random: number): T => items[Math.floor(random * items.length)] as T;

/** A SIRET whose Luhn key is right (or wrong when `broken`), from a row number. */
function siret(i: number, broken: boolean): string {
  const base = `7${String(i).padStart(8, '0')}0001`;
  let sum = 0;
  for (let k = 0; k < base.length; k++) {
    let digit = Number(base[base.length - 1 - k]);
    if (k % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  const key = (10 - (sum % 10)) % 10;
  return `${base}${broken ? (key + 1) % 10 : key}`;
}

const OUTSIDE = 'outside-territory|adrs_codeinsee';

function inTerritory(c: SeatCommune, code = c.code): Seat {
  return { code, postcode: c.postcode, nom: c.nom, reason: null, departement: c.departement };
}

/** Where a row's association sits: ~94 % in the territory, ~5 % outside it or unknown. */
function seatOf(territory: Territory, random: () => number, forceValid: boolean): Seat {
  const r = forceValid ? 1 : random();
  if (r < 0.03) {
    const c = item(territory.outside, random());
    return { code: c.code, postcode: c.postcode, nom: c.nom, reason: OUTSIDE, departement: null };
  }
  if (r < 0.045) {
    const code = item(territory.unknownCodes, random());
    return {
      code,
      postcode: '99999',
      nom: 'INCONNUE',
      reason: 'commune-unknown|adrs_codeinsee',
      departement: null,
    };
  }
  if (r < 0.05) {
    const code = item(territory.collectivityCodes, random());
    return {
      code,
      postcode: code,
      nom: 'PAPEETE',
      reason: 'overseas-collectivity|adrs_codeinsee',
      departement: null,
    };
  }
  if (r < 0.06) {
    const a = item(territory.arrondissements, random());
    return a.inTerritory ? inTerritory(a) : { ...inTerritory(a), reason: OUTSIDE, departement: null };
  }
  if (r < 0.065 && territory.byPostcode.length > 0)
    return inTerritory(item(territory.byPostcode, random()), '');
  return inTerritory(territory.pick(random()));
}

/** A row's own defect (one at most, on rows whose seat is fine): the rejection it causes. */
function defectOf(random: () => number): 'position' | 'id' | 'titre' | null {
  const r = random();
  return r < 0.005 ? 'position' : r < 0.008 ? 'id' : r < 0.01 ? 'titre' : null;
}

const DEFECT_REASONS = {
  position: 'constraint-error|position',
  id: 'identifier-invalid|id',
  titre: 'constraint-error|titre',
} as const;

const rnaId = (i: number) => `W${100_000_000 + i}`;
const date = (year: number, i: number) =>
  `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
const quoted = (cells: readonly string[]) => `"${cells.map((c) => c.replaceAll('"', '""')).join('";"')}"\n`;

/** One row of the file, and the rejection reason it must get (null: kept). */
function row(
  i: number,
  territory: Territory,
  random: () => number,
): { line: string; seat: Seat; reason: string | null; breaks: number } {
  // Every 997th row repeats the RNA number of the row before it, which is always valid.
  const duplicate = i % 997 === 1;
  const seat = seatOf(territory, random, duplicate || i % 997 === 0);
  const defect = seat.reason || duplicate || i % 997 === 0 ? null : defectOf(random);
  const reason = seat.reason ?? (duplicate ? 'duplicate-key|id' : defect ? DEFECT_REASONS[defect] : null);
  const r = random();
  const status = defect === 'position' ? (i % 2 ? 'X' : '') : r < 0.8 ? 'A' : r < 0.95 ? 'D' : 'S';
  const created = 1950 + (i % 75);
  const name = `${item(NAMES, random())} ${i % 50 === 0 ? `"${seat.nom.toUpperCase()}"` : `DE ${seat.nom.toUpperCase()}`}${i % 40 === 0 ? ' ; SECTION JEUNES' : ''} N° ${i}`;
  const objet = Array.from({ length: 1 + (i % 4) }, () => item(PHRASES, random())).join(', ');
  const dissolved =
    status === 'D'
      ? date(Math.min(created + 5, 2025), i)
      : status === 'A' && i % 500 === 0
        ? '2019-05-01'
        : '0001-01-01';
  // prettier-ignore
  const cells = [
    defect === 'id' ? `W-${i}` : rnaId(duplicate ? i - 1 : i), i % 3 === 0 ? `${String(i % 1000).padStart(4, '0')}P00${i % 10}` : '',
    random() < 0.3 ? siret(i, i % 200 === 0) : '', '', `${seat.departement ?? '75'}1P`,
    date(created, i), i % 9 === 0 ? '0001-01-01' : '2024-01-10', date(created, i + 3), dissolved, 'D', 'S',
    defect === 'titre' ? '' : name, defect === 'titre' ? '' : i % 6 === 0 ? name.slice(0, 20) : '',
    i % 20 === 0 ? `${objet}\r\nsur deux lignes` : objet, i % 25 === 0 ? '' : item(THEMES, random()),
    i % 4 === 0 ? item(THEMES, random()) : '', '', String(1 + (i % 120)), i % 30 === 0 ? 'B' : ' ', 'RUE',
    'DES ÉCOLES', '_', seat.code, seat.postcode, seat.nom.toUpperCase(), '', '', '', '', '', '', '', '', 'PM',
    i % 10 === 0 ? `www.asso-${i}.fr` : '', 'N', '', status, '2025-08-29 10:00:00',
  ];
  return { line: quoted(cells), seat, reason, breaks: i % 20 === 0 ? 1 : 0 };
}

/** A new RNA file: its BOM and header written. */
async function openRna(path: string, bufferChars?: number): Promise<TextFileWriter> {
  const file = new TextFileWriter(path, bufferChars);
  await file.writeBytes(BOM);
  await file.write(`${HEADER}\n`);
  return file;
}

/**
 * The same rows split into one file per département, as data.gouv.fr publishes them: a kept row
 * goes to its seat's département; a rejected row goes with the last kept row, so that every file
 * keeps some rows (the import stops on a file that keeps none). Files are opened at their first row.
 */
class DepartementFiles {
  readonly #dir: string;
  readonly #rows: number;
  readonly #files = new Map<string, TextFileWriter>();
  #last = '';

  constructor(dir: string, rows: number) {
    this.#dir = dir;
    this.#rows = rows;
  }

  get paths(): string[] {
    return [...this.#files.values()].map((f) => f.path);
  }

  async write(line: string, seat: Seat, kept: boolean): Promise<void> {
    if (kept && seat.departement) this.#last = seat.departement;
    let file = this.#files.get(this.#last);
    if (!file) {
      file = await openRna(join(this.#dir, `rna_waldec_${this.#rows}_dpt_${this.#last}.csv`), 1 << 16);
      this.#files.set(this.#last, file);
    }
    await file.write(line);
  }

  async close(): Promise<void> {
    for (const file of this.#files.values()) await file.close();
  }
}

const totalSize = async (paths: readonly string[]) =>
  (await Promise.all(paths.map((p) => stat(p)))).reduce((n, s) => n + s.size, 0);

/**
 * Writes `rows` synthetic RNA rows into `dir`: one national file and, with `split`, the same
 * rows as one file per département (see `DepartementFiles`).
 */
export async function writeRna(
  dir: string,
  rows: number,
  territory: Territory,
  split: boolean,
): Promise<RnaFiles> {
  const start = performance.now();
  const random = generator(1901);
  const expected: Expectation = { rows, kept: 0, breaks: 0, rejections: {} };
  const national = await openRna(join(dir, `rna_waldec_${rows}.csv`));
  const departements = split ? new DepartementFiles(dir, rows) : null;
  for (let i = 0; i < rows; i++) {
    const { line, seat, reason, breaks } = row(i, territory, random);
    await national.write(line);
    await departements?.write(line, seat, reason === null);
    expected.breaks += breaks;
    if (reason) expected.rejections[reason] = (expected.rejections[reason] ?? 0) + 1;
    else expected.kept++;
  }
  await national.close();
  await departements?.close();
  const paths = departements?.paths ?? [];
  return {
    national: national.path,
    nationalBytes: await totalSize([national.path]),
    departements: paths,
    departementBytes: await totalSize(paths),
    expected,
    ms: performance.now() - start,
  };
}
