import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import {
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { RecordBatchStreamWriter } from 'apache-arrow';
import { describe, expect, it } from 'vitest';

import { toArrowSchema, toRecordBatch } from '../../../src/data/arrow-tables.ts';
import { parseManifest } from '../../../src/data/manifest.ts';
import { EXCHANGES_TABLE } from '../../../src/data/schema/index.ts';
import { DatasetWriter, removeOnSignal } from '../../../scripts/lib/dataset-writer.ts';
import { fixtureTerritory } from '../../support/fixture.ts';
import { testManifest } from '../../support/manifest.ts';

async function scratch(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'symbiose-writer-')), 'dataset');
}

describe('DatasetWriter.writeTable(table, batches)', () => {
  it('writes exactly the stream apache-arrow writes for the same batches, with its sha256', async () => {
    const rows = fixtureTerritory().echanges;
    const batches = [rows.slice(0, 2), rows.slice(2, 5), rows.slice(5)];
    const writer = await DatasetWriter.create(await scratch());
    const entry = await writer.writeTable(EXCHANGES_TABLE, batches);
    const reference = new RecordBatchStreamWriter();
    reference.reset(undefined, toArrowSchema(EXCHANGES_TABLE));
    for (const batch of batches) reference.write(toRecordBatch(EXCHANGES_TABLE, batch));
    reference.finish();
    const expected = reference.toUint8Array(true);
    const geometry = await writer.writeGeometry('communes.geojson', {
      type: 'FeatureCollection',
      features: [],
    });
    await writer.commit(
      testManifest(
        { communes: entry, associations: entry, echanges: entry, subventions: entry, offres_besoins: entry },
        geometry,
      ),
    );

    const written = new Uint8Array(await readFile(join(writer.target, 'echanges.arrow')));
    expect(Buffer.from(written).equals(Buffer.from(expected))).toBe(true);
    expect(entry).toEqual({
      file: 'echanges.arrow',
      rows: 27, // X01 to X27
      bytes: expected.byteLength,
      sha256: createHash('sha256').update(expected).digest('hex'),
    });
  });
});

describe('DatasetWriter.abort()', () => {
  it('leaves nothing behind', async () => {
    const target = await scratch();
    const writer = await DatasetWriter.create(target);
    await writer.writeTable(EXCHANGES_TABLE, [fixtureTerritory().echanges]);
    await writer.abort();
    expect(await readdir(join(target, '..'))).toEqual([]);
  });
});

/** A one-table dataset written by the writer at `target`, its `echanges` rows from `rows`. */
async function writeSmallDataset(target: string, rows = fixtureTerritory().echanges): Promise<DatasetWriter> {
  const writer = await DatasetWriter.create(target);
  const entry = await writer.writeTable(EXCHANGES_TABLE, [rows]);
  const geometry = await writer.writeGeometry('communes.geojson', {
    type: 'FeatureCollection',
    features: [],
  });
  await writer.commit(
    testManifest(
      { communes: entry, associations: entry, echanges: entry, subventions: entry, offres_besoins: entry },
      geometry,
    ),
  );
  return writer;
}

/** Every entry under `folder` (type, mode, bytes' sha256), keyed by relative path. */
async function snapshot(folder: string): Promise<Map<string, string>> {
  const tree = new Map<string, string>();
  const walk = async (relative: string): Promise<void> => {
    const path = join(folder, relative);
    const stats = await lstat(path);
    const kind = stats.isDirectory() ? 'dir' : stats.isSymbolicLink() ? 'link' : 'file';
    const content =
      kind === 'file'
        ? createHash('sha256')
            .update(await readFile(path))
            .digest('hex')
        : '';
    tree.set(relative, `${kind} ${stats.mode} ${content}`);
    if (kind === 'dir') for (const name of await readdir(path)) await walk(join(relative, name));
  };
  await walk('.');
  return tree;
}

async function partials(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((name) => name.includes('.partial-'));
}

