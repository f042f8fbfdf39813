/*
 * A cheap look at where files lie, to pair each commune outline file with its RNA files: the
 * département of each feature's INSEE code, and of each RNA row's seat (`adrs_codeinsee`, else
 * its postcode). The RNA file is read with the importer's own table reader (any encoding,
 * quoted line breaks), up to `SEAT_ROWS` rows.
 */
import { readFile } from 'node:fs/promises';

import { FileReportBuilder } from '../../src/import/report.ts';
import { openTable } from '../../src/import/table-reader.ts';
import { fileSource } from '../lib/file-source.ts';
import type { CorpusFile } from './corpus.ts';

/** Rows of an RNA file looked at: enough for any département's file, and a bounded look at a national one. */
export const SEAT_ROWS = 200_000;

/** Feature properties that may hold the INSEE code (the importer accepts these and a few more). */
const CODE_KEYS = ['code_insee', 'insee_com', 'code', 'codgeo', 'insee', 'code_commune', 'inseecom', 'com'];

const COMMUNE_CODE = /^(\d{5}|2[AB]\d{3})$/;
const POSTCODE = /^\d{5}$/;

/** Counts by département code. */
export type DepartementCounts = ReadonlyMap<string, number>;

/** What a contour file holds: its features, how many carry a commune code, and their départements. */
export interface ContourLook {
  readonly file: CorpusFile;
  readonly features: number;
  readonly communes: number;
  readonly departements: DepartementCounts;
}

/** Where an RNA file's associations have their seat. */
export interface RnaLook {
  readonly file: CorpusFile;
  /** Rows looked at (at most `SEAT_ROWS`), and whether the file has more. */
  readonly rows: number;
  readonly truncated: boolean;
  /** Rows with a seat code or postcode. */
  readonly seated: number;
  readonly departements: DepartementCounts;
}

/** The département of an INSEE commune code (« 90010 » → « 90 », « 97105 » → « 971 »), or null. */
export function departementOfCommune(code: string): string | null {
  const text = code.trim().toUpperCase();
  if (!COMMUNE_CODE.test(text)) return null;
  return text.startsWith('97') || text.startsWith('98') ? text.slice(0, 3) : text.slice(0, 2);
}

/** The département of a postcode (« 90000 » → « 90 »; Corsica's « 20xxx » → « 20 »), or null. */
export function departementOfPostcode(code: string): string | null {
  const text = code.trim();
  if (!POSTCODE.test(text)) return null;
  return text.startsWith('97') || text.startsWith('98') ? text.slice(0, 3) : text.slice(0, 2);
}

function add(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The code-like property of a feature, as text (lower-cased keys; numbers get their zeros back). */
function featureCode(feature: unknown): string {
  const properties = isRecord(feature) && isRecord(feature['properties']) ? feature['properties'] : {};
  const lower = new Map(Object.entries(properties).map(([k, v]) => [k.toLowerCase(), v]));
  const value = CODE_KEYS.map((k) => lower.get(k)).find((v) => v !== undefined && v !== null);
  if (typeof value === 'number') return String(value).padStart(5, '0');
  return typeof value === 'string' ? value : '';
}

/** The départements of a contour file's features (none when it cannot be parsed: the importer will say why). */
export async function lookAtContours(file: CorpusFile): Promise<ContourLook> {
  let features: unknown[] = [];
  try {
    const parsed: unknown = JSON.parse((await readFile(file.path, 'utf8')).replace(/^\uFEFF/, ''));
    if (isRecord(parsed) && Array.isArray(parsed['features'])) features = parsed['features'];
  } catch {
    features = [];
  }
  const departements = new Map<string, number>();
  for (const feature of features) {
    const departement = departementOfCommune(featureCode(feature));
    if (departement) add(departements, departement);
  }
  const communes = [...departements.values()].reduce((a, b) => a + b, 0);
  return { file, features: features.length, communes, departements };
}

/** Whether a contour file is one of communes (most features carry an INSEE commune code). */
export function isCommuneOutline(look: ContourLook): boolean {
  return look.features > 0 && look.communes * 2 > look.features;
}

/** Index of the header cell named `name` (case and surrounding spaces ignored), or -1. */
function column(header: readonly string[], name: string): number {
  return header.findIndex((cell) => cell.trim().toLowerCase() === name);
}

/** The seat départements of an RNA file's rows (the first `SEAT_ROWS`). */
export async function lookAtRna(file: CorpusFile): Promise<RnaLook> {
  const builder = new FileReportBuilder({
    file: file.name,
    kind: 'associations',
    format: '',
    encoding: '',
    sha256: '',
  });
  const score = (cells: readonly string[]) =>
    ['id', 'titre', 'adrs_codeinsee', 'adrs_codepostal'].filter((n) => column(cells, n) >= 0).length;
  const table = await openTable(fileSource(file.path, file.size), builder, {
    scoreHeader: score,
    headerSearch: 25,
  });
  const insee = column(table.header, 'adrs_codeinsee');
  const postcode = column(table.header, 'adrs_codepostal');
  const departements = new Map<string, number>();
  let rows = 0;
  let seated = 0;
  for await (const batch of table.rows()) {
    for (const row of batch) {
      if (rows === SEAT_ROWS) return { file, rows, truncated: true, seated, departements };
      rows++;
      const departement =
        departementOfCommune(row.cells[insee] ?? '') ?? departementOfPostcode(row.cells[postcode] ?? '');
      if (departement === null) continue;
      seated++;
      add(departements, departement);
    }
  }
  return { file, rows, truncated: false, seated, departements };
}

/** Seats of an RNA file inside a contour file's départements (Corsica's postcodes « 20 » count for 2A and 2B). */
export function seatsInside(rna: RnaLook, contour: ContourLook): number {
  const inside = new Set(contour.departements.keys());
  if (inside.has('2A') || inside.has('2B')) inside.add('20');
  return [...inside].reduce((n, d) => n + (rna.departements.get(d) ?? 0), 0);
}

/** « 90 ×3 681, 25 ×52, 70 ×21, … »: the most frequent départements first. */
export function describeCounts(
  counts: DepartementCounts,
  shown: number,
  format: (n: number) => string,
): string {
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const listed = sorted.slice(0, shown).map(([d, n]) => `${d} ×${format(n)}`);
  return `${listed.join(', ')}${sorted.length > shown ? `, … (${sorted.length} départements)` : ''}`;
}
