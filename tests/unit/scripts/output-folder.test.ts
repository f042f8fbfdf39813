import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { MANIFEST_FILE } from '../../../src/data/manifest.ts';
import { checkInputFile, systemReason } from '../../../scripts/lib/input-file.ts';
import {
  checkOutputFolder,
  createWorkFolder,
  DATASET_EXTRAS,
  OutputFolderError,
} from '../../../scripts/lib/output-folder.ts';

const scratches: string[] = [];

async function scratch(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'symbiose-output-'));
  scratches.push(folder);
  return folder;
}

afterEach(async () => {
  for (const folder of scratches.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** A folder shaped like a dataset: a manifest (the members that matter) and the files it lists. */
async function datasetLike(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  const entry = (file: string) => ({ file, rows: 0, bytes: 0, sha256: '0'.repeat(64) });
  const manifest = {
    schema_version: '0.1.0',
    id: 'ancien',
    tables: { communes: entry('communes.arrow') },
    geometry: { communes: entry('communes.geojson') },
  };
  await writeFile(join(folder, MANIFEST_FILE), JSON.stringify(manifest));
  await writeFile(join(folder, 'communes.arrow'), 'x');
  await writeFile(join(folder, 'communes.geojson'), '{}');
}

async function refusal(target: string): Promise<string> {
  const error = await checkOutputFolder(target).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutputFolderError);
  return (error as Error).message;
}

describe('checkOutputFolder(target)', () => {
  it('accepts a new path, an empty folder and a previous dataset with the importer’s extras', async () => {
    const root = await scratch();
    expect(await checkOutputFolder(join(root, 'nouveau', 'dossier'))).toEqual({ exists: 'none' });
    await mkdir(join(root, 'vide'));
    expect(await checkOutputFolder(join(root, 'vide'))).toEqual({ exists: 'empty' });
    const dataset = join(root, 'jeu');
    await datasetLike(dataset);
    await writeFile(join(dataset, DATASET_EXTRAS.report), '{}');
    await mkdir(join(dataset, DATASET_EXTRAS.rejects));
    await writeFile(join(dataset, DATASET_EXTRAS.rejects, 'communes.csv'), 'a\n');
    expect(await checkOutputFolder(dataset)).toEqual({ exists: 'dataset' });
  });

  it('refuses a project folder, naming its entries', async () => {
    const root = await scratch();
    await writeFile(join(root, 'package.json'), '{}');
    await mkdir(join(root, '.git'));
    await mkdir(join(root, 'src'));
    expect(await refusal(root)).toBe(
      `--out « ${root} » : ce dossier existe et n’est pas un jeu de données écrit par Symbiose (il contient .git, package.json, src) : indiquez un dossier nouveau ou vide.`,
    );
  });

  it('names at most five entries, then « … », and shows where a relative path leads', async () => {
    const root = await scratch();
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) await writeFile(join(root, name), '');
    expect(await refusal(`${root}/.`)).toBe(
      `--out « ${root}/. » (${root}) : ce dossier existe et n’est pas un jeu de données écrit par Symbiose (il contient a, b, c, d, e…) : indiquez un dossier nouveau ou vide.`,
    );
  });

  it('refuses a dataset holding anything else: a note, a subfolder, a non-CSV file among the rejects', async () => {
    const root = await scratch();
    await datasetLike(root);
    await writeFile(join(root, 'notes.txt'), 'mes notes');
    expect(await refusal(root)).toBe(
      `--out « ${root} » : ce dossier contient un jeu de données Symbiose, mais aussi notes.txt, qui n’en fait pas partie : déplacez ces éléments ou indiquez un dossier nouveau ou vide.`,
    );
    await rm(join(root, 'notes.txt'));
    await mkdir(join(root, DATASET_EXTRAS.rejects));
    await writeFile(join(root, DATASET_EXTRAS.rejects, 'photo.jpg'), '');
    await mkdir(join(root, 'communes.arrow.d'));
    expect(await refusal(root)).toMatch(/mais aussi communes\.arrow\.d, rejets, qui n’en font pas partie/);
  });

  it('refuses a folder whose manifest.json is not ours', async () => {
    const root = await scratch();
    await writeFile(join(root, MANIFEST_FILE), '{"name": "autre chose"}');
    expect(await refusal(root)).toMatch(
      /n’est pas un jeu de données écrit par Symbiose \(il contient manifest\.json\)/,
    );
  });

  it('refuses a file, a symbolic link and a device', async () => {
    const root = await scratch();
    await writeFile(join(root, 'fichier'), 'contenu');
    expect(await refusal(join(root, 'fichier'))).toBe(
      `--out « ${join(root, 'fichier')} » : c’est un fichier, pas un dossier : indiquez un dossier nouveau ou vide.`,
    );
    await mkdir(join(root, 'vide'));
    await symlink(join(root, 'vide'), join(root, 'lien'));
    expect(await refusal(join(root, 'lien'))).toBe(
      `--out « ${join(root, 'lien')} » : c’est un lien symbolique, que Symbiose ne suit pas pour écrire : indiquez directement un dossier nouveau ou vide.`,
    );
    expect(await refusal('/dev/null')).toBe(
      '--out « /dev/null » : c’est un périphérique, pas un dossier : indiquez un dossier nouveau ou vide.',
    );
  });

  it('refuses a path under a file, with the system error', async () => {
    expect(await refusal('/dev/null/x')).toBe(
      '--out « /dev/null/x » : chemin inaccessible — un élément du chemin n’est pas un dossier (ENOTDIR) : indiquez un dossier nouveau ou vide, à un endroit où vous pouvez écrire.',
    );
  });
});

describe('createWorkFolder(target)', () => {
  it('creates the missing parents and a hidden, unique work folder next to the target', async () => {
    const root = await scratch();
    const work = await createWorkFolder(join(root, 'a', 'b', 'jeu'));
    expect(work).toMatch(new RegExp(`^${join(root, 'a', 'b')}/\\.jeu\\.partial-${process.pid}-[0-9a-f]{8}$`));
    expect(await checkOutputFolder(work)).toEqual({ exists: 'empty' });
  });

  it('fails at once where Node’s recursive mkdir would loop forever', async () => {
    await expect(createWorkFolder('/proc/self/symbiose/jeu')).rejects.toThrow(
      '--out « /proc/self/symbiose/jeu » : impossible d’écrire dans « /proc/self/symbiose » — chemin introuvable (ENOENT) : indiquez un dossier où vous pouvez écrire.',
    );
  });
});

describe('checkInputFile(path)', () => {
  it('gives the size of a regular file, even through a symbolic link', async () => {
    const root = await scratch();
    await writeFile(join(root, 'a.csv'), 'x;y\n');
    await symlink(join(root, 'a.csv'), join(root, 'lien.csv'));
    expect(await checkInputFile(join(root, 'lien.csv'))).toEqual({ size: 4 });
  });

  it('refuses a directory', async () => {
    const root = await scratch();
    await expect(checkInputFile(root)).rejects.toThrow(
      `« ${root} » est un dossier, pas un fichier : indiquez les fichiers à importer eux-mêmes.`,
    );
  });

  it('refuses a FIFO without opening it (opening would wait forever)', async () => {
    const fifo = join(await scratch(), 'tube');
    execFileSync('mkfifo', [fifo]);
    await expect(checkInputFile(fifo)).rejects.toThrow(
      `« ${fifo} » est un tube nommé (FIFO), pas un fichier ordinaire : enregistrez d’abord les données dans un fichier.`,
    );
  });

  it('refuses a device', async () => {
    await expect(checkInputFile('/dev/null')).rejects.toThrow(
      '« /dev/null » est un périphérique, pas un fichier ordinaire : enregistrez d’abord les données dans un fichier.',
    );
  });

  it('refuses a missing file', async () => {
    const missing = join(await scratch(), 'absent.csv');
    await expect(checkInputFile(missing)).rejects.toThrow(
      `Fichier d’entrée « ${missing} » introuvable (ENOENT) : vérifiez le chemin.`,
    );
  });

  it('words a system error as a person reads it, with its code (permission denied as the example)', () => {
    // Root reads every file, so an unreadable file cannot be made here: the wording is checked on the error itself.
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(systemReason(denied)).toBe('permission refusée (EACCES)');
    expect(systemReason(Object.assign(new Error('x'), { code: 'EWHATEVER' }))).toBe(
      'erreur système (EWHATEVER)',
    );
    expect(systemReason(new Error('sans code'))).toBe('sans code');
  });
});
