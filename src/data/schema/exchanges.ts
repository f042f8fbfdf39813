import {
  INSEE_CODE_PATTERN,
  RNA_PATTERN,
  SIRET_PATTERN,
  type RowOf,
  type TableDefinition,
} from './columns.ts';
import {
  DATA_STATUSES,
  EXCHANGE_MODALITIES,
  EXCHANGE_UNITS,
  RESOURCE_TYPES,
  TRANSPORT_MODES,
  WOULD_HAVE_BOUGHT,
} from './vocabularies.ts';

const YES_NO = { trueValues: ['oui'], falseValues: ['non'] } as const;

/**
 * Exchanges between associations: the open format « échanges associatifs » (methodology §4.7,
 * v0.1, French field names kept), plus `modalite` (loan, gift…) and two derived columns that the
 * dataset builder fills with the resolved association ids.
 */
export const EXCHANGES_TABLE = {
  name: 'echanges',
  file: 'echanges.arrow',
  title: 'Échanges associatifs',
  description:
    'Ressources mises en commun entre associations : locaux, matériel, véhicules, compétences, personnel, information, projets communs.',
  primaryKey: 'id_echange',
  columns: [
    {
      name: 'id_echange',
      type: 'string',
      required: true,
      unique: true,
      pattern: '^[A-Za-z0-9_-]{1,64}$',
      title: "Identifiant de l'échange",
      description:
        'Identifiant unique de l’échange chez le producteur (lettres, chiffres, - et _, 64 caractères au plus).',
      example: 'E2024-0001',
    },
    {
      name: 'date_debut',
      type: 'date',
      required: true,
      title: 'Date de début',
      description: 'Premier jour de l’échange, au format AAAA-MM-JJ.',
      example: '2024-05-18',
    },
    {
      name: 'date_fin',
      type: 'date',
      required: false,
      title: 'Date de fin',
      description:
        'Dernier jour de l’échange (AAAA-MM-JJ), postérieur ou égal à la date de début ; vide pour un don. Les quantités d’un échange sur plusieurs jours sont réparties au prorata de ses jours dans chaque période.',
    },
    {
      name: 'fournisseur_rna',
      type: 'string',
      required: false,
      pattern: RNA_PATTERN,
      title: 'RNA du fournisseur',
      description: 'N° RNA de l’association qui fournit la ressource (W suivi de 9 chiffres).',
      example: 'W901000123',
    },
    {
      name: 'fournisseur_siret',
      type: 'string',
      required: false,
      pattern: SIRET_PATTERN,
      title: 'SIRET du fournisseur',
      description: 'SIRET du fournisseur (14 chiffres, sans espace), si le n° RNA est inconnu.',
    },
    {
      name: 'beneficiaire_rna',
      type: 'string',
      required: false,
      pattern: RNA_PATTERN,
      title: 'RNA du bénéficiaire',
      description: 'N° RNA de l’association qui reçoit la ressource (W suivi de 9 chiffres).',
    },
    {
      name: 'beneficiaire_siret',
      type: 'string',
      required: false,
      pattern: SIRET_PATTERN,
      title: 'SIRET du bénéficiaire',
      description: 'SIRET du bénéficiaire (14 chiffres, sans espace), si le n° RNA est inconnu.',
    },
    {
      name: 'fournisseur_commune',
      type: 'string',
      required: false,
      pattern: INSEE_CODE_PATTERN,
      title: 'Commune du fournisseur',
      description: 'Code INSEE de la commune du fournisseur (5 caractères).',
    },
    {
      name: 'beneficiaire_commune',
      type: 'string',
      required: false,
      pattern: INSEE_CODE_PATTERN,
      title: 'Commune du bénéficiaire',
      description: 'Code INSEE de la commune du bénéficiaire (5 caractères).',
    },
    {
      name: 'type_ressource',
      type: 'string',
      required: true,
      enum: RESOURCE_TYPES,
      title: 'Type de ressource',
      description: 'Nature de ce qui est mis en commun.',
    },
    {
      name: 'categorie_bien',
      type: 'string',
      required: false,
      title: 'Catégorie de bien',
      description:
        'Liste contrôlée : ordinateur_portable, videoprojecteur, sono, tente_3x3, chapiteau, outil, mobilier_chaise, mobilier_table, vul, voiture, minibus.',
    },
    {
      name: 'modalite',
      type: 'string',
      required: false,
      enum: EXCHANGE_MODALITIES,
      title: 'Modalité',
      description: 'pret, don, mise_a_disposition (locaux, personnel) ou co_realisation (projet commun).',
    },
    {
      name: 'libelle',
      type: 'string',
      required: false,
      maxLength: 256,
      title: 'Libellé',
      description: 'Description courte de l’échange (256 caractères au plus), sans donnée personnelle.',
    },
    {
      name: 'quantite',
      type: 'number',
      required: true,
      minimum: 0,
      maximum: 1_000_000_000,
      plausibleMaximum: 100_000,
      title: 'Quantité',
      description: 'Quantité échangée, dans l’unité indiquée.',
    },
    {
      name: 'unite',
      type: 'string',
      required: true,
      enum: EXCHANGE_UNITS,
      title: 'Unité',
      description: 'Unité de la quantité.',
    },
    {
      name: 'surface_m2',
      type: 'number',
      required: false,
      minimum: 0,
      maximum: 1_000_000,
      plausibleMaximum: 10_000,
      title: 'Surface (m²)',
      description: 'Surface des locaux mis à disposition.',
    },
    {
      name: 'duree_heures',
      type: 'number',
      required: false,
      minimum: 0,
      maximum: 100_000,
      plausibleMaximum: 8_784,
      title: 'Durée (heures)',
      description: 'Durée d’utilisation ou de prêt, en heures.',
    },
    {
      name: 'masse_kg',
      type: 'number',
      required: false,
      minimum: 0,
      maximum: 10_000_000,
      plausibleMaximum: 50_000,
      title: 'Masse (kg)',
      description: 'Masse des biens prêtés ou donnés.',
    },
    {
      name: 'distance_km',
      type: 'number',
      required: false,
      minimum: 0,
      maximum: 40_075,
      plausibleMaximum: 1_500,
      title: 'Distance (km)',
      description: 'Aller-retour',
    },
    {
      name: 'mode_transport',
      type: 'string',
      required: false,
      enum: TRANSPORT_MODES,
      title: 'Mode de transport',
      description: 'Mode de transport utilisé pour l’échange.',
    },
    {
      name: 'heures_benevoles',
      type: 'number',
      required: false,
      minimum: 0,
      maximum: 10_000_000,
      plausibleMaximum: 20_000,
      title: 'Heures bénévoles',
      description: 'Heures de bénévolat mises en commun.',
    },
    {
      name: 'etp_partages',
      type: 'number',
      required: false,
      minimum: 0,
      maximum: 10_000,
      plausibleMaximum: 50,
      title: 'ETP partagés',
      description:
        'Équivalents temps plein mis à disposition, de date_debut à date_fin. Si quantite est aussi donnée en etp_mois, c’est elle qui compte ; un écart de plus de 10 % entre les deux est signalé à l’import.',
    },
    {
      name: 'beneficiaires',
      type: 'integer',
      required: false,
      minimum: 0,
      maximum: 100_000_000,
      plausibleMaximum: 100_000,
      title: 'Bénéficiaires',
      description: 'Personnes touchées grâce à l’échange (déclaratif, non dédoublonné).',
    },
    {
      name: 'valeur_marche_eur',
      type: 'number',
      required: false,
      minimum: 0,
      maximum: 1_000_000_000,
      plausibleMaximum: 1_000_000,
      title: 'Valeur de marché (€)',
      description: 'Ce qu’aurait coûté la ressource sur le marché, si elle est connue.',
    },
    {
      name: 'contrepartie_eur',
      type: 'number',
      required: false,
      minimum: 0,
      maximum: 1_000_000_000,
      plausibleMaximum: 1_000_000,
      title: 'Contrepartie (€)',
      description: 'Somme versée au fournisseur en échange.',
    },
    {
      name: 'aurait_achete',
      type: 'string',
      required: false,
      enum: WOULD_HAVE_BOUGHT,
      title: 'Aurait acheté',
      description:
        'Sans cet échange, le bénéficiaire aurait-il acheté ou loué la ressource ? oui, partiel ou non.',
    },
    {
      name: 'recurrent',
      type: 'boolean',
      required: false,
      ...YES_NO,
      title: 'Récurrent',
      description:
        'oui si l’échange se répète (par exemple chaque semaine) entre date_debut et date_fin ; quantite en est alors le total.',
    },
    {
      name: 'statut_donnee',
      type: 'string',
      required: true,
      enum: DATA_STATUSES,
      title: 'Statut de la donnée',
      description:
        'declare (déclaré par une association), confirme (confirmé par l’association partenaire) ou verifie (vérifié par la coordination de l’enquête).',
    },
    {
      name: 'source',
      type: 'string',
      required: false,
      title: 'Source',
      description: 'Origine de la déclaration (plateforme, enquête, convention…).',
    },
    {
      name: 'consentement_publication',
      type: 'boolean',
      required: true,
      ...YES_NO,
      title: 'Consentement à la publication',
      description:
        'oui si les deux associations acceptent que l’échange soit montré sur la carte publique ; sinon il ne compte que dans les totaux.',
    },
    {
      name: 'fournisseur_id',
      type: 'string',
      required: false,
      derived: true,
      title: 'Association fournisseuse',
      description: 'Identifiant (colonne associations.id) du fournisseur, résolu par RNA ou SIRET.',
    },
    {
      name: 'beneficiaire_id',
      type: 'string',
      required: false,
      derived: true,
      title: 'Association bénéficiaire',
      description: 'Identifiant (colonne associations.id) du bénéficiaire, résolu par RNA ou SIRET.',
    },
  ],
  customChecks: [
    { name: 'one-of-required', params: { column: 'fournisseur_rna', column2: 'fournisseur_siret' } },
    { name: 'one-of-required', params: { column: 'beneficiaire_rna', column2: 'beneficiaire_siret' } },
    { name: 'siret', params: { column: 'fournisseur_siret' } },
    { name: 'siret', params: { column: 'beneficiaire_siret' } },
    { name: 'compare-columns-value', params: { column: 'date_fin', op: '>=', column2: 'date_debut' } },
  ],
} as const satisfies TableDefinition;

/**
 * Version of the published exchange format. 0.1.0 is the proposal of the methodology brief
 * (§4.7); 0.2.0 adds `modalite` and the goods category `minibus`; 0.3.0 adds the quality tier
 * `confirme` to `statut_donnee` (see the schema's CHANGELOG).
 */
export const EXCHANGE_FORMAT_VERSION = '0.3.0';

/** An exchange row, as stored in `echanges.arrow` and returned by SQL. */
export type ExchangeRow = RowOf<typeof EXCHANGES_TABLE>;
