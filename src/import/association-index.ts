/*
 * The associations of a dataset as the linked files look for them: by RNA number, SIRET, SIREN
 * (another establishment of the same association) and, for grants files that give neither, by
 * name within a commune. Built while the RNA files stream by, so that nothing but these keys is
 * held in memory (two million associations: a few hundred megabytes at most).
 */
import type { AssociationRow } from '../data/schema/index.ts';
import { foldName } from './cog.ts';

type Keyed = Pick<AssociationRow, 'id' | 'siret' | 'nom' | 'commune_code'>;

/** How linked files find an association. */
export interface AssociationLookup {
  /** The association of an RNA number (or dataset id), or null. */
  byId(id: string): string | null;
  bySiret(siret: string): string | null;
  bySiren(siren: string): string | null;
  /** The only association of that name (compared without case, accents, punctuation) in that commune. */
  byName(name: string, commune: string): string | null;
  communeOf(id: string): string | null;
}

/** « Association Sportive de Fursac » and « ASSOCIATION SPORTIVE DE FURSAC » are one name. */
export function nameKey(name: string, commune: string): string {
  return `${commune}|${foldName(name)}`;
}

export class AssociationIndexBuilder implements AssociationLookup {
  readonly #communes = new Map<string, string>();
  readonly #sirets = new Map<string, string>();
  readonly #sirens = new Map<string, string>();
  /** Null marks a name shared by several associations of a commune: no match by name there. */
  readonly #names: Map<string, string | null> | null;

  /** `names`: index names too (only when a grants file may need them). */
  constructor(names = true) {
    this.#names = names ? new Map() : null;
  }

  /** An index of associations already in a dataset (files added to a loaded dataset). */
  static of(rows: readonly Keyed[]): AssociationIndexBuilder {
    const index = new AssociationIndexBuilder();
    for (const row of rows) index.add(row);
    return index;
  }

  get size(): number {
    return this.#communes.size;
  }

  has(id: string): boolean {
    return this.#communes.has(id);
  }

  add(row: Keyed): void {
    this.#communes.set(row.id, row.commune_code);
    if (row.siret) {
      this.#sirets.set(row.siret, row.id);
      if (!this.#sirens.has(row.siret.slice(0, 9))) this.#sirens.set(row.siret.slice(0, 9), row.id);
    }
    if (this.#names) {
      const key = nameKey(row.nom, row.commune_code);
      this.#names.set(key, this.#names.has(key) ? null : row.id);
    }
  }

  byId(id: string): string | null {
    return this.#communes.has(id) ? id : null;
  }

  bySiret(siret: string): string | null {
    return this.#sirets.get(siret) ?? null;
  }

  bySiren(siren: string): string | null {
    return this.#sirens.get(siren) ?? null;
  }

  byName(name: string, commune: string): string | null {
    return this.#names?.get(nameKey(name, commune)) ?? null;
  }

  communeOf(id: string): string | null {
    return this.#communes.get(id) ?? null;
  }
}
