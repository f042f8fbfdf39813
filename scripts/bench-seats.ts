/**
 * `npm run bench:seats` — speed of the shared-seat normaliser (src/import/seat-address.ts) on
 * synthetic RNA seats, without the rest of the import.
 *
 *   npm run bench:seats -- [--rows 200000] [--runs 5] [--communes 2000] [--seed 1901]
 *
 * Writes in memory `--rows` seats of `--communes` fictional communes, the way the RNA writes
 * them: waldec split fields with the register's type codes, numbers with their index glued or
 * spaced, names in capitals or not, with or without accents, abbreviated (« R. », « Gal »),
 * public venues (« Mairie », « MAIRIE DE X », « Maison des associations »), named buildings and
 * floors, postal boxes, placeholders, lieux-dits, « chez M. … », and a share of the older
 * `rna_import` free-text lines. Many associations of a commune share a seat, as in the files.
 * Then, `--runs` times over the same rows, it times `normaliseSeat` alone and the importer's
 * whole per-row path (`RnaSharedSeats.keyOf`: normalise, key, tally), each pass starting with
 * nothing read (`forgetSeatReadings`), and prints µs per row (medians) and digests of every
 * outcome, key and place, so two versions of the code can be compared on speed and checked for
 * the same results.
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';

import { randomLcg } from 'd3-random';

import { RnaSharedSeats } from '../src/import/rna-shared-seats.ts';
import { normaliseSeat, type SeatCommune } from '../src/import/seat-address.ts';
import { forgetSeatReadings } from '../src/import/seat-cache.ts';

// prettier-ignore
const COMMUNE_PARTS = {
  first: ['Saint-Martin', 'Sainte-Colombe', 'Villeneuve', 'Montreuil', 'Beaulieu', 'La Chapelle', 'Le Mesnil',
    'Fontaine', 'Bois', 'Châteauneuf', 'Pont', 'Mont', 'Val', 'Neuvy', 'Saint-Éloi', 'Œuilly', 'Les Îles'],
  second: ['', '', '', '-sur-Vaure', '-de-la-Forêt', '-le-Château', '-lès-Bains', '-en-Bresse', '-d’Aigues',
    ' Haute', '-Saint-Père', '-aux-Bœufs'],
};
// prettier-ignore
const STREET_NAMES = ['de la Gare', 'de l’Église', 'du Château', 'de la République', 'du Général Leclerc',
  'des Écoles', 'du Moulin', 'de la Forêt', 'Jean Jaurès', 'Victor Hugo', 'Pasteur', 'des Tilleuls', 'des Lilas',
  'du 8 Mai 1945', 'du Docteur Fréry', 'du Maréchal Foch', 'Saint-Éloi', 'des Œillets', 'des Peupliers',
  'des Prés', 'de la Fontaine', "de l'Espérance", 'de la Libération', 'du Commandant Charcot', 'des 5 Frères',
  'Aristide Briand', 'Gambetta', 'des Jardins', 'du Stade', 'de Verdun', 'de Lattre de Tassigny', 'Kléber',
  'du Champ de Foire', 'des Cordeliers', 'de la Poste'];
const STREET_TYPES: readonly (readonly [code: string, written: readonly string[]])[] = [
  ['RUE', ['rue', 'Rue', 'RUE', 'r.', 'R']],
  ['AV', ['avenue', 'Av.', 'AVENUE', 'av']],
  ['PL', ['place', 'Pl.', 'PLACE']],
  ['BD', ['boulevard', 'Bd', 'BD']],
  ['CHEM1', ['chemin', 'Che.', 'CHEMIN']],
  ['ALL', ['allée', 'All.', 'ALLEE']],
  ['IMP', ['impasse', 'Imp.', 'IMPASSE']],
  ['RTE', ['route', 'Rte', 'ROUTE']],
  ['FAUB', ['faubourg', 'Fg', 'FAUBOURG']],
  ['GRAN4', ['Grande Rue', 'GRANDE RUE', "Grand'Rue"]],
];
// prettier-ignore
const VENUES = ['Mairie', 'MAIRIE', 'mairie', 'Hôtel de Ville', 'HOTEL DE VILLE', 'Maison des associations',
  'MAISON DES ASSOCIATIONS', 'Cité des Associations', 'Maison du Peuple - salle 21', 'Salle des fêtes',
  'SALLE POLYVALENTE', 'Foyer rural', 'MJC', 'Maison pour tous', 'en Mairie', 'Mairie annexe', 'Siège social : Mairie'];
// prettier-ignore
const BUILDINGS = ['Centre Atria', 'Centre ATRIA - 3ème étage', 'Collège Vauban', 'Espace Jean Moulin',
  'Maison de l’Enfance', 'Gymnase municipal', 'Ecole primaire', 'Centre social Les Glacis', 'Stade municipal',
  'Complexe sportif', 'Médiathèque', 'Salle Jeanne d’Arc'];
// prettier-ignore
const LIEUX_DITS = ['La Villatte', 'Le Bourg', 'LE BOURG', 'Chabannes', 'Les Salles', 'Le Montet', 'La Croix du Breuil',
  'Lavaud', 'Les Granges', 'Puy Mouchet'];
// prettier-ignore
const OTHERS = ['Chez M. Jean DUPONT', 'chez Mme Martin', 'c/o Famille Petit', '1er étage', 'Bâtiment B', 'Appt 12',
  'Rez-de-chaussée', 'BP 12', 'Boîte postale 4', 'à l’attention du président'];
const PLACEHOLDERS = ['_', 'NC', 'inconnu', '-', 'Non communiqué', 'néant', '?'];
const REPETITIONS = ['B', 'bis', 'BIS', 'ter', 'A', 'C', 'T'];

/** An RNA row's seat cells (by column name) and its commune. */
interface SeatRow {
  readonly cells: Readonly<Record<string, string>>;
  readonly commune: SeatCommune;
}

