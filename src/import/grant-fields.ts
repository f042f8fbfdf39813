/*
 * The columns of a grants file: the SCDL « subventions » fields (schema.data.gouv.fr 1.x–2.1,
 * under their field names or the human titles publishers use), derived from the dataset's
 * grants table so the two cannot drift — plus the columns of the grant lists départements
 * publish outside the SCDL (year, postcode and town of the beneficiary, one amount column per
 * kind of support). For each: whether the SCDL requires it, and whether Symbiose uses it.
 */
import { GRANTS_TABLE } from '../data/schema/index.ts';
import type { FieldSpec } from './columns.ts';
import type { Shape } from './repair.ts';

type NameOf<C> = C extends { readonly derived: true }
  ? never
  : C extends { readonly name: infer N }
    ? N
    : never;
/** The grants table's columns that come from source files (not filled by the import). */
type GrantColumn = NameOf<(typeof GRANTS_TABLE)['columns'][number]>;
type Source = Omit<FieldSpec, 'name'> & { readonly shape: Shape };

/** What each dataset column is called in grants files, and what it is to the SCDL and to Symbiose. */
const SCDL: Readonly<Record<GrantColumn, Source>> = {
  nomAttribuant: {
    aliases: ['Nom de l’attribuant', 'Attribuant', 'Collectivité', 'Financeur', 'Organisme attribuant'],
    standard: true,
    used: true,
    shape: 'text',
  },
  idAttribuant: {
    aliases: [
      'Identification de l’attribuant',
      'Identification de l’attribuant (SIRET)',
      'SIRET de l’attribuant',
    ],
    standard: true,
    used: true,
    shape: 'siret',
  },
  dateConvention: {
    aliases: [
      'Date de la convention de subvention',
      'Date de la convention',
      'Date de convention',
      'Date de décision',
      'Date d’attribution',
      'Date du vote',
      'Date',
    ],
    standard: true,
    used: true,
    shape: 'date',
  },
  referenceDecision: {
    aliases: ['Référence de la décision', 'N° de délibération', 'Numéro de délibération'],
    standard: false,
    used: false,
    shape: 'text',
  },
  nomBeneficiaire: {
    aliases: [
      'Nom du bénéficiaire',
      'Bénéficiaire',
      'Raison sociale',
      'Nom de l’organisme bénéficiaire',
      'Nom de l’association',
      'Organisme',
      'Association',
      'Nom',
    ],
    pattern: /\b(beneficiaire|raison sociale|organisme|association)\b/,
    standard: true,
    used: true,
    shape: 'text',
  },
  idBeneficiaire: {
    aliases: [
      'Identification du bénéficiaire',
      'Identification du bénéficiaire (SIRET)',
      'SIRET du bénéficiaire',
      'SIRET',
      'SIRET ou NIR',
      'N° SIRET',
      'Numéro SIRET',
    ],
    pattern: /\bsire[tn]\b/,
    content: (values: readonly string[]) =>
      values.filter((v) => /^\d[\d\s]{12,17}\d$/.test(v)).length >= values.length * 0.8,
    standard: false,
    used: true,
    shape: 'siret',
  },
  rnaBeneficiaire: {
    aliases: [
      'Identification RNA du bénéficiaire',
      'Numéro RNA du bénéficiaire',
      'RNA du bénéficiaire',
      'N° RNA',
      'RNA',
    ],
    pattern: /\b(rna|waldec)\b/,
    content: (values: readonly string[]) =>
      values.filter((v) => /^W\d{9}$/i.test(v)).length >= values.length * 0.8,
    standard: false,
    used: true,
    shape: 'rna',
  },
  objet: {
    aliases: ['Objet de la subvention', 'Objet de la convention', 'Objet', 'Intitulé', 'Libellé'],
    standard: true,
    used: false,
    shape: 'text',
  },
  montant: {
    aliases: [
      'Montant total de la subvention',
      'Montant',
      'Mandaté',
      'Montant mandaté',
      'Montant attribué',
      'Montant voté',
      'Montant accordé',
      'Montant versé',
    ],
    pattern: /\b(montant|mandate|somme)\b/,
    standard: true,
    used: true,
    shape: 'amount',
  },
  nature: {
    aliases: ['Nature de la subvention', 'Nature de l’aide'],
    standard: true,
    used: true,
    shape: 'nature',
  },
  conditionsVersement: {
    aliases: ['Conditions de versement de la subvention', 'Conditions de versement'],
    standard: true,
    used: false,
    shape: 'text',
  },
  datesPeriodeVersement: {
    aliases: [
      'Date ou période de versement',
      'Dates ou période de versement',
      'Date(s) ou période(s) de versement',
    ],
    standard: true,
    used: false,
    shape: 'token',
  },
  idRAE: {
    aliases: [
      'Numéro unique de référencement dans le répertoire des aides aux entreprises',
      'Identifiant RAE',
    ],
    standard: false,
    used: false,
    shape: 'token',
  },
  notificationUE: {
    aliases: ['Aide d’État notifiée à la Commission européenne', 'Notification UE'],
    standard: true,
    used: false,
    shape: 'boolean',
  },
  pourcentageSubvention: {
    aliases: [
      'Pourcentage du montant total de la subvention attribuée au bénéficiaire',
      'Pourcentage de la subvention',
    ],
    standard: true,
    used: true,
    shape: 'number',
  },
  dispositifAide: {
    aliases: ['Dispositif d’aide', 'Dispositif'],
    standard: false,
    used: true,
    shape: 'text',
  },
};

