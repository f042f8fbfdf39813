/*
 * The register of the loaded territory as entries of the page's search index
 * (src/dashboard/search-index.ts): an association is found by its name, its commune (name or
 * code) or its RNA number / SIRET, all held in the entry's `lieu`.
 */
import { buildSearchIndex, type SearchIndex } from '../dashboard/search-index.ts';
import type { RegisterAssociation } from '../indicators/explore/declaration-register.ts';
import type { SearchEntry } from '../indicators/map-layers-data.ts';
import { identifierOf } from './declaration-rows.ts';

/** « Montval (63240) · W631000123 »: where the association is and how the file names it. */
export function registerPlace(association: RegisterAssociation): string {
  const { rna, siret } = identifierOf(association);
  return `${association.commune_nom} (${association.commune_code}) · ${rna || siret}`;
}

/** The search entries of the register (kind `association`, id the dataset id). */
export function registerEntries(register: readonly RegisterAssociation[]): SearchEntry[] {
  return register.map((a) => ({
    kind: 'association',
    id: a.id,
    nom: a.nom,
    lieu: registerPlace(a),
    longitude: a.longitude,
    latitude: a.latitude,
  }));
}

/** The page's search over the register, and each association by id. */
export function registerSearch(register: readonly RegisterAssociation[]): {
  readonly index: SearchIndex;
  readonly byId: ReadonlyMap<string, RegisterAssociation>;
} {
  return {
    index: buildSearchIndex(registerEntries(register)),
    byId: new Map(register.map((a) => [a.id, a])),
  };
}
