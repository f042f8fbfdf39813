/*
 * The container of a first view file (layout in first-view.ts): `SYFV`, the header's length
 * (u32 LE), the header (UTF-8 JSON), zeros to a multiple of 8, then 64-bit little-endian floats.
 */

/** The file's first four bytes. */
export const MAGIC = 'SYFV';

/** Where the numbers start: after the magic, the header's length and the header, on a multiple of 8. */
export const dataStartOf = (headerLength: number) => Math.ceil((8 + headerLength) / 8) * 8;

/** The header and the numbers of a first view file, or why it is not one. */
export function readContainer(
  file: ArrayBuffer | Uint8Array,
): { ok: true; header: string; data: Float64Array } | { ok: false; reason: 'format' | 'json' } {
  const bytes = file instanceof Uint8Array ? file : new Uint8Array(file);
  const refused = { ok: false, reason: 'format' } as const;
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) return refused;
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, 8).getUint32(4, true);
  const dataStart = dataStartOf(headerLength);
  if (dataStart > bytes.length || (bytes.length - dataStart) % 8 !== 0) return refused;
  let header: string;
  try {
    header = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength));
  } catch {
    return { ok: false, reason: 'json' };
  }
  // Read in place where the platform is little-endian and the numbers aligned (every browser);
  // else copied, value by value.
  const count = (bytes.length - dataStart) / 8;
  const inPlace = LITTLE_ENDIAN && (bytes.byteOffset + dataStart) % 8 === 0;
  if (inPlace)
    return { ok: true, header, data: new Float64Array(bytes.buffer, bytes.byteOffset + dataStart, count) };
  const view = new DataView(bytes.buffer, bytes.byteOffset + dataStart, count * 8);
  const data = Float64Array.from({ length: count }, (_, i) => view.getFloat64(i * 8, true));
  return { ok: true, header, data };
}

const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;
