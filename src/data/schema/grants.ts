import { RNA_PATTERN, SIRET_PATTERN, type RowOf, type TableDefinition } from './columns.ts';
import { GRANT_NATURES } from './vocabularies.ts';

/**
 * Grants to associations in the SCDL « subventions » format (schema.data.gouv.fr v2.1.1, field
 * names kept as published), plus the derived `association_id` link. Older 14-field files have
 * no `rnaBeneficiaire`: the column is then empty.
 */
export const GRANTS_TABLE = {
  name: 'subventions',
  file: 'subventions.arrow',
  title: 'Subventions',
  description: 'Conventions de subvention publiées au format SCDL par les collectivités et l’État.',
  primaryKey: 'id_subvention',
  columns: [
    {
      name: 'id_subvention',
      type: 'string',
      required: true,
      unique: true,
      derived: true,
      title: 'Identifiant',
      description: 'Identifiant de la ligne attribué à la construction du jeu de données.',
    },
    {
      name: 'nomAttribuant',
      type: 'string',
      required: false,
      title: 'Attribuant',
      description:
        'Nom de l’attribuant ; vide quand le fichier source ne le dit pas (listes de subventions sans colonne d’attribuant).',
    },
    {
      name: 'idAttribuant',
      type: 'string',
      required: false,
      pattern: SIRET_PATTERN,
      title: 'SIRET de l’attribuant',
      description: 'SIRET de l’attribuant (14 chiffres).',
    },
    {
      name: 'dateConvention',
      type: 'date',
      required: false,
      title: 'Date de la convention',
      description: 'Date de signature de la convention.',
    },
    {
      name: 'referenceDecision',
      type: 'string',
      required: false,
      title: 'Référence de la décision',
      description: 'Référence de la délibération ou de l’arrêté.',
    },
    {
      name: 'nomBeneficiaire',
      type: 'string',
      required: true,
      title: 'Bénéficiaire',
      description: 'Nom du bénéficiaire.',
    },
    {
      name: 'idBeneficiaire',
      type: 'string',
      required: false,
      pattern: SIRET_PATTERN,
      title: 'SIRET du bénéficiaire',
      description: 'SIRET du bénéficiaire (14 chiffres).',
    },
    {
      name: 'rnaBeneficiaire',
      type: 'string',
      required: false,
      pattern: RNA_PATTERN,
      title: 'RNA du bénéficiaire',
      description: 'N° RNA du bénéficiaire (depuis la version 2.1.0 du schéma).',
    },
    {
      name: 'objet',
      type: 'string',
      required: false,
      maxLength: 256,
      title: 'Objet',
      description: 'Objet de la subvention.',
    },
    {
      name: 'montant',
      type: 'number',
      required: false,
      minimum: 0,
      title: 'Montant (€)',
      description:
        'Montant total de la subvention, avant répartition entre bénéficiaires ; vide pour une aide en nature non valorisée.',
    },
    {
      name: 'nature',
      type: 'string',
      required: false,
      enum: GRANT_NATURES,
      title: 'Nature',
      description:
        'aide en numéraire, aide en nature, ou les deux ; vide quand le fichier source ne le dit pas.',
    },
    {
      name: 'conditionsVersement',
      type: 'string',
      required: false,
      title: 'Conditions de versement',
      description: 'unique, échelonné ou autre.',
    },
    {
      name: 'datesPeriodeVersement',
      type: 'string',
      required: false,
      title: 'Période de versement',
      description: 'Date ou période de versement (AAAA-MM-JJ ou AAAA-MM-JJ/AAAA-MM-JJ).',
    },
    {
      name: 'idRAE',
      type: 'string',
      required: false,
      title: 'Identifiant RAE',
      description: 'Identifiant RAE.',
    },
    {
      name: 'notificationUE',
      type: 'boolean',
      required: false,
      trueValues: ['oui'],
      falseValues: ['non'],
      title: 'Notification UE',
      description: 'Aide notifiée à la Commission européenne.',
    },
    {
      name: 'pourcentageSubvention',
      type: 'number',
      required: true,
      minimum: 0,
      maximum: 1,
      title: 'Part du bénéficiaire',
      description: 'Part du montant revenant à ce bénéficiaire (entre 0,01 et 1).',
    },
    {
      name: 'dispositifAide',
      type: 'string',
      required: false,
      title: 'Dispositif',
      description: 'Programme ou dispositif d’aide.',
    },
    {
      name: 'association_id',
      type: 'string',
      required: false,
      derived: true,
      title: 'Association',
      description:
        'Identifiant de l’association bénéficiaire, résolu par RNA ou SIRET ; vide si non retrouvée.',
    },
  ],
  customChecks: [
    { name: 'one-of-required', params: { column: 'idBeneficiaire', column2: 'rnaBeneficiaire' } },
    { name: 'siret', params: { column: 'idAttribuant' } },
    { name: 'siret', params: { column: 'idBeneficiaire' } },
  ],
} as const satisfies TableDefinition;

/** A grant row, as stored in `subventions.arrow` and returned by SQL. */
export type GrantRow = RowOf<typeof GRANTS_TABLE>;
