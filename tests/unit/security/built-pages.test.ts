/**
 * The built site (dist/, or the folder SYMBIOSE_DIST names; `npm test` builds it first) carries
 * the Content-Security-Policy in every page, and nothing in its pages needs an exception to it:
 * no inline script, style element or attribute, event handler attribute, `javascript:` link.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseFrameAncestors, parseOriginList } from '../../../src/security/content-policy.ts';

const DIST = resolve(process.env['SYMBIOSE_DIST'] ?? 'dist');

/** The basemap origins the build was told to allow (none by default). */
const BASEMAPS = parseOriginList(process.env['SYMBIOSE_BASEMAP_ORIGINS'], 'SYMBIOSE_BASEMAP_ORIGINS');

/** The policy every page must carry, directive by directive, written out by hand. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', ...BASEMAPS],
  'font-src': ["'self'"],
  'connect-src': ["'self'", ...BASEMAPS],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

function builtPages(): { path: string; html: string }[] {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error(`${DIST} holds no built site: run \`npm run build\` first (npm test does).`);
  return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => ({ path: name, html: readFileSync(join(DIST, name), 'utf8') }));
}

/** The directives of a policy text: name → sources. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

const decode = (text: string) =>
  text
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('the built pages', () => {
  const pages = builtPages();

  it('are the observatory and the method pages in both languages', () => {
    expect(pages.map((p) => p.path.replace(/\\/g, '/')).sort()).toEqual(
      expect.arrayContaining(['en/method/index.html', 'index.html', 'methode/index.html']),
    );
  });

  it.each(pages.map((p) => [p.path, p.html] as const))(
    '%s carries the policy first in <head>, with exactly the expected directives',
    (_path, html) => {
      const metas = [
        ...html.matchAll(/<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"\s*\/?>/gi),
      ];
      expect(metas).toHaveLength(1);
      expect(directives(decode(metas[0]?.[1] ?? ''))).toEqual(EXPECTED);
      // Right after the charset: before any stylesheet, script or image it governs.
      expect(html).toMatch(
        /<head>\s*<meta charset="utf-8"\s*\/?>\s*<meta\s+http-equiv="Content-Security-Policy"/i,
      );
    },
  );

  it.each(pages.map((p) => [p.path, p.html] as const))(
    '%s has nothing inline the policy would refuse',
    (_path, html) => {
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      const inline = scripts.filter(([, attributes = '']) => !/\ssrc=/.test(attributes));
      expect(inline.map(([tag]) => tag.slice(0, 120))).toEqual([]);
      // Every script is a file of the site.
      for (const [, attributes = ''] of scripts) expect(attributes).toMatch(/\ssrc="\/[^/]/);
      expect(html).not.toMatch(/<style\b/i);
      // In tags: style and event handler attributes, `javascript:` addresses.
      const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
      expect(tags.filter((tag) => /\s(style|on[a-z]+)=/i.test(tag))).toEqual([]);
      expect(tags.filter((tag) => /=\s*"?\s*javascript:/i.test(tag))).toEqual([]);
    },
  );

  it('ship a _headers file with the full policy for hosts that read one (Netlify, Cloudflare Pages)', () => {
    const text = readFileSync(join(DIST, '_headers'), 'utf8');
    const policy = /^ {2}Content-Security-Policy: (.*)$/m.exec(text)?.[1] ?? '';
    const frameAncestors = parseFrameAncestors(process.env['SYMBIOSE_FRAME_ANCESTORS']);
    expect(text.startsWith('/*\n')).toBe(true);
    expect(directives(policy)).toEqual({ ...EXPECTED, 'frame-ancestors': frameAncestors });
    expect(text).toContain('\n  X-Content-Type-Options: nosniff\n');
  });
});
