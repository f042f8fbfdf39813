/**
 * Controlled vocabularies shared by several tables, with their French labels.
 * The codes are the values stored in files and in SQL; labels are for people.
 */

/** What is pooled in an exchange (methodology §4.7, `type_ressource`). */
export const RESOURCE_TYPES = [
  'locaux',
  'materiel',
  'vehicule',
  'competences',
  'personnel',
  'information_formation',
  'projet_commun',
  'autre',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const RESOURCE_TYPE_LABELS: Readonly<Record<ResourceType, string>> = {
  locaux: 'Locaux',
  materiel: 'Matériel',
  vehicule: 'Véhicules',
  competences: 'Compétences',
  personnel: 'Personnel',
  information_formation: 'Information, formation',
  projet_commun: 'Projet commun',
  autre: 'Autre',
};

/** Unit of `quantite` in an exchange. */
export const EXCHANGE_UNITS = [
  'heure',
  'jour',
  'mois',
  'unite',
  'm2',
  'km',
  'etp_mois',
  'personne_heure',
] as const;
export type ExchangeUnit = (typeof EXCHANGE_UNITS)[number];

/** How people or goods travelled for an exchange. */
export const TRANSPORT_MODES = [
  'aucun',
  'marche',
  'velo',
  'transport_commun',
  'voiture',
  'voiture_electrique',
  'vul',
] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

/** Whether the receiver would have bought the resource without the exchange (additionality). */
export const WOULD_HAVE_BOUGHT = ['oui', 'partiel', 'non'] as const;

/** How the resource changed hands. Extension of the v0.1 format: needed to tell a loan from a gift. */
export const EXCHANGE_MODALITIES = ['pret', 'don', 'mise_a_disposition', 'co_realisation'] as const;
export type ExchangeModality = (typeof EXCHANGE_MODALITIES)[number];

/**
 * Quality tier of an exchange: declared by one association, confirmed by the partner
 * association, or verified by the coordinator of the survey (lowest to highest).
 */
export const DATA_STATUSES = ['declare', 'confirme', 'verifie'] as const;
export type DataStatus = (typeof DATA_STATUSES)[number];

/** Controlled list of goods categories (`categorie_bien`); free values are accepted but not costed. */
export const GOODS_CATEGORIES = [
  'ordinateur_portable',
  'videoprojecteur',
  'sono',
  'tente_3x3',
  'chapiteau',
  'outil',
  'mobilier_chaise',
  'mobilier_table',
  'vul',
  'voiture',
  'minibus',
] as const;

/** Legal status of an association in the register (RNA `position` A / D / S). */
export const ASSOCIATION_STATUSES = ['active', 'dissoute', 'supprimee'] as const;
export type AssociationStatus = (typeof ASSOCIATION_STATUSES)[number];

/** RNA `groupement`: a simple association (S), a union (U) or a federation (F) of associations. */
export const GROUPINGS = ['simple', 'union', 'federation'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** Precision of an association's position. */
export const GEO_PRECISIONS = ['exacte', 'commune'] as const;
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];

/** Direction of an announcement: something offered, or something needed. */
export const ANNOUNCEMENT_DIRECTIONS = ['offre', 'besoin'] as const;
export const ANNOUNCEMENT_STATUSES = ['ouverte', 'pourvue', 'expiree'] as const;

/** Nature of a grant (SCDL `nature`). */
export const GRANT_NATURES = [
  'aide en numéraire',
  'aide en nature',
  'aide en numéraire;aide en nature',
] as const;
