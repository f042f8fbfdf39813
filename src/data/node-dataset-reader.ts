import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { DatasetError, type DatasetReader } from './dataset-reader.ts';

/** A reader for a dataset folder on disk. */
export function folderDatasetReader(folder: string): DatasetReader {
  const root = resolve(folder);
  const read = async (file: string): Promise<Buffer> => {
    try {
      return await readFile(join(root, file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'fichier absent' : ((error as Error).message ?? String(error));
      throw new DatasetError(`Impossible de lire ${join(root, file)} (${reason}).`);
    }
  };
  return {
    describe: (file) => join(root, file),
    readText: async (file) => (await read(file)).toString('utf8'),
    readBytes: async (file) => new Uint8Array(await read(file)),
  };
}
