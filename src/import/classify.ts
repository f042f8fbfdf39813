import { normaliseHeader } from './csv.ts';
import type { InputKind } from './report.ts';
import { decodeText } from './text.ts';

/** Header names that tell each CSV format apart (normalised: no case, accents or punctuation). */
const RAW_SIGNATURES: readonly { kind: InputKind; all: readonly string[] }[] = [
  { kind: 'exchanges', all: ['id_echange'] },
  { kind: 'offers', all: ['id_annonce'] },
  { kind: 'waldec', all: ['Identifiant objet social'] },
  { kind: 'waldec', all: ['objet_social_id'] },
  { kind: 'associations', all: ['id', 'titre', 'position'] },
  { kind: 'grants', all: ['nomAttribuant'] },
  { kind: 'grants', all: ['Nom de l’attribuant'] },
];
const SIGNATURES = RAW_SIGNATURES.map((s) => ({ ...s, all: s.all.map(normaliseHeader) }));

/**
 * What a user's file is, from its first bytes: GeoJSON outlines, an RNA file, an SCDL grants
 * file, the WALDEC nomenclature, exchanges or offers in the project's formats — or null.
 */
export function classifyFile(head: Uint8Array): InputKind | null {
  const text = decodeText(head).text.trimStart();
  if (text.startsWith('{')) return /"FeatureCollection"/.test(text) ? 'communes' : null;
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const headers = new Set(firstLine.split(/[;,\t]/).map((h) => normaliseHeader(h.replace(/^"|"$/g, ''))));
  return SIGNATURES.find((s) => s.all.every((h) => headers.has(h)))?.kind ?? null;
}
