/*
 * A corpus of bad input files, built here in memory (nothing is committed): each kind of damage a
 * territory's file may arrive with, the slot of the import it is given in (commune outlines, the
 * RNA, an exchanges file), and the outcome expected — a typed error naming the file, line and
 * field, or rows kept and rejected with their reasons, counted by hand from the rows written below.
 *
 * Every bad file is imported beside good companions (the other slots): two communes, three
 * associations, two exchanges, all written in this file.
 */
import { gzipSync } from 'node:zlib';

import * as XLSX from '@e965/xlsx';

import { importDataset } from '../../src/import/import-dataset.ts';
import { MemorySink } from '../../src/import/memory-sink.ts';
import type { FileReport, ImportReport, IssueCode } from '../../src/import/report.ts';
import { sourceFromBytes } from '../../src/import/source.ts';
import { officialCog } from './import-fixtures.ts';
import { TODAY } from './import-runs.ts';

/** Which file of an import the bad one stands for. */
export type Slot = 'communes' | 'associations' | 'exchanges';

/** The import stops: an ImportError naming the file, and the line and column when known. */
export interface ErrorOutcome {
  readonly error: {
    readonly line: number | null;
    readonly column: string | null;
    /** Parts the message must contain, in this order. */
    readonly parts: readonly string[];
  };
}

/** The import goes on: rows of the bad file read = kept + rejected, each rejection with a reason. */
export interface RowsOutcome {
  readonly rows: {
    readonly read: number;
    readonly kept: number;
    readonly rejected: number;
    /** The code of every rejection reason, each counted once per rejected row, sorted. */
    readonly reasons: readonly IssueCode[];
    /** Codes that must be among the file's warnings (a kept row changed, a note on the file). */
    readonly warnings: readonly IssueCode[];
  };
}

export interface BadFile {
  /** What is wrong with the file, in a few words. */
  readonly kind: string;
  readonly slot: Slot;
  readonly name: string;
  readonly bytes: () => Uint8Array;
  readonly expected: ErrorOutcome | RowsOutcome;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Text as UTF-16, little- or big-endian, with or without its byte-order mark. */
function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const code = units.charCodeAt(i);
    bytes[2 * i + (order === 'le' ? 0 : 1)] = code & 0xff;
    bytes[2 * i + (order === 'le' ? 1 : 0)] = code >> 8;
  }
  return bytes;
}

/** Latin text as Windows-1252 bytes (every character below U+0100 maps to its own byte). */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => c.charCodeAt(0) & 0xff));
}

// ---------------------------------------------------------------------------------------------
// The good companions.

/** Two communes of the Ain, as squares around their real place (01015 Arboys en Bugey, 01262 Montluel). */
export const COMMUNE_CODES = ['01015', '01262'] as const;

/** A square ring with its south-west corner at (lon, lat). */
const square = (lon: number, lat: number, side = 0.02) => [
  [lon, lat],
  [lon + side, lat],
  [lon + side, lat + side],
  [lon, lat + side],
  [lon, lat],
];

interface CommuneFeature {
  readonly code: string;
  readonly geometry: unknown;
}

function featureCollection(features: readonly CommuneFeature[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature',
      properties: { code: f.code, nom: `Commune ${f.code}` },
      geometry: f.geometry,
    })),
  });
}

const ARBOYS = { code: '01015', geometry: { type: 'Polygon', coordinates: [square(5.6, 45.8)] } };
const MONTLUEL = { code: '01262', geometry: { type: 'Polygon', coordinates: [square(5.04, 45.84)] } };

export function goodCommunes(): Uint8Array {
  return utf8(featureCollection([ARBOYS, MONTLUEL]));
}

/** The RNA's columns the corpus writes (a subset of `rna_waldec`: the importer needs no more). */
export const RNA_HEADER = 'id;titre;position;adrs_codeinsee;date_creat';

/** Association n (W01100000n), active, seated in `commune`, created on `created`. */
export const rnaLine = (n: number, commune = '01015', created = '2010-05-12') =>
  `W0110000${String(n).padStart(2, '0')};Club ${n};A;${commune};${created}`;

/** Three associations: A1 and A3 in Arboys en Bugey, A2 in Montluel. */
export const RNA_LINES = [rnaLine(1), rnaLine(2, '01262'), rnaLine(3)];

