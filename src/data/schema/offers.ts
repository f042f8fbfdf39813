import { type RowOf, type TableDefinition } from './columns.ts';
import { ANNOUNCEMENT_DIRECTIONS, ANNOUNCEMENT_STATUSES, RESOURCE_TYPES } from './vocabularies.ts';

/** What associations offer to share, and what they need: the market the exchanges come from. */
export const OFFERS_TABLE = {
  name: 'offres_besoins',
  file: 'offres_besoins.arrow',
  title: 'Offres et besoins',
  description: 'Ressources que les associations proposent de partager ou recherchent.',
  primaryKey: 'id_annonce',
  columns: [
    {
      name: 'id_annonce',
      type: 'string',
      required: true,
      unique: true,
      pattern: '^[A-Za-z0-9_-]{1,64}$',
      title: 'Identifiant',
      description: 'Identifiant unique de l’annonce.',
    },
    {
      name: 'association_id',
      type: 'string',
      required: true,
      title: 'Association',
      description: 'Identifiant de l’association (colonne associations.id).',
    },
    {
      name: 'sens',
      type: 'string',
      required: true,
      enum: ANNOUNCEMENT_DIRECTIONS,
      title: 'Sens',
      description: 'offre ou besoin.',
    },
    {
      name: 'type_ressource',
      type: 'string',
      required: true,
      enum: RESOURCE_TYPES,
      title: 'Type de ressource',
      description: 'Nature de la ressource, même liste que pour les échanges.',
    },
    {
      name: 'categorie_bien',
      type: 'string',
      required: false,
      title: 'Catégorie de bien',
      description: 'Même liste contrôlée que pour les échanges.',
    },
    {
      name: 'description',
      type: 'string',
      required: true,
      maxLength: 500,
      title: 'Description',
      description: 'Texte de l’annonce (affiché comme texte, jamais interprété).',
    },
    {
      name: 'date_debut',
      type: 'date',
      required: true,
      title: 'Début',
      description: 'Début de la période de l’annonce.',
    },
    {
      name: 'date_fin',
      type: 'date',
      required: false,
      title: 'Fin',
      description: 'Fin de la période, vide si ouverte sans limite.',
    },
    {
      name: 'statut',
      type: 'string',
      required: true,
      enum: ANNOUNCEMENT_STATUSES,
      title: 'Statut',
      description: 'ouverte, pourvue (un échange a eu lieu) ou expiree.',
    },
  ],
} as const satisfies TableDefinition;

/** An offer or need row, as stored in `offres_besoins.arrow` and returned by SQL. */
export type OfferRow = RowOf<typeof OFFERS_TABLE>;