async function fakeProject(): Promise<string> {
  // Inside a folder of its own: the system's temporary folder is shared with other jobs.
  const project = join(await mkdtemp(join(tmpdir(), 'symbiose-project-')), 'projet');
  await mkdir(project);
  await writeFile(join(project, 'package.json'), '{"name": "projet"}\n');
  await mkdir(join(project, '.git'));
  await writeFile(join(project, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  await mkdir(join(project, 'src'));
  await writeFile(join(project, 'src', 'a.ts'), 'export const a = 1;\n');
  return project;
}

describe('DatasetWriter.create(target): never destroys what it did not write', () => {
  it('refuses a project folder, given as is or as « <folder>/. », and leaves it byte-identical', async () => {
    const project = await fakeProject();
    const before = await snapshot(project);
    for (const target of [project, `${project}/.`]) {
      await expect(DatasetWriter.create(target)).rejects.toThrow(
        /n’est pas un jeu de données écrit par Symbiose \(il contient \.git, package\.json, src\) : indiquez un dossier nouveau ou vide\.$/,
      );
    }
    expect(await snapshot(project)).toEqual(before);
    expect(await partials(dirname(project))).toEqual([]);
    await rm(dirname(project), { recursive: true });
  });

  it('refuses a user’s folder, an existing file and a symbolic link to a dataset, leaving them intact', async () => {
    const root = dirname(await scratch());
    await mkdir(join(root, 'perso'));
    await writeFile(join(root, 'perso', 'notes.txt'), 'à garder');
    await writeFile(join(root, 'fichier'), 'contenu');
    await writeSmallDataset(join(root, 'jeu'));
    await symlink(join(root, 'jeu'), join(root, 'lien'));
    const before = await snapshot(root);
    await expect(DatasetWriter.create(join(root, 'perso'))).rejects.toThrow(/\(il contient notes\.txt\)/);
    await expect(DatasetWriter.create(join(root, 'fichier'))).rejects.toThrow(
      /c’est un fichier, pas un dossier/,
    );
    await expect(DatasetWriter.create(join(root, 'lien'))).rejects.toThrow(/c’est un lien symbolique/);
    expect(await snapshot(root)).toEqual(before);
    expect(await partials(root)).toEqual([]);
    await rm(root, { recursive: true });
  });

  it('writes into an empty folder', async () => {
    const target = await scratch();
    await mkdir(target);
    const writer = await writeSmallDataset(target);
    expect((await readdir(target)).sort()).toEqual(['communes.geojson', 'echanges.arrow', 'manifest.json']);
    expect(await partials(dirname(target))).toEqual([]);
    expect(writer.target).toBe(target);
  });

  it('replaces a previous dataset it wrote, with the importer’s report and rejects', async () => {
    const target = await scratch();
    const old = await DatasetWriter.create(target);
    const entry = await old.writeTable(EXCHANGES_TABLE, [fixtureTerritory().echanges]);
    await rename(join(old.partialFolder, 'echanges.arrow'), join(old.partialFolder, 'ancien.arrow'));
    await old.writeText('rapport-import.json', '{}\n');
    await old.writeText('rejets/echanges.csv', 'ligne;raison\n');
    const geometry = await old.writeGeometry('communes.geojson', { type: 'FeatureCollection', features: [] });
    const moved = { ...entry, file: 'ancien.arrow' };
    await old.commit(
      testManifest(
        { communes: moved, associations: moved, echanges: moved, subventions: moved, offres_besoins: moved },
        geometry,
      ),
    );
    expect(await readFile(join(target, 'rejets', 'echanges.csv'), 'utf8')).toBe('ligne;raison\n');

    await writeSmallDataset(target, fixtureTerritory().echanges.slice(0, 3));
    expect((await readdir(target)).sort()).toEqual(['communes.geojson', 'echanges.arrow', 'manifest.json']);
    const manifest = parseManifest(await readFile(join(target, 'manifest.json'), 'utf8'));
    expect(manifest.tables.echanges.rows).toBe(3);
    expect((await readdir(dirname(target))).sort()).toEqual(['dataset']);
  });

  it('refuses a previous dataset to which a user added a file, at create and again at commit', async () => {
    const target = await scratch();
    await writeSmallDataset(target);
    const writer = await DatasetWriter.create(target);
    await writeFile(join(target, 'notes.txt'), 'ajouté pendant l’écriture');
    const before = await snapshot(target);
    await expect(writeSmallDataset(target)).rejects.toThrow(
      /mais aussi notes\.txt, qui n’en fait pas partie/,
    );
    const entry = await writer.writeTable(EXCHANGES_TABLE, [[]]);
    const geometry = await writer.writeGeometry('communes.geojson', {
      type: 'FeatureCollection',
      features: [],
    });
    const tables = {
      communes: entry,
      associations: entry,
      echanges: entry,
      subventions: entry,
      offres_besoins: entry,
    };
    await expect(writer.commit(testManifest(tables, geometry))).rejects.toThrow(/mais aussi notes\.txt/);
    await writer.abort();
    expect(await snapshot(target)).toEqual(before);
    expect(await partials(dirname(target))).toEqual([]);
  });

  it('fails at once, naming the path and the error, where it cannot write', async () => {
    const root = dirname(await scratch());
    await writeFile(join(root, 'fichier'), '');
    await expect(DatasetWriter.create(join(root, 'fichier', 'out'))).rejects.toThrow(
      `--out « ${join(root, 'fichier', 'out')} » : chemin inaccessible — un élément du chemin n’est pas un dossier (ENOTDIR)`,
    );
    await expect(DatasetWriter.create('/proc/self/symbiose-out')).rejects.toThrow(
      '--out « /proc/self/symbiose-out » : impossible d’écrire dans « /proc/self » — chemin introuvable (ENOENT)',
    );
    await expect(DatasetWriter.create('/sys/symbiose-out')).rejects.toThrow(
      /^--out « \/sys\/symbiose-out » : impossible d’écrire dans « \/sys » — .* \((EACCES|EPERM|EROFS)\)/,
    );
    expect(await readdir(root)).toEqual(['fichier']);
    await rm(root, { recursive: true });
  });
});

describe('DatasetWriter.writeText(file, text)', () => {
  it('creates a subfolder, and refuses a path leaving the dataset', async () => {
    const writer = await DatasetWriter.create(await scratch());
    await writer.writeText('rejets/communes.csv', 'a\n');
    expect(await readFile(join(writer.partialFolder, 'rejets', 'communes.csv'), 'utf8')).toBe('a\n');
    await expect(writer.writeText('../dehors.txt', 'x')).rejects.toThrow('Chemin de fichier invalide');
    await expect(writer.writeText('/etc/x', 'x')).rejects.toThrow('Chemin de fichier invalide');
    await writer.abort();
  });
});

describe('removeOnSignal(writer)', () => {
  it('removes the partial folder and exits with 143 on SIGTERM', async () => {
    const root = dirname(await scratch());
    const script = join(root, 'child.mjs');
    const module = pathToFileURL(resolve('scripts/lib/dataset-writer.ts')).href;
    await writeFile(
      script,
      [
        `import { DatasetWriter, removeOnSignal } from ${JSON.stringify(module)};`,
        'const writer = await DatasetWriter.create(process.argv[2]);',
        'removeOnSignal(writer, () => {});',
        'process.stdout.write(`ready ${writer.partialFolder}\\n`);',
        'setInterval(() => {}, 60_000);',
      ].join('\n'),
    );
    const child = spawn(process.execPath, [script, join(root, 'dataset')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = once(child, 'exit');
    const ready = await new Promise<string>((done, fail) => {
      let out = '';
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) done(out.split('\n')[0] ?? '');
      });
      child.on('exit', (code) => fail(new Error(`exited with ${code} before ready: ${err}`)));
    });
    const partial = ready.replace(/^ready /, '');
    expect(partial).toMatch(/\.dataset\.partial-\d+-[0-9a-f]+$/);
    expect((await stat(partial)).isDirectory()).toBe(true);
    child.kill('SIGTERM');
    const [code, signal] = await exited;
    expect(code === 143 || signal === 'SIGTERM').toBe(true);
    expect(code).toBe(143);
    expect(await partials(root)).toEqual([]);
    await rm(root, { recursive: true });
  });

  it('unregisters its handlers once the writer commits or aborts', async () => {
    const listeners = () => process.listenerCount('SIGINT') + process.listenerCount('SIGTERM');
    const initial = listeners();
    const writer = await DatasetWriter.create(await scratch());
    removeOnSignal(writer);
    expect(listeners()).toBe(initial + 2);
    await writer.abort();
    expect(listeners()).toBe(initial);

    const committed = await DatasetWriter.create(await scratch());
    removeOnSignal(committed);
    const entry = await committed.writeTable(EXCHANGES_TABLE, [[]]);
    const geometry = await committed.writeGeometry('communes.geojson', {
      type: 'FeatureCollection',
      features: [],
    });
    const tables = {
      communes: entry,
      associations: entry,
      echanges: entry,
      subventions: entry,
      offres_besoins: entry,
    };
    await committed.commit(testManifest(tables, geometry));
    expect(listeners()).toBe(initial);
  });
});
