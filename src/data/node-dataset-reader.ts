import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { DatasetError, type DatasetReader } from './dataset-reader.ts';

/** Pieces a file on disk is streamed in (`readChunks`). */
const CHUNK_BYTES = 8 * 1024 * 1024;

const readFailure = (path: string, error: unknown): DatasetError => {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'fichier absent' : ((error as Error).message ?? String(error));
  return new DatasetError(`Impossible de lire ${path} (${reason}).`);
};

/**
 * A reader for a dataset folder on disk. Files are read whole (`readBytes`, at most 2 GiB: Node's
 * `readFile` limit) or streamed (`readChunks`, any size).
 */
export function folderDatasetReader(folder: string): DatasetReader {
  const root = resolve(folder);
  const read = async (file: string): Promise<Buffer> => {
    try {
      return await readFile(join(root, file));
    } catch (error) {
      throw readFailure(join(root, file), error);
    }
  };
  async function* readChunks(file: string): AsyncIterable<Uint8Array> {
    const path = join(root, file);
    try {
      for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }))
        yield new Uint8Array(
          (chunk as Buffer).buffer,
          (chunk as Buffer).byteOffset,
          (chunk as Buffer).byteLength,
        );
    } catch (error) {
      throw readFailure(path, error);
    }
  }
  return {
    describe: (file) => join(root, file),
    readText: async (file) => (await read(file)).toString('utf8'),
    readBytes: async (file) => new Uint8Array(await read(file)),
    readChunks,
  };
}
