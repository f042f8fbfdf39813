/**
 * @file Fails loudly when a script runs on a Node older than the project needs.
 *
 * `npm run …` puts node_modules/.bin first on PATH, where the `node` devDependency installs the
 * current LTS binary. If its install script was skipped, npm would silently fall back to the
 * system Node (20 on our machines), on which Astro and Vitest crash with obscure errors.
 */
// Plain JavaScript on purpose: it must run, and explain itself, on the old Node it rejects.
const MINIMUM = [22, 12];

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const [minMajor, minMinor] = MINIMUM;
if (major < minMajor || (major === minMajor && minor < minMinor)) {
  console.error(
    `Symbiose needs Node >= ${minMajor}.${minMinor}; this is Node ${process.versions.node} (${process.execPath}).\n` +
      'The "node" devDependency provides it: run `npm install` (install scripts must be allowed for "node"),\n' +
      'then always go through `npm run …` / `npx …` so that node_modules/.bin/node comes first on PATH.',
  );
  process.exit(1);
}
