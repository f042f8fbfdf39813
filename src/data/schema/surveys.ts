import { type RowOf, type TableDefinition } from './columns.ts';

/**
 * Associations asked for their exchanges (surveyed): the coordinator ticks them in the template's
 * association sheet. With the ends of the declared exchanges, they are the associations the
 * cooperation figures cover (src/data/coverage.ts).
 */
export const SURVEYS_TABLE = {
  name: 'enquetes',
  file: 'enquetes.arrow',
  title: 'Associations enquêtées',
  description:
    'Associations sollicitées pour déclarer leurs échanges : leur coopération est connue, même sans échange.',
  primaryKey: 'association_id',
  columns: [
    {
      name: 'association_id',
      type: 'string',
      required: true,
      unique: true,
      title: 'Association',
      description: 'Identifiant de l’association (colonne associations.id).',
    },
    {
      name: 'date_sollicitation',
      type: 'date',
      required: false,
      title: 'Date de sollicitation',
      description: 'Date à laquelle l’association a été sollicitée.',
    },
    {
      name: 'source',
      type: 'string',
      required: false,
      title: 'Source',
      description: 'Fichier ou enquête dont vient l’information.',
    },
  ],
} as const satisfies TableDefinition;

export type SurveyRow = RowOf<typeof SURVEYS_TABLE>;
