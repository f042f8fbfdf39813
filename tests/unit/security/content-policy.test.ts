import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  buildContentPolicy,
  buildSettings,
  isOriginAllowedByPolicy,
  parseFrameAncestors,
  parseOriginList,
  securityHeaders,
  toHeaderPolicy,
  toMetaPolicy,
} from '../../../src/security/content-policy.ts';

const SETTING = 'SYMBIOSE_BASEMAP_ORIGINS';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('parseOriginList(setting, name)', () => {
  it('reads comma-separated https origins, a trailing slash and spaces aside, each once', () => {
    expect(
      parseOriginList(
        ' https://tiles.example.org, https://a.example.org:8443/ ,,https://tiles.example.org',
        SETTING,
      ),
    ).toEqual(['https://tiles.example.org', 'https://a.example.org:8443']);
    expect(parseOriginList(undefined, SETTING)).toEqual([]);
    expect(parseOriginList('  ', SETTING)).toEqual([]);
  });

  it.each([
    ['http://tiles.example.org'],
    ['https://tiles.example.org/styles/dark.json'],
    ['https://tiles.example.org?key=1'],
    ['tiles.example.org'],
    ['*'],
    ["https://tiles.example.org 'unsafe-inline'"],
    ['https://tiles.example.org; script-src *'],
    ['https://user:secret@tiles.example.org'],
    ['data:'],
  ])('refuses « %s », naming the setting', (value) => {
    expect(() => parseOriginList(value, SETTING)).toThrow(
      `${SETTING} : « ${value.trim()} » n’est pas une origine https (https://hôte[:port], sans chemin).`,
    );
  });
});

describe('parseFrameAncestors(setting)', () => {
  it('lets the site frame itself by default, any site with *, or the origins named', () => {
    expect(parseFrameAncestors(undefined)).toEqual(["'self'"]);
    expect(parseFrameAncestors(' * ')).toEqual(['*']);
    expect(parseFrameAncestors('https://www.ville.example.fr')).toEqual([
      "'self'",
      'https://www.ville.example.fr',
    ]);
  });
});

describe('buildContentPolicy(settings)', () => {
  const settings = { basemapOrigins: ['https://tiles.example.org'], frameAncestors: ["'self'"] };

  it('writes the strict policy, the basemap origins only where a basemap is fetched or drawn', () => {
    expect(toHeaderPolicy(buildContentPolicy(settings))).toBe(
      [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self' data: https://tiles.example.org",
        "font-src 'self'",
        "connect-src 'self' https://tiles.example.org",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
      ].join('; '),
    );
  });

  it('leaves frame-ancestors out of the <meta> policy, where browsers ignore it', () => {
    const meta = toMetaPolicy(buildContentPolicy(settings));
    expect(meta).not.toContain('frame-ancestors');
    expect(`${meta}; frame-ancestors 'self'`).toBe(toHeaderPolicy(buildContentPolicy(settings)));
  });

  it('never allows inline scripts, eval or another origin’s scripts', () => {
    const script = buildContentPolicy(settings).find((d) => d.name === 'script-src');
    expect(script?.sources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });
});

describe('buildSettings(env) and securityHeaders()', () => {
  it('reads the two build settings from the environment, and stops on a bad one', () => {
    expect(
      buildSettings({
        [SETTING]: 'https://tiles.example.org',
        SYMBIOSE_FRAME_ANCESTORS: 'https://www.ville.example.fr',
      }),
    ).toEqual({
      basemapOrigins: ['https://tiles.example.org'],
      frameAncestors: ["'self'", 'https://www.ville.example.fr'],
    });
    expect(() => buildSettings({ [SETTING]: 'http://tiles.example.org' })).toThrow(SETTING);
  });

  it('sends the full policy, no MIME sniffing, and only the origin as referrer', () => {
    expect(securityHeaders({ basemapOrigins: [], frameAncestors: ['*'] })).toEqual({
      'Content-Security-Policy':
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors *",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
  });
});

describe('isOriginAllowedByPolicy(url)', () => {
  it('allows the basemap origins of the build and nothing else', () => {
    vi.stubEnv(SETTING, 'https://tiles.example.org');
    expect(isOriginAllowedByPolicy('https://tiles.example.org/styles/light/style.json?key=1')).toBe(true);
    expect(isOriginAllowedByPolicy('https://tiles.example.org.evil.example/style.json')).toBe(false);
    expect(isOriginAllowedByPolicy('https://evil.example/style.json')).toBe(false);
    expect(isOriginAllowedByPolicy('http://tiles.example.org/style.json')).toBe(false);
    expect(isOriginAllowedByPolicy('javascript:alert(1)')).toBe(false);
    expect(isOriginAllowedByPolicy('data:application/json,{}')).toBe(false);
    expect(isOriginAllowedByPolicy('not a url')).toBe(false);
  });

  it('allows nothing remote when the build names no basemap origin', () => {
    vi.stubEnv(SETTING, '');
    expect(isOriginAllowedByPolicy('https://tiles.example.org/style.json')).toBe(false);
  });

  it('allows the site’s own files, relative or absolute', () => {
    vi.stubEnv(SETTING, '');
    vi.stubGlobal('location', new URL('http://127.0.0.1:4321/?vue=public'));
    expect(isOriginAllowedByPolicy('/basemap/style.json')).toBe(true);
    expect(isOriginAllowedByPolicy('http://127.0.0.1:4321/basemap/style.json')).toBe(true);
    expect(isOriginAllowedByPolicy('http://127.0.0.1:9999/basemap/style.json')).toBe(false);
  });
});
