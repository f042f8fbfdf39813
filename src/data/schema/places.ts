import { INSEE_CODE_PATTERN, type RowOf, type TableDefinition } from './columns.ts';

/**
 * Places: registered seats shared by at least three associations when the dataset was built (a
 * maison des associations, a social centre, a town hall). Only these keep their address: a seat
 * shared by fewer is a count, never a place (methodology §5 — many small associations are
 * registered at a volunteer's home).
 */
export const PLACES_TABLE = {
  name: 'lieux',
  file: 'lieux.arrow',
  title: 'Lieux partagés',
  description:
    'Sièges partagés par au moins trois associations : adresse normalisée et commune (les autres sièges ne sont que comptés).',
  primaryKey: 'cle',
  columns: [
    {
      name: 'cle',
      type: 'string',
      required: true,
      unique: true,
      pattern: '^[0-9a-f]{16}$',
      title: 'Clé',
      description: 'Empreinte de l’adresse normalisée (colonne associations.siege_cle).',
    },
    {
      name: 'commune_code',
      type: 'string',
      required: true,
      pattern: INSEE_CODE_PATTERN,
      title: 'Commune',
      description: 'Code INSEE de la commune du lieu.',
    },
    {
      name: 'libelle',
      type: 'string',
      required: true,
      title: 'Adresse',
      description: 'Adresse normalisée du lieu (numéro, voie), sans complément.',
    },
  ],
} as const satisfies TableDefinition;

export type PlaceRow = RowOf<typeof PLACES_TABLE>;
