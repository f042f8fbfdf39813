/*
 * Rows declared twice, within a file or across the files of one import (several filled templates
 * sent back): the same exchange id, or — for exchanges — the same provider, receiver, start date
 * and resource, which is most likely one exchange declared by both partners. The resource is the
 * type with the kind of goods and the description (`categorie_bien`, `libelle`, compared without
 * case, accents or extra spaces): chairs and a sound system lent the same day to the same partner
 * are two exchanges. The first row read is kept; a later one is rejected with a reason naming the
 * file and row of the first, so that every file still accounts for its rows (read = kept +
 * rejected). The declaration form runs the same check over the exchanges already in its list. */
import { issue, type Issue } from './report.ts';

/** Finds rows that repeat one kept before, and remembers the rows kept. */
export interface DuplicateCheck {
  /** Why this row repeats one kept before (empty when it does not). */
  find(row: Readonly<Record<string, unknown>>, file: string, line: number): Issue[];
  /** Remembers a kept row. */
  keep(row: Readonly<Record<string, unknown>>, file: string, line: number): void;
}

/**
 * Where rows were read: a file's index and a line packed in one number (a million files of four
 * billion lines), so remembering a row costs one map entry.
 */
class Places {
  readonly #files: string[] = [];

  pack(file: string, line: number): number {
    let index = this.#files.lastIndexOf(file);
    if (index === -1) index = this.#files.push(file) - 1;
    return index * 2 ** 32 + line;
  }

  unpack(place: number): { readonly file: string; readonly line: number } {
    return { file: this.#files[Math.floor(place / 2 ** 32)] ?? '?', line: place % 2 ** 32 };
  }

  /** « ligne 4 » in the same file, « ligne 4 de « a.xlsx » » in another. */
  describe(place: number, file: string): string {
    const { file: other, line } = this.unpack(place);
    return other === file ? `ligne ${line}` : `ligne ${line} de « ${other} »`;
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Rows identified by one key column (an offer's `id_annonce`). */
export class KeyDuplicates implements DuplicateCheck {
  readonly #key: string;
  readonly #places = new Places();
  readonly #seen = new Map<string, number>();

  constructor(key: string) {
    this.#key = key;
  }

  find(row: Readonly<Record<string, unknown>>, file: string, line: number): Issue[] {
    const id = text(row[this.#key]);
    const first = id === null ? undefined : this.#seen.get(id);
    if (first === undefined) return [];
    return [
      issue(
        line,
        this.#key,
        'duplicate-key',
        `identifiant ${id} déjà lu ${this.#places.describe(first, file)} : ligne écartée, la première gardée`,
      ),
    ];
  }

  keep(row: Readonly<Record<string, unknown>>, file: string, line: number): void {
    const id = text(row[this.#key]);
    if (id !== null && !this.#seen.has(id)) this.#seen.set(id, this.#places.pack(file, line));
  }
}

/** « Prêt de  60 CHAISES » → « pret de 60 chaises »: a text compared without case, accents or extra spaces. */
function fold(value: unknown): string {
  return (text(value) ?? '')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The declaration key of an exchange: provider, receiver (resolved ids), start date, and the
 * resource — its type, kind of goods and description folded (see `fold`).
 */
function declarationKey(row: Readonly<Record<string, unknown>>): string | null {
  const parts = [row['fournisseur_id'], row['beneficiaire_id'], row['date_debut'], row['type_ressource']];
  if (!parts.every((p) => text(p) !== null)) return null;
  return JSON.stringify([...parts, fold(row['categorie_bien']), fold(row['libelle'])]);
}

/** « materiel, mobilier_chaise, « Prêt de 60 chaises » »: the resource as the row gives it. */
function resourceOf(row: Readonly<Record<string, unknown>>): string {
  const label = text(row['libelle']);
  return [text(row['type_ressource']), text(row['categorie_bien']), label && `« ${label} »`]
    .filter(Boolean)
    .join(', ');
}

/** Exchanges: by `id_echange`, and by declaration (see the module comment). */
export class ExchangeDuplicates implements DuplicateCheck {
  readonly #ids = new KeyDuplicates('id_echange');
  readonly #places = new Places();
  readonly #declared = new Map<string, number>();

  find(row: Readonly<Record<string, unknown>>, file: string, line: number): Issue[] {
    const reasons = this.#ids.find(row, file, line);
    const key = declarationKey(row);
    const first = key === null ? undefined : this.#declared.get(key);
    if (first !== undefined)
      reasons.push(
        issue(
          line,
          null,
          'duplicate-key',
          `même fournisseur (${String(row['fournisseur_id'])}), bénéficiaire (${String(row['beneficiaire_id'])}), date de début (${String(row['date_debut'])}) et ressource (${resourceOf(row)}) que la ${this.#places.describe(first, file)} : déclaration en double probable (par les deux partenaires), ligne écartée, la première gardée`,
        ),
      );
    return reasons;
  }

  /** Where the row kept first with the same declaration as `row` was read, or null. */
  declaredAt(
    row: Readonly<Record<string, unknown>>,
  ): { readonly file: string; readonly line: number } | null {
    const key = declarationKey(row);
    const first = key === null ? undefined : this.#declared.get(key);
    return first === undefined ? null : this.#places.unpack(first);
  }

  keep(row: Readonly<Record<string, unknown>>, file: string, line: number): void {
    this.#ids.keep(row, file, line);
    const key = declarationKey(row);
    if (key !== null && !this.#declared.has(key)) this.#declared.set(key, this.#places.pack(file, line));
  }
}