export function goodRna(): Uint8Array {
  return utf8(`${[RNA_HEADER, ...RNA_LINES].join('\n')}\n`);
}

/** The exchanges' columns the corpus writes (the published format's required ones and a few more). */
export const EXCHANGE_HEADER =
  'id_echange;date_debut;date_fin;fournisseur_rna;beneficiaire_rna;type_ressource;modalite;quantite;unite;valeur_marche_eur;statut_donnee;consentement_publication';

interface ExchangeCells {
  readonly id: string;
  readonly start?: string;
  readonly end?: string;
  readonly from?: string;
  readonly to?: string;
  readonly quantity?: string;
  readonly value?: string;
}

/** An exchange: a one-day loan of equipment from A1 to A2 on 10 March 2024, but for `cells`. */
export function exchangeLine(cells: ExchangeCells): string {
  return [
    cells.id,
    cells.start ?? '2024-03-10',
    cells.end ?? cells.start ?? '2024-03-10',
    cells.from ?? 'W011000001',
    cells.to ?? 'W011000002',
    'materiel',
    'pret',
    cells.quantity ?? '2',
    'unite',
    cells.value ?? '50',
    'declare',
    'oui',
  ].join(';');
}

const exchanges = (lines: readonly string[]) => utf8(`${[EXCHANGE_HEADER, ...lines].join('\n')}\n`);

// ---------------------------------------------------------------------------------------------
// The corpus.

const rows = (
  read: number,
  kept: number,
  reasons: readonly IssueCode[] = [],
  warnings: readonly IssueCode[] = [],
): RowsOutcome => ({
  rows: { read, kept, rejected: read - kept, reasons: [...reasons].sort(), warnings },
});

const error = (line: number | null, column: string | null, ...parts: string[]): ErrorOutcome => ({
  error: { line, column, parts },
});

const rna = (
  kind: string,
  name: string,
  bytes: () => Uint8Array,
  expected: BadFile['expected'],
): BadFile => ({
  kind,
  slot: 'associations',
  name,
  bytes,
  expected,
});

const exchangeFile = (
  kind: string,
  name: string,
  lines: readonly string[],
  expected: BadFile['expected'],
) => ({
  kind,
  slot: 'exchanges' as const,
  name,
  bytes: () => exchanges(lines),
  expected,
});

const communeFile = (kind: string, name: string, bytes: () => Uint8Array, expected: BadFile['expected']) => ({
  kind,
  slot: 'communes' as const,
  name,
  bytes,
  expected,
});

/** The text of the good RNA file, lines joined by `end`. */
const rnaText = (end = '\n', lines: readonly string[] = RNA_LINES) =>
  `${[RNA_HEADER, ...lines].join(end)}${end}`;

/** A minimal ZIP archive holding one stored (uncompressed) file. */
function zipOf(name: string, content: Uint8Array): Uint8Array {
  const nameBytes = utf8(name);
  const header = new Uint8Array(30 + nameBytes.length);
  const view = new DataView(header.buffer);
  view.setUint32(0, 0x04034b50, true);
  view.setUint16(4, 10, true);
  view.setUint32(18, content.length, true);
  view.setUint32(22, content.length, true);
  view.setUint16(26, nameBytes.length, true);
  header.set(nameBytes, 30);
  const all = new Uint8Array(header.length + content.length);
  all.set(header);
  all.set(content, header.length);
  return all;
}

/** The good RNA rows as an XLSX workbook. */
function workbook(): Uint8Array {
  const book = XLSX.utils.book_new();
  const cells = [RNA_HEADER, ...RNA_LINES].map((line) => line.split(';'));
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(cells), 'RNA');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** Size of the one-line file: 50 MB of a single line, built at run time. */
export const HUGE_LINE_BYTES = 50 * 1024 * 1024;

/** The RNA file with `lines` under its header. */
const withLines = (lines: readonly string[]) => () => utf8(rnaText('\n', lines));

const [A1 = '', A2 = '', A3 = ''] = RNA_LINES;

/** One line of more than 50 MB (no line end before the file's last byte): built at run time. */
function hugeLine(): Uint8Array {
  const head = utf8(`${RNA_HEADER}\n${A1}\nW011000002;`);
  const all = new Uint8Array(head.length + HUGE_LINE_BYTES + 1);
  all.set(head);
  all.fill(0x61, head.length, head.length + HUGE_LINE_BYTES);
  all[all.length - 1] = 0x0a;
  return all;
}

