/**
 * The site's Content-Security-Policy, in one place: the layout writes it into every page
 * (`<meta http-equiv>`), `npm run serve` sends it as an HTTP header, the README and the generated
 * `_headers` repeat it for hosts. Nothing of ours runs inline: every script is a file of the site,
 * DuckDB compiles its WebAssembly (`'wasm-unsafe-eval'`, not `'unsafe-eval'`), workers are files of
 * the site. The only other origins a page may reach are the basemap origins the publisher allows
 * at build time (SYMBIOSE_BASEMAP_ORIGINS), and the sites that may frame it (SYMBIOSE_FRAME_ANCESTORS,
 * HTTP header only: browsers ignore `frame-ancestors` in a `<meta>`).
 */

/** Build settings, set by astro.config.mjs (Vite `define`) in the built pages; absent in Node. */
declare const __SYMBIOSE_BASEMAP_ORIGINS__: readonly string[] | undefined;

/** One directive: its name and its sources, in the order written. */
export interface PolicyDirective {
  readonly name: string;
  readonly sources: readonly string[];
}

export interface PolicySettings {
  /** https origins a basemap (style, tiles, sprites, glyphs) may be loaded from. */
  readonly basemapOrigins: readonly string[];
  /** Who may show the site in a frame (the embed link): `'self'`, origins, or `*`. */
  readonly frameAncestors: readonly string[];
}

/** The build setting naming the basemap origins the site's policy allows. */
export const BASEMAP_ORIGINS_SETTING = 'SYMBIOSE_BASEMAP_ORIGINS';
/** The build setting naming the sites that may embed the pages (HTTP header only). */
export const FRAME_ANCESTORS_SETTING = 'SYMBIOSE_FRAME_ANCESTORS';

/**
 * Parses a comma-separated list of https origins (`https://tiles.example.org`, no path, query or
 * credentials); an empty or absent setting is none. Throws, naming the setting, on anything else:
 * a typo must stop the build, not ship a policy that blocks the basemap or allows too much.
 */
export function parseOriginList(setting: string | undefined, name: string): string[] {
  const origins: string[] = [];
  for (const raw of (setting ?? '').split(',')) {
    const text = raw.trim();
    if (text === '') continue;
    const url = URL.canParse(text) ? new URL(text) : null;
    const bare = text.replace(/\/$/, '');
    if (
      !url ||
      url.protocol !== 'https:' ||
      url.origin !== bare ||
      url.username !== '' ||
      url.password !== ''
    )
      throw new Error(
        `${name} : « ${text} » n’est pas une origine https (https://hôte[:port], sans chemin).`,
      );
    if (!origins.includes(url.origin)) origins.push(url.origin);
  }
  return origins;
}

/** SYMBIOSE_FRAME_ANCESTORS: `*` (any site may embed), else origins; `'self'` is always allowed. */
export function parseFrameAncestors(setting: string | undefined): string[] {
  if (setting?.trim() === '*') return ['*'];
  return ["'self'", ...parseOriginList(setting, FRAME_ANCESTORS_SETTING)];
}

/**
 * The policy. Each source is there for a reason:
 * - `script-src 'self' 'wasm-unsafe-eval'`: our bundled files; DuckDB-WASM compiles its engine.
 * - `style-src 'self'`: our stylesheets. Styles that React, MapLibre and Recharts set on elements go
 *   through the CSSOM (`element.style`), which the policy does not govern: no `'unsafe-inline'`.
 * - `img-src 'self' data:`: MapLibre's control icons are `data:` SVGs in its stylesheet, and the PNG
 *   export draws the map area through an `<img>` of a `data:` SVG (html-to-image).
 * - `connect-src 'self'`: the dataset, the engine's wasm, fonts the PNG export embeds.
 * - `worker-src 'self'`: DuckDB's, MapLibre's and the importer's workers are files of the site.
 * - basemap origins (build setting) in `connect-src` (style, tiles, glyphs, sprites are fetched) and
 *   `img-src` (MapLibre may decode a raster tile or sprite through an image element).
 * - `frame-ancestors`: who may embed the pages; HTTP header only.
 */
export function buildContentPolicy(settings: PolicySettings): readonly PolicyDirective[] {
  const basemaps = settings.basemapOrigins;
  return [
    { name: 'default-src', sources: ["'self'"] },
    { name: 'script-src', sources: ["'self'", "'wasm-unsafe-eval'"] },
    { name: 'style-src', sources: ["'self'"] },
    { name: 'img-src', sources: ["'self'", 'data:', ...basemaps] },
    { name: 'font-src', sources: ["'self'"] },
    { name: 'connect-src', sources: ["'self'", ...basemaps] },
    { name: 'worker-src', sources: ["'self'"] },
    { name: 'object-src', sources: ["'none'"] },
    { name: 'base-uri', sources: ["'self'"] },
    { name: 'form-action', sources: ["'self'"] },
    { name: 'frame-ancestors', sources: settings.frameAncestors },
  ];
}

/** Directives a `<meta http-equiv>` policy cannot carry (the browser ignores them and says so). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

const serialize = (directives: readonly PolicyDirective[]) =>
  directives.map((d) => [d.name, ...d.sources].join(' ')).join('; ');

/** The policy as the `Content-Security-Policy` HTTP header says it. */
export function toHeaderPolicy(directives: readonly PolicyDirective[]): string {
  return serialize(directives);
}

/** The policy as the pages' `<meta http-equiv="Content-Security-Policy">` says it. */
export function toMetaPolicy(directives: readonly PolicyDirective[]): string {
  return serialize(directives.filter((d) => !HEADER_ONLY.has(d.name)));
}

/** The environment the build runs in (Node); none in the browser. */
function buildEnvironment(): Readonly<Record<string, string | undefined>> {
  return typeof process === 'undefined' ? {} : process.env;
}

/** This build's settings: defined into the pages by the build, read from the environment in Node. */
export function buildSettings(
  env: Readonly<Record<string, string | undefined>> = buildEnvironment(),
): PolicySettings {
  const defined =
    typeof __SYMBIOSE_BASEMAP_ORIGINS__ === 'undefined' ? undefined : __SYMBIOSE_BASEMAP_ORIGINS__;
  return {
    basemapOrigins: defined ?? parseOriginList(env[BASEMAP_ORIGINS_SETTING], BASEMAP_ORIGINS_SETTING),
    frameAncestors: parseFrameAncestors(env[FRAME_ANCESTORS_SETTING]),
  };
}

/**
 * Whether this build's policy lets the page fetch `url`: the site's own origin, or one of the
 * basemap origins the publisher allowed. A relative URL is the site's own. Anything that is not an
 * http(s) URL (`data:`, `javascript:`, junk) is not allowed.
 */
export function isOriginAllowedByPolicy(url: string): boolean {
  const base = typeof location === 'undefined' ? undefined : location.href;
  if (!URL.canParse(url, base)) return false;
  const parsed = new URL(url, base);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (typeof location !== 'undefined' && parsed.origin === location.origin) return true;
  return buildSettings().basemapOrigins.includes(parsed.origin);
}

/**
 * The HTTP headers a host should send with every file of the site (README « Deploying »): the full
 * policy, no MIME sniffing, and only the site's origin (never a view's address) sent to the
 * basemap servers a user allowed.
 */
export function securityHeaders(
  settings: PolicySettings = buildSettings(),
): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': toHeaderPolicy(buildContentPolicy(settings)),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
}
