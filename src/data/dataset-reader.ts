/**
 * Reads the files of one dataset folder, wherever it lives: served over HTTP for the site, on
 * disk for Node. `describe` names a file for error messages (a URL or a path).
 */
export interface DatasetReader {
  readText(file: string): Promise<string>;
  readBytes(file: string): Promise<Uint8Array>;
  describe(file: string): string;
  /** The file in pieces, in order, when the reader can stream it (files on disk). */
  readonly readChunks?: (file: string) => AsyncIterable<Uint8Array>;
}

/** Raised when a dataset file is missing, corrupt or does not match its manifest. */
export class DatasetError extends Error {
  override name = 'DatasetError';
}

/** A reader for a dataset served at `baseUrl` (e.g. `/data/demo/`). */
export function httpDatasetReader(baseUrl: string, fetcher: typeof fetch = fetch): DatasetReader {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const get = async (file: string): Promise<Response> => {
    let response: Response;
    try {
      // Revalidated with the server each time: « Réessayer » after a broken file must not get
      // the same broken copy back from the browser's cache (an unchanged file costs a 304).
      response = await fetcher(`${base}${file}`, { cache: 'no-cache' });
    } catch (error) {
      throw new DatasetError(`Impossible de télécharger ${base}${file} (${(error as Error).message}).`);
    }
    if (!response.ok) {
      throw new DatasetError(`Impossible de télécharger ${base}${file} : réponse HTTP ${response.status}.`);
    }
    return response;
  };
  return {
    describe: (file) => `${base}${file}`,
    readText: async (file) => (await get(file)).text(),
    readBytes: async (file) => new Uint8Array(await (await get(file)).arrayBuffer()),
  };
}

/** A reader for a dataset held in memory (files built in the page from a user's own files). */
export function memoryDatasetReader(files: ReadonlyMap<string, Uint8Array>, label: string): DatasetReader {
  const get = (file: string): Uint8Array => {
    const bytes = files.get(file);
    if (!bytes) throw new DatasetError(`${label}/${file} : fichier absent du jeu importé.`);
    return bytes;
  };
  return {
    describe: (file) => `${label}/${file}`,
    readText: async (file) => new TextDecoder().decode(get(file)),
    readBytes: async (file) => get(file),
  };
}
