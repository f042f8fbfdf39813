/*
 * The associations of a dataset as the linked files look for them: by RNA number, SIRET, SIREN
 * (another establishment of the same association) and, for grants files that give neither, by
 * name within a commune. Built while the RNA files stream by, holding only these keys: an RNA
 * number `W` + 9 digits is kept as a small integer (no string per association), and the SIRET,
 * SIREN and name keys only when a linked file will look for them — two million associations
 * then take about 60 MB.
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

/** What linked files will look up: each key costs memory only when used. */
export interface IndexKeys {
  /** SIRET and SIREN (grants, exchanges, offers). */
  readonly sirets: boolean;
  /** Name within a commune (grants without identifiers). */
  readonly names: boolean;
}

/** « Association Sportive de Fursac » and « ASSOCIATION SPORTIVE DE FURSAC » are one name. */
export function nameKey(name: string, commune: string): string {
  return `${commune}|${foldName(name)}`;
}

const WALDEC = /^W\d{9}$/;

/** An RNA number as a number (`W` + 9 digits fits a small integer), else null. */
function numeric(id: string): number | null {
  return id.length === 10 && WALDEC.test(id) ? Number(id.slice(1)) : null;
}

export class AssociationIndexBuilder implements AssociationLookup {
  /** Commune of each association: W-numbers by their digits, older register numbers as text. */
  readonly #waldec = new Map<number, string>();
  readonly #others = new Map<string, string>();
  readonly #sirets: Map<string, string> | null;
  readonly #sirens: Map<string, string> | null;
  /** Null marks a name shared by several associations of a commune: no match by name there. */
  readonly #names: Map<string, string | null> | null;

  constructor(keys: IndexKeys = { sirets: true, names: true }) {
    this.#sirets = keys.sirets ? new Map() : null;
    this.#sirens = keys.sirets ? new Map() : null;
    this.#names = keys.names ? new Map() : null;
  }

  /** An index of associations already in a dataset (files added to a loaded dataset). */
  static of(rows: readonly Keyed[]): AssociationIndexBuilder {
    const index = new AssociationIndexBuilder();
    for (const row of rows) index.add(row);
    return index;
  }

  get size(): number {
    return this.#waldec.size + this.#others.size;
  }

  has(id: string): boolean {
    return this.communeOf(id) !== null;
  }

  add(row: Keyed): void {
    const number = numeric(row.id);
    if (number === null) this.#others.set(row.id, row.commune_code);
    else this.#waldec.set(number, row.commune_code);
    if (row.siret && this.#sirets && this.#sirens) {
      this.#sirets.set(row.siret, row.id);
      if (!this.#sirens.has(row.siret.slice(0, 9))) this.#sirens.set(row.siret.slice(0, 9), row.id);
    }
    if (this.#names) {
      const key = nameKey(row.nom, row.commune_code);
      this.#names.set(key, this.#names.has(key) ? null : row.id);
    }
  }

  byId(id: string): string | null {
    return this.has(id) ? id : null;
  }

  bySiret(siret: string): string | null {
    return this.#sirets?.get(siret) ?? null;
  }

  bySiren(siren: string): string | null {
    return this.#sirens?.get(siren) ?? null;
  }

  byName(name: string, commune: string): string | null {
    return this.#names?.get(nameKey(name, commune)) ?? null;
  }

  communeOf(id: string): string | null {
    const number = numeric(id);
    return (number === null ? this.#others.get(id) : this.#waldec.get(number)) ?? null;
  }
}
