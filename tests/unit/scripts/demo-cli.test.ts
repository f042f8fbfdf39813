import { spawnSync } from 'node:child_process';
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

/** Runs `node scripts/demo.ts` with `args`, on the Node that runs the tests. */
function demo(...args: string[]) {
  return spawnSync(process.execPath, ['scripts/demo.ts', ...args], { encoding: 'utf8' });
}

describe('npm run demo', () => {
  it('refuses an unknown scale, saying which ones exist', () => {
    const run = demo('--scale', 'planetary', '--out', join(tmpdir(), 'never'));
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('Erreur : --scale attend demo, regional, national ; reçu « planetary ».');
  });

  it('refuses a count that is not a positive integer', () => {
    const run = demo('--communes', '12.5', '--out', join(tmpdir(), 'never'));
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('Erreur : --communes attend un entier positif, reçu « 12.5 ».');
  });

  it('writes a smaller territory on demand and leaves it alone with --if-missing', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'symbiose-cli-')), 'small');
    const first = demo('--communes', '20', '--associations', '600', '--exchanges', '1500', '--out', out);
    expect(first.status).toBe(0);
    expect(first.stdout.trim()).toBe(out);
    expect(first.stderr).toMatch(/communes 20, associations 600, echanges \d/);
    const written = (await stat(join(out, 'echanges.arrow'))).mtimeMs;
    const second = demo('--if-missing', '--out', out);
    expect(second.status).toBe(0);
    expect(second.stderr.trim()).toBe(`Jeu de données déjà présent : ${out}`);
    expect((await stat(join(out, 'echanges.arrow'))).mtimeMs).toBe(written);
  });
});
