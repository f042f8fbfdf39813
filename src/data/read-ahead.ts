import type { DatasetReader } from './dataset-reader.ts';

/*
 * Files of a dataset read ahead of their load: started while something else runs (the engine
 * compiling), then taken by the load — each once, so that loading again reads the file again.
 */

/** Files read ahead, keyed by where they are (`describe`), until a load takes them or they are dropped. */
export interface ReadAhead {
  /** Starts reading `files` with `reader`, unless already read ahead. */
  start(reader: DatasetReader, files: readonly string[]): void;
  /**
   * `reader` with the files read ahead: each is taken once (and read again if reading it ahead
   * failed); any other file is read when asked.
   */
  readerFor(reader: DatasetReader): DatasetReader;
  /** Drops whatever was read ahead and not taken. */
  clear(): void;
}

export function createReadAhead(): ReadAhead {
  const ahead = new Map<string, Promise<Uint8Array>>();
  return {
    start(reader, files) {
      for (const file of files) {
        const where = reader.describe(file);
        if (ahead.has(where)) continue;
        const read = reader.readBytes(file);
        // A failed read ahead is read again by the load, which says what went wrong in its context.
        read.catch(() => undefined);
        ahead.set(where, read);
      }
    },
    readerFor(reader) {
      // Without `readChunks`: a streaming load would not take the files read ahead.
      const { readChunks: _streams, ...whole } = reader;
      return {
        ...whole,
        readBytes: (file) => {
          const where = reader.describe(file);
          const read = ahead.get(where);
          ahead.delete(where);
          return read ? read.catch(() => reader.readBytes(file)) : reader.readBytes(file);
        },
      };
    },
    clear() {
      ahead.clear();
    },
  };
}
