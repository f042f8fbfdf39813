/*
 * A dataset reader for the bench in Node (scripts/bench/engine-run.ts) that reads each file whole,
 * even past Node's 2 GiB limit of `readFile`.
 */
import { open as openFile } from 'node:fs/promises';
import { join } from 'node:path';

import { DatasetError, type DatasetReader } from '../../src/data/dataset-reader.ts';

/**
 * The dataset's files, read whole. Node's `readFile` stops at 2 GiB, and the national exchanges
 * file is larger: read in slices of 1 GiB into one array instead.
 */
export function wholeFileReader(root: string): DatasetReader {
  const read = async (file: string): Promise<Uint8Array> => {
    const path = join(root, file);
    let handle;
    try {
      handle = await openFile(path);
    } catch (error) {
      throw new DatasetError(`Impossible de lire ${path} (${(error as Error).message}).`);
    }
    try {
      const { size } = await handle.stat();
      const bytes = new Uint8Array(size);
      for (let at = 0; at < size;) {
        const { bytesRead } = await handle.read(bytes, at, Math.min(2 ** 30, size - at), at);
        if (bytesRead === 0) throw new DatasetError(`${path} : fichier tronqué pendant la lecture.`);
        at += bytesRead;
      }
      return bytes;
    } finally {
      await handle.close();
    }
  };
  return {
    describe: (file) => join(root, file),
    readText: async (file) => new TextDecoder().decode(await read(file)),
    readBytes: read,
  };
}
