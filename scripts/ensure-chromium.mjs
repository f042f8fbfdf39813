/**
 * @file Makes sure the browser tests have a browser: Debian's Chromium at /usr/bin/chromium.
 *
 * Playwright's own browser download cannot work on our machines (no internet but the npm registry
 * and Debian packages), so `npm test` installs Debian's package when it is missing and it can
 * (root with apt-get, as on CI machines); otherwise it says exactly what to do. Plain JavaScript so
 * that it explains itself on any Node.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const aptGet = existsSync('/usr/bin/apt-get');
  if (!root || !aptGet) {
    console.error(
      `Browser tests need Chromium at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium ` +
        '(Debian/Ubuntu), then run npm test again.',
    );
    process.exit(1);
  }
  console.error(`${CHROMIUM} is missing: installing Debian's chromium package for the browser tests…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (!existsSync(CHROMIUM)) {
    console.error(`apt-get finished but ${CHROMIUM} is still missing.`);
    process.exit(1);
  }
}
