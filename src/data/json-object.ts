/**
 * A file read as one JSON object, for the readers that refuse anything else with a reason:
 * `json` when the text is not JSON, `shape` when it is not an object.
 */
export function readJsonObject(
  text: string,
): { ok: true; value: Readonly<Record<string, unknown>> } | { ok: false; reason: 'json' | 'shape' } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'json' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, reason: 'shape' };
  return { ok: true, value: json as Readonly<Record<string, unknown>> };
}