const pick = <T>(items: readonly T[], random: () => number): T =>
  items[Math.floor(random() * items.length)] as T;
const stripAccents = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '');

/** A house number as written in `adrs_numvoie`: « 12 », « 012 », « 12B », « 12 bis », « 27-29 ». */
function houseNumber(random: () => number): string {
  const n = 1 + Math.floor(random() ** 2 * 150);
  const r = random();
  if (r < 0.7) return String(n);
  if (r < 0.78) return `${n}${pick(REPETITIONS, random)}`;
  if (r < 0.86) return `${n} ${pick(REPETITIONS, random)}`;
  if (r < 0.92) return `0${n}`;
  if (r < 0.96) return `${n}-${n + 2}`;
  return `${n},`;
}

/** A street name as written: capitals, no accents, « St », doubled spaces, a final full stop. */
function streetName(random: () => number): string {
  let name = pick(STREET_NAMES, random);
  const r = random();
  if (r < 0.4) name = name.toUpperCase();
  if (random() < 0.25) name = stripAccents(name);
  if (random() < 0.05) name = name.replace(/Saint/i, 'St').replace(/Général/i, 'Gal');
  if (random() < 0.05) name = `${name.replace(/ /g, '  ')}.`;
  return name;
}

/** The seat cells of one row (waldec split fields, or the older free-text lines). */
function seatCells(random: () => number, commune: SeatCommune): Record<string, string> {
  const [code, written] = pick(STREET_TYPES, random);
  const waldec = {
    adrs_complement: '',
    adrs_numvoie: '',
    adrs_repetition: random() < 0.9 ? ' ' : '',
    adrs_typevoie: '',
    adrs_libvoie: '',
    adrs_distrib: '_',
    adrs_libcommune: random() < 0.7 ? commune.nom.toUpperCase() : commune.nom,
  };
  const r = random();
  if (r < 0.45) {
    // A numbered street in the split fields, the type as a code or written in the name.
    const typed = random() < 0.8;
    return {
      ...waldec,
      adrs_numvoie: houseNumber(random),
      adrs_repetition: random() < 0.03 ? 'B' : waldec.adrs_repetition,
      adrs_typevoie: typed ? code : '',
      adrs_libvoie:
        code === 'GRAN4' ? '' : `${typed ? '' : `${pick(written, random)} `}${streetName(random)}`,
      adrs_distrib: random() < 0.04 ? `BP ${Math.floor(random() * 900)}_` : '_',
    };
  }
  if (r < 0.52)
    return {
      ...waldec,
      adrs_libvoie: `${houseNumber(random)} ${pick(written, random)} ${streetName(random)}`,
    };
  if (r < 0.68) {
    // A public venue, alone or with its address.
    const venue = random() < 0.1 ? `Mairie de ${commune.nom}` : pick(VENUES, random);
    const street = random() < 0.4;
    return {
      ...waldec,
      adrs_complement: venue,
      adrs_numvoie: street ? houseNumber(random) : '',
      adrs_typevoie: street ? code : '',
      adrs_libvoie: street && code !== 'GRAN4' ? streetName(random) : '',
    };
  }
  if (r < 0.76) {
    const numbered = random() < 0.5;
    return {
      ...waldec,
      adrs_complement: pick(BUILDINGS, random),
      adrs_numvoie: numbered ? houseNumber(random) : '',
      adrs_typevoie: code,
      adrs_libvoie: code === 'GRAN4' ? '' : streetName(random),
    };
  }
  if (r < 0.82) {
    const ld = random() < 0.3;
    return {
      ...waldec,
      adrs_numvoie: random() < 0.3 ? houseNumber(random) : '',
      adrs_typevoie: ld ? 'LD' : '',
      adrs_libvoie: pick(LIEUX_DITS, random),
    };
  }
  if (r < 0.87) return { ...waldec, adrs_typevoie: code, adrs_libvoie: streetName(random) };
  if (r < 0.92)
    return {
      ...waldec,
      adrs_complement: pick(OTHERS, random),
      adrs_libvoie: random() < 0.5 ? pick(PLACEHOLDERS, random) : '',
      adrs_distrib: random() < 0.3 ? '_CS 50199' : random() < 0.5 ? '_18 rue de Verdun' : '_',
    };
  if (r < 0.95) return { ...waldec, adrs_libvoie: random() < 0.5 ? pick(PLACEHOLDERS, random) : '' };
  // The older `rna_import` layout: free-text lines.
  return {
    adr1: random() < 0.3 ? pick(OTHERS, random) : random() < 0.5 ? pick(VENUES, random) : '',
    adr2: `${houseNumber(random)}, ${pick(written, random)} ${streetName(random)}`,
    adr3: random() < 0.2 ? `BP ${Math.floor(random() * 99)}` : '',
    libcom: commune.nom.toUpperCase(),
  };
}

