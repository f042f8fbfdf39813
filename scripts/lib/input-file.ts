import { constants, type Stats } from 'node:fs';
import { access, stat } from 'node:fs/promises';

/** French glosses of the system error codes a path can meet. */
const SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  EACCES: 'permission refusée',
  EPERM: 'opération non permise',
  EROFS: 'système de fichiers en lecture seule',
  ENOENT: 'chemin introuvable',
  ENOTDIR: 'un élément du chemin n’est pas un dossier',
  ENOSPC: 'plus de place sur le disque',
  EEXIST: 'existe déjà',
  ENOTEMPTY: 'dossier non vide',
  EBUSY: 'ressource occupée',
  ELOOP: 'trop de liens symboliques',
  ENAMETOOLONG: 'nom trop long',
  EXDEV: 'autre système de fichiers',
};

/** « permission refusée (EACCES) »: the French gloss of a system error, with its code. */
export function systemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  return `${SYSTEM_ERRORS[code] ?? 'erreur système'} (${code})`;
}

/** What an entry is, in French (« un tube nommé (FIFO) »), from its lstat or stat. */
export function fileKind(stats: Stats): string {
  if (stats.isFile()) return 'un fichier';
  if (stats.isDirectory()) return 'un dossier';
  if (stats.isSymbolicLink()) return 'un lien symbolique';
  if (stats.isFIFO()) return 'un tube nommé (FIFO)';
  if (stats.isSocket()) return 'un socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'un périphérique';
  return 'un élément spécial';
}

/** Raised when an input path is not a readable regular file; the message is French and names it. */
export class InputFileError extends Error {
  override name = 'InputFileError';
}

/**
 * Checks that `path` is a readable regular file (a symbolic link to one is fine) without opening
 * it: opening a FIFO would wait forever for a writer, and a device never ends.
 */
export async function checkInputFile(path: string): Promise<{ size: number }> {
  let stats: Stats;
  try {
    stats = await stat(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const what = missing ? 'introuvable (ENOENT)' : `inaccessible — ${systemReason(error)}`;
    throw new InputFileError(`Fichier d’entrée « ${path} » ${what} : vérifiez le chemin.`);
  }
  if (stats.isDirectory()) {
    throw new InputFileError(
      `« ${path} » est un dossier, pas un fichier : indiquez les fichiers à importer eux-mêmes.`,
    );
  }
  if (!stats.isFile()) {
    throw new InputFileError(
      `« ${path} » est ${fileKind(stats)}, pas un fichier ordinaire : enregistrez d’abord les données dans un fichier.`,
    );
  }
  try {
    await access(path, constants.R_OK);
  } catch (error) {
    throw new InputFileError(
      `Fichier d’entrée « ${path} » illisible — ${systemReason(error)} : vérifiez ses droits de lecture.`,
    );
  }
  return { size: stats.size };
}
