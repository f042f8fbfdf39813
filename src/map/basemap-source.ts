import type { StyleSpecification } from 'maplibre-gl';

import type { BasemapFailure } from '../i18n/sections/basemap.ts';

export type { BasemapFailure };

/*
 * A remote basemap (a MapLibre style URL or a raster tile template), checked before the map uses
 * it: its server is named to the user, its style is fetched with a bounded wait, and every way it
 * can fail becomes one short reason the page says.
 */

/** How long the style of a remote basemap may take to arrive before the map goes on without it. */
export const STYLE_FETCH_TIMEOUT_MS = 6_000;

/** A raster tile template ({z}/{x}/{y}) rather than a style URL. */
export function isTileTemplate(url: string): boolean {
  return url.includes('{z}');
}

/** The server a basemap URL points at (`https://tiles.example.org`), or null for no web address. */
export function basemapOrigin(url: string): string | null {
  try {
    const parsed = new URL(url.replace(/\{[xyz]\}/g, '0'));
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

export type StyleResult =
  | { readonly ok: true; readonly style: StyleSpecification }
  | { readonly ok: false; readonly reason: BasemapFailure };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the shape MapLibre needs before handing it a style (its own validation reports errors
 * in events, after the map has started waiting for the style).
 */
export function checkStyle(json: unknown): StyleResult {
  if (
    !isRecord(json) ||
    json['version'] !== 8 ||
    !isRecord(json['sources']) ||
    !Array.isArray(json['layers'])
  )
    return { ok: false, reason: { kind: 'invalid-style' } };
  return { ok: true, style: json as unknown as StyleSpecification };
}

/**
 * Fetches and checks a MapLibre style, giving up after `timeoutMs` (a server that accepts the
 * connection and never answers must not keep the page loading).
 */
export async function fetchBasemapStyle(
  url: string,
  timeoutMs = STYLE_FETCH_TIMEOUT_MS,
  fetcher: typeof fetch = fetch,
): Promise<StyleResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetcher(url, { signal: controller.signal, credentials: 'omit' });
    if (!response.ok) return { ok: false, reason: { kind: 'http', status: response.status } };
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, reason: { kind: 'invalid-json' } };
    }
    return checkStyle(json);
  } catch {
    return {
      ok: false,
      reason: controller.signal.aborted
        ? { kind: 'timeout', seconds: Math.round(timeoutMs / 1000) }
        : { kind: 'network' },
    };
  } finally {
    clearTimeout(timer);
  }
}