/** `rows` seats over `communes` fictional communes; a third of each commune's rows repeat an earlier seat of it. */
function seatRows(rows: number, communes: number, seed: number): SeatRow[] {
  const random = randomLcg(seed);
  const places: SeatCommune[] = Array.from({ length: communes }, (_, i) => ({
    code: `${String(1 + (i % 95)).padStart(2, '0')}${String(i).padStart(3, '0').slice(-3)}`,
    nom: `${pick(COMMUNE_PARTS.first, random)}${pick(COMMUNE_PARTS.second, random)}`,
  }));
  const earlier = new Map<SeatCommune, Record<string, string>[]>();
  return Array.from({ length: rows }, () => {
    // Communes of very unequal size: a few towns, many villages.
    const commune = places[Math.floor(random() ** 3 * communes)] as SeatCommune;
    const seen = earlier.get(commune) ?? [];
    earlier.set(commune, seen);
    if (seen.length > 0 && random() < 0.35) return { cells: pick(seen, random), commune };
    const cells = seatCells(random, commune);
    seen.push(cells);
    return { cells, commune };
  });
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

/** Times `work` over every row; returns µs per row. */
function time(rows: readonly SeatRow[], work: (row: SeatRow, i: number) => void): number {
  const start = performance.now();
  for (let i = 0; i < rows.length; i++) work(rows[i] as SeatRow, i);
  return ((performance.now() - start) * 1000) / rows.length;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '200000' },
      runs: { type: 'string', default: '5' },
      communes: { type: 'string', default: '2000' },
      seed: { type: 'string', default: '1901' },
    },
    strict: true,
  });
  const [rowCount, runs, communes, seed] = [values.rows, values.runs, values.communes, values.seed].map(
    Number,
  );
  if (![rowCount, runs, communes, seed].every((n) => Number.isInteger(n) && (n ?? 0) > 0))
    throw new Error('--rows, --runs, --communes et --seed : entiers positifs attendus');
  const rows = seatRows(rowCount ?? 0, communes ?? 0, seed ?? 0);
  const distinct = new Set(rows.map((r) => `${r.commune.code}\u0000${JSON.stringify(r.cells)}`)).size;
  console.log(
    `${rows.length.toLocaleString('fr-FR')} sièges de ${communes} communes (${distinct.toLocaleString('fr-FR')} adresses distinctes), ${runs} essais`,
  );
  const normalise: number[] = [];
  const keyed: number[] = [];
  const keys: (string | null)[] = Array.from({ length: rows.length }, () => null);
  let digest = '';
  let places = 0;
  for (let run = 0; run < (runs ?? 0); run++) {
    // Each pass starts with nothing read, as an import does.
    forgetSeatReadings();
    normalise.push(time(rows, ({ cells, commune }) => void normaliseSeat(cells, commune)));
    forgetSeatReadings();
    const seats = new RnaSharedSeats('sel de mesure');
    keyed.push(time(rows, ({ cells, commune }, i) => (keys[i] = seats.keyOf(cells, commune, i % 5 !== 0))));
    const finished = seats.finish();
    const hash = createHash('sha256');
    for (const key of keys) hash.update(`${key}\n`);
    for (const place of finished.places) hash.update(`${place.cle} ${place.commune_code} ${place.libelle}\n`);
    for (const [from, to] of finished.remap) hash.update(`${from}>${to}\n`);
    places = finished.places.length;
    const runDigest = hash.digest('hex').slice(0, 16);
    if (digest && runDigest !== digest) throw new Error('résultats différents d’un essai à l’autre');
    digest = runDigest;
    console.log(
      `  essai ${run + 1} : normaliseSeat ${normalise.at(-1)?.toFixed(2)} µs/ligne, clé + décompte ${keyed.at(-1)?.toFixed(2)} µs/ligne`,
    );
  }
  // Every outcome in full (texts, labels, aliases, reasons): the same digest means the same results.
  const outcomes = createHash('sha256');
  let placed = 0;
  for (const { cells, commune } of rows) {
    const outcome = normaliseSeat(cells, commune);
    if (outcome.ok) placed++;
    outcomes.update(`${JSON.stringify(outcome)}\n`);
  }
  console.log(
    `médianes : normaliseSeat ${median(normalise).toFixed(2)} µs/ligne ; normaliseSeat + clé + décompte (RnaSharedSeats.keyOf) ${median(keyed).toFixed(2)} µs/ligne`,
  );
  console.log(
    `${placed.toLocaleString('fr-FR')} sièges avec un lieu, ${places.toLocaleString('fr-FR')} lieux partagés par 3 associations actives ou plus ; ` +
      `empreintes : sièges ${outcomes.digest('hex').slice(0, 16)}, clés et lieux ${digest}`,
  );
}

main();
