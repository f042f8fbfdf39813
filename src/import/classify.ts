/*
 * What a user's file is, from its content (never its name): GeoJSON outlines, an RNA file, a
 * grants file (SCDL or a département's own list), the WALDEC nomenclature, exchanges or offers in
 * the project's formats — as CSV of any encoding, gzip-compressed, or a spreadsheet. The header
 * is looked for among the first rows, as the importer does; in a workbook, on every sheet (the
 * exchange template opens on its instructions), a header named exactly beating one recognised
 * from the words of its titles.
 */
import { EXCHANGES_TABLE } from '../data/schema/index.ts';
import { foldHeader, normaliseHeader } from './columns.ts';
import { detectDelimiter, RecordAssembler, type CsvRecord } from './csv-records.ts';
import { GRANT_FIELDS } from './grant-fields.ts';
import { LineDecoder } from './lines.ts';
import type { InputKind } from './report.ts';
import { sniff } from './sniff.ts';
import { readAll, readHead, type ImportSource } from './source.ts';
import { gunzip } from './table-text.ts';

/** Bytes enough to recognise a text file from its first rows. */
export const HEAD_BYTES = 64 * 1024;

const names = (...list: string[]) => list.map(normaliseHeader);
const exchangeTitle = (name: string) => EXCHANGES_TABLE.columns.find((c) => c.name === name)?.title ?? name;
const SIGNATURES: readonly { kind: InputKind; all: readonly string[] }[] = [
  { kind: 'exchanges', all: names('id_echange') },
  // The collection template (src/kit) heads its columns with the format's French titles.
  { kind: 'exchanges', all: names(exchangeTitle('id_echange'), exchangeTitle('type_ressource')) },
  { kind: 'offers', all: names('id_annonce') },
  { kind: 'waldec', all: names('Identifiant objet social') },
  { kind: 'waldec', all: names('objet_social_id') },
  { kind: 'associations', all: names('id', 'titre', 'position') },
];

const field = (name: string) => GRANT_FIELDS.find((f) => f.name === name);
const BENEFICIARY = ['nomBeneficiaire', 'idBeneficiaire', 'rnaBeneficiaire'].map(field);
const AMOUNTS = ['montant', 'montantFonctionnement', 'montantInvestissement', 'avantagesNature'].map(field);

/** Whether a header cell names a field, by one of its names or the words of its title. */
function names_(spec: (typeof GRANT_FIELDS)[number] | undefined, cell: string): boolean {
  if (!spec) return false;
  const all = new Set([spec.name, ...(spec.aliases ?? [])].map(normaliseHeader));
  return all.has(normaliseHeader(cell)) || (spec.pattern?.test(foldHeader(cell)) ?? false);
}

/** A kind recognised, and how surely: 2 by exact column names, 1 by words of titles. */
interface Recognised {
  readonly kind: InputKind;
  readonly certainty: 1 | 2;
}

function recognise(records: readonly CsvRecord[]): Recognised | null {
  for (const record of records.slice(0, 25)) {
    const cells = record.cells.map((c) => c.trim());
    const headers = new Set(cells.map(normaliseHeader));
    const signed = SIGNATURES.find((s) => s.all.every((h) => headers.has(h)));
    if (signed) return { kind: signed.kind, certainty: 2 };
    const beneficiary = cells.some((c) => BENEFICIARY.some((f) => names_(f, c)));
    const amount = cells.some((c) => AMOUNTS.some((f) => names_(f, c)));
    if (beneficiary && amount) return { kind: 'grants', certainty: 1 };
  }
  return null;
}

/** The kind whose header is among these records, or null. */
export function classifyRecords(records: readonly CsvRecord[]): InputKind | null {
  return recognise(records)?.kind ?? null;
}

function recordsOfText(head: Uint8Array, encoding: 'bytes' | 'utf-16le' | 'utf-16be'): CsvRecord[] {
  const decoder = new LineDecoder('classement', encoding);
  const lines = [...decoder.push(head), ...decoder.end()];
  const assembler = new RecordAssembler(detectDelimiter(lines.slice(0, 60).map((l) => l.text)), null);
  const records = lines.flatMap((line) => assembler.push(line));
  return [...records, ...assembler.end()];
}

/** The surest kind among a workbook's sheets, the first sheet's on ties. */
async function classifySheet(source: ImportSource): Promise<InputKind | null> {
  const { readSheetHeads } = await import('./spreadsheet.ts');
  try {
    let best: Recognised | null = null;
    for (const head of readSheetHeads(await readAll(source), 40)) {
      const found = recognise(head.rows.map((r) => ({ line: r.line, lastLine: r.line, cells: r.cells })));
      if (found && found.certainty > (best?.certainty ?? 0)) best = found;
    }
    return best?.kind ?? null;
  } catch {
    return null;
  }
}

/** What a file is (see the module comment), or null when it is none of the importer's formats. */
export async function classifySource(source: ImportSource): Promise<InputKind | null> {
  const head = await readHead(source, HEAD_BYTES);
  let sniffed = sniff(head);
  let text = head;
  if (sniffed.type === 'spreadsheet') return classifySheet(source);
  if (sniffed.type === 'gzip') {
    text = await readHead({ ...source, chunks: () => gunzip(source.chunks()) }, HEAD_BYTES).catch(
      () => new Uint8Array(),
    );
    sniffed = sniff(text);
  }
  if (sniffed.type !== 'text') return null;
  const encoding = sniffed.encoding === 'utf-8 ou windows-1252' ? 'bytes' : sniffed.encoding;
  const start = new TextDecoder(encoding === 'bytes' ? 'utf-8' : encoding)
    .decode(text.subarray(0, 4096))
    .trimStart();
  if (start.startsWith('{') || start.startsWith('\ufeff{'))
    return /"FeatureCollection"/.test(start) ? 'communes' : null;
  return classifyRecords(recordsOfText(text, encoding));
}
