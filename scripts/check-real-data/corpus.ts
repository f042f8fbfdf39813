/*
 * The files of a folder, recognised by their content (never their name) with the importer's own
 * `classifySource`: commune outlines, RNA files, the WALDEC nomenclature, grants; anything else
 * is listed as ignored.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

import { classifySource } from '../../src/import/classify.ts';
import type { InputKind } from '../../src/import/report.ts';
import { fileSource } from '../lib/file-source.ts';

/** A file of the folder: where it is, its name (as the import report names it) and its size. */
export interface CorpusFile {
  readonly path: string;
  readonly name: string;
  readonly size: number;
}

/** Every file of the folder, by what the importer would read it as. */
export interface Corpus {
  readonly byKind: ReadonlyMap<InputKind, readonly CorpusFile[]>;
  /** Files that are none of the importer's formats (e.g. SOURCES.md). */
  readonly ignored: readonly CorpusFile[];
}

/** Every regular file under a folder, recursively, in name order. */
async function filesUnder(folder: string): Promise<CorpusFile[]> {
  const entries = (await readdir(folder)).sort();
  const lists = await Promise.all(
    entries.map(async (name): Promise<CorpusFile[]> => {
      const path = join(folder, name);
      const info = await stat(path);
      if (info.isDirectory()) return filesUnder(path);
      return info.isFile() ? [{ path, name: basename(path), size: info.size }] : [];
    }),
  );
  return lists.flat();
}

/** Reads the folder and recognises each file by its content. */
export async function readCorpus(folder: string): Promise<Corpus> {
  const byKind = new Map<InputKind, CorpusFile[]>();
  const ignored: CorpusFile[] = [];
  for (const file of await filesUnder(folder)) {
    const kind = file.size === 0 ? null : await classifySource(fileSource(file.path, file.size));
    if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), file]);
    else ignored.push(file);
  }
  return { byKind, ignored };
}

/** The files of one kind (none when the folder has none). */
export function filesOf(corpus: Corpus, kind: InputKind): readonly CorpusFile[] {
  return corpus.byKind.get(kind) ?? [];
}