/** Montluel (01262) with another geometry. */
const montluel = (geometry: unknown) => () => utf8(featureCollection([ARBOYS, { code: '01262', geometry }]));

export const BAD_FILES: readonly BadFile[] = [
  rna('empty file', 'vide.csv', () => new Uint8Array(0), error(null, null, 'fichier vide (0 octet)')),
  rna(
    'header only',
    'entete-seule.csv',
    () => utf8(`${RNA_HEADER}\n`),
    error(null, null, 'aucune ligne de données après l’en-tête'),
  ),
  rna(
    'truncated inside a quote',
    'guillemet-tronque.csv',
    () => utf8(`${RNA_HEADER}\n${A1}\n${A3}\nW011000002;"Club`),
    rows(3, 2, ['missing-cell-error'], ['unclosed-quote']),
  ),
  rna(
    'a quote never closed',
    'guillemet-ouvert.csv',
    () => utf8(`${RNA_HEADER}\n${A1}\n${A3}\nW011000002;"Club 2;A;01262;2010-05-12\n`),
    rows(3, 3, [], ['unclosed-quote']),
  ),
  rna('another separator (|)', 'barres.csv', () => utf8(rnaText().replace(/;/g, '|')), rows(3, 3)),
  rna(
    'rows with another separator than the header',
    'separateurs-melanges.csv',
    () => utf8(`${RNA_HEADER}\n${A1}\n${A3}\n${A2.replace(/;/g, ',')}\n`),
    rows(3, 2, ['missing-cell-error']),
  ),
  rna('UTF-16 LE with BOM', 'utf16le-bom.csv', () => utf16(rnaText('\r\n'), 'le', true), rows(3, 3)),
  rna('UTF-16 BE with BOM', 'utf16be-bom.csv', () => utf16(rnaText('\r\n'), 'be', true), rows(3, 3)),
  rna('UTF-16 LE without BOM', 'utf16le.csv', () => utf16(rnaText('\r\n'), 'le', false), rows(3, 3)),
  rna('UTF-16 BE without BOM', 'utf16be.csv', () => utf16(rnaText('\r\n'), 'be', false), rows(3, 3)),
  rna(
    'binary junk',
    'binaire.csv',
    () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
    error(null, null, 'fichier binaire (octets nuls) : pas un fichier texte', 'un fichier CSV ou un tableur'),
  ),
  rna('gzip renamed .csv', 'compresse.csv', () => new Uint8Array(gzipSync(utf8(rnaText()))), rows(3, 3)),
  rna(
    'truncated gzip renamed .csv',
    'compresse-tronque.csv',
    () => new Uint8Array(gzipSync(utf8(rnaText())).subarray(0, 40)),
    error(null, null, 'fichier gzip endommagé ou tronqué'),
  ),
  rna(
    'ZIP archive renamed .csv',
    'archive.csv',
    () => zipOf('rna.csv', utf8(rnaText())),
    error(null, null, 'archive ZIP (contient rna.csv) : décompressez-la'),
  ),
  rna(
    'damaged XLSX renamed .csv',
    'classeur-abime.csv',
    () => zipOf('[Content_Types].xml', utf8('<Types/>')),
    error(null, null, 'fichier tableur illisible ou tronqué (archive ZIP sans répertoire final)'),
  ),
  rna('XLSX workbook renamed .csv', 'classeur.csv', workbook, rows(3, 3)),
  rna(
    'duplicated header',
    'entete-double.csv',
    withLines([RNA_HEADER, ...RNA_LINES]),
    rows(4, 3, ['commune-unknown', 'constraint-error', 'identifier-invalid']),
  ),
  rna(
    'dropped header cell',
    'entete-courte.csv',
    () => utf8(rnaText().replace(';date_creat', '')),
    error(
      1,
      null,
      'l’en-tête compte 4 colonnes mais chacune des 3 lignes en a 5',
      'un titre de colonne manque',
    ),
  ),
  rna('duplicate ids', 'doublons.csv', withLines([...RNA_LINES, A2]), rows(4, 3, ['duplicate-key'])),
  rna(
    'unknown commune code',
    'commune-inconnue.csv',
    withLines([...RNA_LINES, rnaLine(4, '01999')]),
    rows(4, 3, ['commune-unknown']),
  ),
  rna(
    'malformed commune codes (2A04, 123, 97x01)',
    'codes-malformes.csv',
    withLines([...RNA_LINES, rnaLine(4, '2A04'), rnaLine(5, '123'), rnaLine(6, '97x01')]),
    rows(6, 3, ['commune-unknown', 'commune-unknown', 'commune-unknown']),
  ),
  rna(
    'impossible dates (2024-13-45, 31/02)',
    'dates-impossibles.csv',
    withLines([...RNA_LINES, rnaLine(4, '01015', '2024-13-45'), rnaLine(5, '01015', '31/02/2020')]),
    rows(5, 5, [], ['type-error']),
  ),
  rna(
    'BOM in the middle',
    'bom-milieu.csv',
    withLines([A1, `\ufeff${A2}`, A3]),
    rows(3, 3, [], ['invisible-character']),
  ),
  rna('CR-only line ends', 'cr.csv', () => utf8(rnaText('\r')), rows(3, 3)),
  rna(
    'mixed CRLF and LF',
    'mixte.csv',
    () => utf8(`${RNA_HEADER}\r\n${RNA_LINES.join('\n')}\r\n`),
    rows(3, 3),
  ),
  rna(
    'NUL bytes',
    'nul.csv',
    () => utf8(rnaText().replace('Club 2', 'Club\u00002')),
    rows(3, 3, [], ['control-character-warn']),
  ),
  rna(
    'Windows-1252 text',
    'cp1252.csv',
    () => windows1252(rnaText().replace('Club 2', 'Comité des fêtes')),
    rows(3, 3, [], ['encoding-warn']),
  ),
  rna(
    'spreadsheet formula artefacts (#REF!, =A1, #VALEUR!)',
    'formules.csv',
    withLines([
      ...RNA_LINES,
      'W011000004;#REF!;A;01262;2010-05-12',
      'W011000005;Club 5;A;=A1;2010-05-12',
      'W011000006;Club 6;A;01015;#VALEUR!',
    ]),
    rows(6, 4, ['commune-unknown', 'constraint-error'], ['value-normalised']),
  ),
  rna('trailing separators', 'separateurs-fin.csv', () => utf8(rnaText().replace(/\n/g, ';;\n')), rows(3, 3)),
  rna(
    'a 10,000-column line',
    'colonnes.csv',
    withLines([A1, `${A2}${';x'.repeat(9995)}`, A3]),
    rows(3, 2, ['extra-cell-error'], ['record-truncated']),
  ),
  rna(
    'one 50 MB line',
    'ligne-geante.csv',
    hugeLine,
    error(
      3,
      null,
      'ligne de plus de 16 Mo sans fin de ligne',
      'ce n’est pas un fichier CSV, ou il est endommagé',
    ),
  ),
  exchangeFile(
    'reversed date span',
    'periode-inversee.csv',
    [exchangeLine({ id: 'E1' }), exchangeLine({ id: 'E2', start: '2024-05-10', end: '2024-03-01' })],
    rows(2, 1, ['compare-columns-value']),
  ),
  exchangeFile(
    'impossible exchange dates (2024-13-45, 31/02)',
    'dates-echanges.csv',
    [
      exchangeLine({ id: 'E1' }),
      exchangeLine({ id: 'E2', start: '2024-13-45' }),
      exchangeLine({ id: 'E3', start: '31/02/2024' }),
    ],
    rows(3, 1, ['type-error', 'type-error', 'type-error', 'type-error']),
  ),
  exchangeFile(
    'negative, NaN, Infinity and 1e400 quantities',
    'quantites.csv',
    [
      exchangeLine({ id: 'E1' }),
      exchangeLine({ id: 'E2', quantity: '-3' }),
      exchangeLine({ id: 'E3', quantity: 'NaN' }),
      exchangeLine({ id: 'E4', quantity: 'Infinity' }),
      exchangeLine({ id: 'E5', quantity: '1e400' }),
      exchangeLine({ id: 'E6', value: '-Infinity' }),
    ],
    rows(6, 1, ['constraint-error', 'type-error', 'type-error', 'type-error', 'type-error']),
  ),
  exchangeFile(
    'exchanges with unknown associations',
    'inconnues.csv',
    [exchangeLine({ id: 'E1' }), exchangeLine({ id: 'E2', to: 'W999999999' })],
    rows(2, 1, ['association-unknown']),
  ),
  exchangeFile(
    'an association exchanging with itself',
    'soi-meme.csv',
    [exchangeLine({ id: 'E1' }), exchangeLine({ id: 'E2', to: 'W011000001' })],
    rows(2, 1, ['self-exchange']),
  ),
  exchangeFile(
    'duplicate exchange ids',
    'doublons-echanges.csv',
    [exchangeLine({ id: 'E1' }), exchangeLine({ id: 'E1', quantity: '3' })],
    rows(2, 1, ['duplicate-key', 'duplicate-key']),
  ),
  communeFile(
    'swapped coordinates (lat/lon)',
    'inverse.geojson',
    () =>
      utf8(
        featureCollection([
          {
            code: '01015',
            geometry: { type: 'Polygon', coordinates: [square(5.6, 45.8).map(([x, y]) => [y, x])] },
          },
          MONTLUEL,
        ]),
      ),
    rows(2, 2, [], ['coordinates-swapped']),
  ),
  communeFile(
    'points instead of polygons',
    'points.geojson',
    montluel({ type: 'Point', coordinates: [5.05, 45.85] }),
    rows(2, 1, ['geometry-error']),
  ),
  communeFile(
    'empty polygon',
    'polygone-vide.geojson',
    montluel({ type: 'Polygon', coordinates: [] }),
    rows(2, 1, ['geometry-error']),
  ),
  communeFile(
    'self-intersecting polygon',
    'noeud-papillon.geojson',
    montluel({
      type: 'Polygon',
      coordinates: [
        [
          [5.04, 45.84],
          [5.06, 45.86],
          [5.06, 45.84],
          [5.04, 45.86],
          [5.04, 45.84],
        ],
      ],
    }),
    rows(2, 1, ['geometry-error']),
  ),
  communeFile(
    'invalid JSON',
    'casse.geojson',
    () => utf8(`${featureCollection([ARBOYS]).replace('"features":', '\n"features":\n').slice(0, 60)}`),
    error(3, null, 'JSON illisible'),
  ),
  communeFile(
    'JSON that is not a FeatureCollection',
    'feature.geojson',
    () => utf8(JSON.stringify({ type: 'Feature', properties: {}, geometry: ARBOYS.geometry })),
    error(null, null, 'une FeatureCollection GeoJSON est attendue'),
  ),
  communeFile(
    'only points: no commune to read',
    'que-des-points.geojson',
    () => utf8(featureCollection([{ code: '01015', geometry: { type: 'Point', coordinates: [5.6, 45.8] } }])),
    error(
      null,
      null,
      'aucune commune lisible sur 1 entités',
      '(entité 1 : Polygon ou MultiPolygon attendu, reçu Point)',
    ),
  ),
];

