/*
 * A dataset's associations as the template lists them: the living ones (a dissolved association
 * cannot be asked for its exchanges), with their commune's name.
 */
import type { AssociationRow, CommuneRow } from '../data/schema/index.ts';
import type { TemplateAssociation } from './template-model.ts';

/** The template's associations from a dataset's `associations` and `communes` rows. */
export function templateAssociations(
  associations: readonly Pick<AssociationRow, 'id' | 'nom' | 'commune_code' | 'statut'>[],
  communes: readonly Pick<CommuneRow, 'code_insee' | 'nom'>[],
): TemplateAssociation[] {
  const names = new Map(communes.map((c) => [c.code_insee, c.nom]));
  return associations
    .filter((a) => a.statut === 'active')
    .map((a) => ({
      id: a.id,
      name: a.nom,
      communeCode: a.commune_code,
      communeName: names.get(a.commune_code) ?? a.commune_code,
    }));
}
