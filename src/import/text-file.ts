/*
 * A text file read whole (GeoJSON outlines: parsed as one JSON document), whatever it arrives
 * as: UTF-8 or Windows-1252, UTF-16, or gzip-compressed (a damaged stream is named as such).
 * Anything else — an archive, a spreadsheet, a PDF — is named for what it is.
 */
import { ImportError } from './report.ts';
import { sniff, type Sniffed } from './sniff.ts';
import { createSha256, readAll, readHead, type Hasher, type ImportSource } from './source.ts';
import { gunzip } from './table-text.ts';
import { decodeText } from './text.ts';

export interface TextFile {
  readonly text: string;
  readonly sha256: string;
  readonly encoding: string;
}

/** The decompressed bytes of a whole gzip file; a damaged stream throws an ImportError naming it (see `gunzip`). */
function gunzipped(source: ImportSource, compressed: Uint8Array): Promise<Uint8Array> {
  return readAll({
    ...source,
    chunks: () =>
      gunzip(
        (async function* () {
          yield compressed;
        })(),
        source.name,
      ),
  });
}

/** Bytes to text, in the encoding their first bytes show. */
function decoded(bytes: Uint8Array, sniffed: Sniffed): { text: string; encoding: string } {
  if (sniffed.type === 'text' && sniffed.encoding !== 'utf-8 ou windows-1252')
    return { text: new TextDecoder(sniffed.encoding).decode(bytes), encoding: sniffed.encoding };
  const { text, encoding } = decodeText(bytes);
  return { text, encoding };
}

/** The text of a whole file (see the module comment). */
export async function readTextFile(source: ImportSource, hasher: Hasher = createSha256()): Promise<TextFile> {
  const head = await readHead(source, 65536);
  if (head.byteLength === 0) throw new ImportError(source.name, 'fichier vide (0 octet)');
  const sniffed = sniff(head);
  if (sniffed.type === 'other')
    throw new ImportError(source.name, `${sniffed.what} — un fichier GeoJSON est attendu`);
  if (sniffed.type === 'spreadsheet')
    throw new ImportError(
      source.name,
      `tableur ${sniffed.format} — des contours de communes en GeoJSON sont attendus`,
    );
  const bytes = await readAll(source, hasher);
  if (sniffed.type !== 'gzip') return { ...decoded(bytes, sniffed), sha256: hasher.hex() };
  const inner = await gunzipped(source, bytes);
  const { text, encoding } = decoded(inner, sniff(inner.subarray(0, 65536)));
  return { text, sha256: hasher.hex(), encoding: `${encoding}, compressé gzip` };
}