/** What an import of a bad file did: the error it threw, or its report and the rows written. */
export type Outcome =
  | { readonly threw: unknown }
  | {
      readonly report: ImportReport;
      readonly file: FileReport;
      readonly sink: MemorySink;
    };

/** Imports `bad` in its slot, beside the good companions, as `npm run import` and the page do. */
export async function importBadFile(bad: BadFile): Promise<Outcome> {
  const source = (slot: Slot, name: string, good: () => Uint8Array) =>
    bad.slot === slot ? sourceFromBytes(bad.name, bad.bytes(), 1 << 16) : sourceFromBytes(name, good(), 97);
  const sink = new MemorySink();
  try {
    const dataset = await importDataset(
      {
        communes: source('communes', 'communes.geojson', goodCommunes),
        associations: [source('associations', 'rna.csv', goodRna)],
        exchanges: source('exchanges', 'echanges.csv', () =>
          exchanges([
            exchangeLine({ id: 'E1', to: 'W011000003' }),
            exchangeLine({ id: 'E2', from: 'W011000003', to: 'W011000001' }),
          ]),
        ),
      },
      await officialCog(),
      { id: 'corpus', today: TODAY },
      sink,
    );
    const file = dataset.report.files.find((f) => f.file === bad.name);
    if (!file) throw new Error(`${bad.name} absent du rapport`);
    return { report: dataset.report, file, sink };
  } catch (threw) {
    return { threw };
  }
}