/** Columns of grant lists published outside the SCDL (none is a dataset column). */
const LISTS: readonly (FieldSpec & { readonly shape: Shape })[] = [
  {
    name: 'annee',
    aliases: ['Année', 'Exercice', 'Millésime', 'Année d’attribution', 'Année de versement'],
    pattern: /^(annee|exercice|millesime)\b/,
    content: (v) => v.every((x) => /^(19|20)\d\d$/.test(x)),
    standard: false,
    used: true,
    shape: 'date',
  },
  {
    name: 'nomBeneficiaire2',
    aliases: ['Raison sociale 2', 'Complément de nom', 'Nom 2'],
    standard: false,
    used: true,
    shape: 'text',
  },
  {
    name: 'codePostal',
    aliases: ['CP', 'Code postal', 'Code postal du bénéficiaire', 'Adresse de l’organisme (1)'],
    pattern: /\bcode postal\b|^cp\b/,
    content: (v) => v.filter((x) => /^[A-Z]?\d{4,5}$/.test(x)).length >= v.length * 0.8,
    standard: false,
    used: true,
    shape: 'token',
  },
  {
    name: 'ville',
    aliases: ['Ville', 'Commune', 'Commune du bénéficiaire', 'Localité', 'Adresse de l’organisme (2)'],
    pattern: /^(ville|commune|localite)\b/,
    standard: false,
    used: true,
    shape: 'text',
  },
  {
    name: 'montantFonctionnement',
    aliases: ['Fonctionnement'],
    pattern: /\bfonctionnement\b/,
    standard: false,
    used: true,
    shape: 'amount',
  },
  {
    name: 'montantInvestissement',
    aliases: ['Investissement'],
    pattern: /\binvestissement\b/,
    standard: false,
    used: true,
    shape: 'amount',
  },
  {
    name: 'montantGarantie',
    aliases: ['Garantie d’emprunt'],
    pattern: /\bgarantie\b/,
    standard: false,
    used: false,
    shape: 'amount',
  },
  {
    name: 'montantPret',
    aliases: ['Prêt'],
    pattern: /\bpret\b/,
    standard: false,
    used: false,
    shape: 'amount',
  },
  {
    name: 'avantagesNature',
    aliases: ['Avantages en nature', 'Aides en nature'],
    pattern: /\bavantages? en nature\b|\bvalorisation\b/,
    standard: false,
    used: true,
    shape: 'text',
  },
];

/** Every column a grants reader looks for, kind-specific amounts before the generic one. */
export const GRANT_FIELDS: readonly (FieldSpec & { readonly shape: Shape })[] = [
  ...LISTS.filter((f) => f.name.startsWith('montant') || f.name === 'avantagesNature'),
  ...GRANTS_TABLE.columns
    .filter((c) => !('derived' in c && c.derived))
    .map((c) => ({ name: c.name, ...SCDL[c.name as GrantColumn] })),
  ...LISTS.filter((f) => !f.name.startsWith('montant') && f.name !== 'avantagesNature'),
];

/** Names of the amount columns, with what each kind of support is. */
export const AMOUNT_KINDS = [
  { field: 'montant', suffix: '', grant: true, objet: null },
  { field: 'montantFonctionnement', suffix: 'F', grant: true, objet: 'subvention de fonctionnement' },
  { field: 'montantInvestissement', suffix: 'I', grant: true, objet: 'subvention d’investissement' },
  { field: 'avantagesNature', suffix: 'N', grant: true, objet: 'avantages en nature' },
  { field: 'montantGarantie', suffix: 'G', grant: false, objet: 'garantie d’emprunt' },
  { field: 'montantPret', suffix: 'P', grant: false, objet: 'prêt' },
] as const;
