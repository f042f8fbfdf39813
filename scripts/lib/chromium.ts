import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium: `.ci/run` installs it; Playwright's own browser download cannot work here. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for headless Chromium on our machines (platform brief): WebGL on SwiftShader, and no
 * background traffic, which this closed network refuses and which no page of ours should cause.
 */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

export interface HeadlessBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/** Launches headless Chromium on a fresh profile (French locale, 1280 px wide by default). */
export async function launchChromium(viewport = { width: 1280, height: 800 }): Promise<HeadlessBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'symbiose-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    locale: 'fr-FR',
    args: FLAGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
