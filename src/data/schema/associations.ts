import { INSEE_CODE_PATTERN, SIRET_PATTERN, type RowOf, type TableDefinition } from './columns.ts';
import { ASSOCIATION_STATUSES, GEO_PRECISIONS, GROUPINGS } from './vocabularies.ts';

/**
 * Associations of the territory, one row per association (RNA register plus what is known
 * about its activity). Street addresses and people's names are never stored (methodology §5).
 */
export const ASSOCIATIONS_TABLE = {
  name: 'associations',
  file: 'associations.arrow',
  title: 'Associations',
  description: 'Associations du territoire (Répertoire national des associations et compléments).',
  primaryKey: 'id',
  columns: [
    {
      name: 'id',
      type: 'string',
      required: true,
      unique: true,
      title: 'Identifiant',
      description:
        'Numéro RNA (W suivi de 9 chiffres) quand il est connu, sinon un autre identifiant stable (ancien numéro, SIRET).',
      example: 'W901000123',
    },
    { name: 'nom', type: 'string', required: true, title: 'Nom', description: "Titre de l'association." },
    {
      name: 'siret',
      type: 'string',
      required: false,
      pattern: SIRET_PATTERN,
      title: 'SIRET',
      description: 'SIRET du siège, pour les associations inscrites au répertoire SIRENE.',
    },
    {
      name: 'waldec_code',
      type: 'string',
      required: true,
      pattern: '^\\d{6}$',
      title: 'Objet social (code)',
      description: 'Code WALDEC de l’objet social principal (6 chiffres).',
    },
    {
      name: 'waldec_libelle',
      type: 'string',
      required: false,
      title: 'Objet social',
      description: 'Libellé WALDEC de l’objet social principal.',
    },
    {
      name: 'theme_code',
      type: 'string',
      required: true,
      pattern: '^\\d{3}000$',
      title: 'Thème (code)',
      description: 'Thème WALDEC de premier niveau (3 premiers chiffres suivis de 000).',
    },
    {
      name: 'theme_libelle',
      type: 'string',
      required: true,
      title: 'Thème',
      description: 'Libellé du thème WALDEC de premier niveau.',
    },
    {
      name: 'commune_code',
      type: 'string',
      required: true,
      pattern: INSEE_CODE_PATTERN,
      title: 'Commune',
      description: 'Code INSEE de la commune du siège, ramené à la commune en vigueur.',
    },
    {
      name: 'longitude',
      type: 'number',
      required: true,
      minimum: -180,
      maximum: 180,
      title: 'Longitude',
      description: 'Longitude WGS84 du point affiché.',
    },
    {
      name: 'latitude',
      type: 'number',
      required: true,
      minimum: -90,
      maximum: 90,
      title: 'Latitude',
      description: 'Latitude WGS84 du point affiché.',
    },
    {
      name: 'precision_geo',
      type: 'string',
      required: true,
      enum: GEO_PRECISIONS,
      title: 'Précision de la position',
      description:
        'exacte : lieu public géocodé ; commune : point placé dans la commune, faute d’adresse publiable.',
    },
    {
      name: 'date_creation',
      type: 'date',
      required: false,
      title: 'Date de création',
      description: 'Date de création déclarée au RNA.',
    },
    {
      name: 'date_derniere_declaration',
      type: 'date',
      required: false,
      title: 'Dernière déclaration',
      description: 'Date de la dernière déclaration en préfecture (RNA date_decla).',
    },
    {
      name: 'date_dissolution',
      type: 'date',
      required: false,
      title: 'Date de dissolution',
      description: 'Date de dissolution, vide pour une association vivante.',
    },
    {
      name: 'statut',
      type: 'string',
      required: true,
      enum: ASSOCIATION_STATUSES,
      title: 'Statut',
      description: 'Position au RNA : active (A), dissoute (D) ou supprimée (S).',
    },
    {
      name: 'groupement',
      type: 'string',
      required: false,
      enum: GROUPINGS,
      title: 'Groupement',
      description:
        'RNA groupement : association simple (S), union (U) ou fédération (F) d’associations ; vide si inconnu.',
    },
    {
      name: 'siege_cle',
      type: 'string',
      required: false,
      pattern: '^[0-9a-f]{16}$',
      title: 'Siège (clé)',
      description:
        'Empreinte de l’adresse du siège normalisée (RNA adrs_*), pour compter les sièges partagés sans garder l’adresse ; vide si l’adresse est trop vague pour compter.',
    },
    {
      name: 'site_web',
      type: 'string',
      required: false,
      pattern: '^https?://\\S+$',
      title: 'Site web',
      description:
        'Site web public de l’association (RNA siteweb), adresse http(s) complète ; vide si inconnu. Affiché comme lien, jamais interprété.',
      example: 'https://www.exemple.org',
    },
    {
      name: 'adherents',
      type: 'integer',
      required: false,
      minimum: 0,
      title: 'Adhérents',
      description: 'Nombre d’adhérents, quand il est connu.',
    },
    {
      name: 'benevoles',
      type: 'integer',
      required: false,
      minimum: 0,
      title: 'Bénévoles',
      description: 'Nombre de bénévoles réguliers, quand il est connu.',
    },
    {
      name: 'salaries',
      type: 'integer',
      required: false,
      minimum: 0,
      title: 'Salariés',
      description: 'Nombre de salariés, quand il est connu.',
    },
    {
      name: 'budget_annuel_eur',
      type: 'number',
      required: false,
      minimum: 0,
      title: 'Budget annuel (€)',
      description: 'Budget annuel de fonctionnement, quand il est connu.',
    },
  ],
} as const satisfies TableDefinition;

/** An association row, as stored in `associations.arrow` and returned by SQL. */
export type AssociationRow = RowOf<typeof ASSOCIATIONS_TABLE>;
