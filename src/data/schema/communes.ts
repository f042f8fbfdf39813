import { INSEE_CODE_PATTERN, SIREN_PATTERN, type RowOf, type TableDefinition } from './columns.ts';

/**
 * Communes of the territory (COG-normalised). Their outlines are stored beside the table in a
 * GeoJSON file whose features carry `code_insee` (see the dataset manifest).
 */
export const COMMUNES_TABLE = {
  name: 'communes',
  file: 'communes.arrow',
  title: 'Communes',
  description: 'Communes du territoire, codes du Code officiel géographique en vigueur.',
  primaryKey: 'code_insee',
  columns: [
    {
      name: 'code_insee',
      type: 'string',
      required: true,
      unique: true,
      pattern: INSEE_CODE_PATTERN,
      title: 'Code INSEE',
      description: 'Code officiel géographique de la commune (5 caractères, 2A/2B en Corse).',
      example: '90010',
    },
    { name: 'nom', type: 'string', required: true, title: 'Nom', description: 'Nom officiel de la commune.' },
    {
      name: 'population',
      type: 'integer',
      required: false,
      minimum: 0,
      title: 'Population municipale',
      description:
        'Population municipale INSEE. Vide si inconnue : les indicateurs par habitant sont alors « sans donnée ».',
    },
    {
      name: 'epci_code',
      type: 'string',
      required: false,
      pattern: SIREN_PATTERN,
      title: 'Code EPCI',
      description: "SIREN de l'intercommunalité (EPCI à fiscalité propre) de la commune.",
    },
    {
      name: 'epci_nom',
      type: 'string',
      required: false,
      title: 'Intercommunalité',
      description: "Nom de l'intercommunalité.",
    },
    {
      name: 'departement_code',
      type: 'string',
      required: true,
      pattern: '^(\\d{2,3}|2[AB])$',
      title: 'Département',
      description: 'Code du département.',
    },
    {
      name: 'longitude',
      type: 'number',
      required: true,
      minimum: -180,
      maximum: 180,
      title: 'Longitude',
      description: 'Longitude WGS84 du point de référence (chef-lieu, ou point intérieur du contour).',
    },
    {
      name: 'latitude',
      type: 'number',
      required: true,
      minimum: -90,
      maximum: 90,
      title: 'Latitude',
      description: 'Latitude WGS84 du point de référence.',
    },
    {
      name: 'superficie_km2',
      type: 'number',
      required: false,
      minimum: 0,
      title: 'Superficie (km²)',
      description: 'Superficie calculée à partir du contour.',
    },
  ],
} as const satisfies TableDefinition;

/** A commune row, as stored in `communes.arrow` and returned by SQL. */
export type CommuneRow = RowOf<typeof COMMUNES_TABLE>;
