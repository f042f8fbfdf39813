import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * An input file as the importer reads it: its name (for messages), its size, and its bytes as
 * a stream of chunks, so that a national RNA file of several hundred megabytes is never held
 * whole. The Node command reads a file from disk, the page a `File`, the tests bytes in memory.
 */
export interface ImportSource {
  readonly name: string;
  readonly size: number;
  /** The bytes from the first, chunk by chunk; may be called again to read from the start. */
  chunks(): AsyncIterable<Uint8Array>;
}

/** An incremental sha256: the page and the tests use @noble/hashes, Node its native one. */
export interface Hasher {
  update(bytes: Uint8Array): void;
  hex(): string;
}

/** The default hasher (@noble/hashes: the same code in a browser worker and in Node). */
export function createSha256(): Hasher {
  const state = sha256.create();
  return {
    update: (bytes) => {
      state.update(bytes);
    },
    hex: () => bytesToHex(state.digest()),
  };
}

/** Bytes in memory as a source, served in chunks of `chunkSize` bytes. */
export function sourceFromBytes(name: string, bytes: Uint8Array, chunkSize = 1 << 20): ImportSource {
  return {
    name,
    size: bytes.byteLength,
    async *chunks() {
      for (let start = 0; start < bytes.byteLength; start += chunkSize)
        yield bytes.subarray(start, Math.min(start + chunkSize, bytes.byteLength));
    },
  };
}

/** The first `count` bytes of a source (fewer if it is shorter). */
export async function readHead(source: ImportSource, count: number): Promise<Uint8Array> {
  const head = new Uint8Array(Math.min(count, source.size));
  let filled = 0;
  for await (const chunk of source.chunks()) {
    const take = Math.min(chunk.byteLength, head.byteLength - filled);
    head.set(chunk.subarray(0, take), filled);
    filled += take;
    if (filled >= head.byteLength) break;
  }
  return head.subarray(0, filled);
}

/** Every byte of a source in one array (for formats read whole: GeoJSON, spreadsheets). */
export async function readAll(source: ImportSource, hasher?: Hasher): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of source.chunks()) {
    hasher?.update(chunk);
    parts.push(chunk);
    length += chunk.byteLength;
  }
  if (parts.length === 1 && parts[0]) return parts[0];
  const all = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.byteLength;
  }
  return all;
}

/** A `File` or `Blob` (the page's dropped files) as a source, read through its stream. */
export function sourceFromBlob(name: string, blob: Blob): ImportSource {
  return {
    name,
    size: blob.size,
    async *chunks() {
      const reader = blob.stream().getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        reader.releaseLock();
      }
    },
  };
}
