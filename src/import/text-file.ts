/*
 * A text file read whole (GeoJSON outlines: parsed as one JSON document), whatever it arrives
 * as: UTF-8 or Windows-1252, UTF-16, or gzip-compressed. Anything else — an archive, a
 * spreadsheet, a PDF — is named for what it is.
 */
import { ImportError } from './report.ts';
import { sniff } from './sniff.ts';
import { createSha256, readAll, readHead, type Hasher, type ImportSource } from './source.ts';
import { gunzip } from './table-text.ts';
import { decodeText } from './text.ts';

export interface TextFile {
  readonly text: string;
  readonly sha256: string;
  readonly encoding: string;
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
  let bytes = await readAll(source, hasher);
  if (sniffed.type === 'gzip') {
    try {
      const compressed = bytes;
      bytes = await readAll({
        ...source,
        chunks: () =>
          gunzip(
            (async function* () {
              yield compressed;
            })(),
          ),
      });
    } catch (error) {
      throw new ImportError(source.name, `fichier gzip illisible ou tronqué (${(error as Error).message})`);
    }
    const inner = sniff(bytes.subarray(0, 65536));
    if (inner.type === 'text' && inner.encoding !== 'utf-8 ou windows-1252')
      return {
        text: new TextDecoder(inner.encoding).decode(bytes),
        sha256: hasher.hex(),
        encoding: `${inner.encoding}, compressé gzip`,
      };
    const decoded = decodeText(bytes);
    return { text: decoded.text, sha256: hasher.hex(), encoding: `${decoded.encoding}, compressé gzip` };
  }
  if (sniffed.encoding !== 'utf-8 ou windows-1252')
    return {
      text: new TextDecoder(sniffed.encoding).decode(bytes),
      sha256: hasher.hex(),
      encoding: sniffed.encoding,
    };
  const decoded = decodeText(bytes);
  return { text: decoded.text, sha256: hasher.hex(), encoding: decoded.encoding };
}
