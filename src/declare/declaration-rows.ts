/*
 * An association's declaration turned into rows of the published exchange format
 * (`echanges.csv`, src/data/schema/exchanges.ts): who provides and who receives from the
 * direction, the columns the form did not ask for the type left empty, numbers written the
 * format's way, and a stable identifier per exchange.
 */
import { EXCHANGES_TABLE } from '../data/schema/index.ts';
import { RNA_PATTERN } from '../data/schema/columns.ts';
import type { ResourceType } from '../data/schema/vocabularies.ts';
import { readNumber } from '../import/values.ts';
import {
  DETAIL_FIELDS,
  DETAIL_SPECS,
  detailsShown,
  TYPE_FORMS,
  type DetailField,
} from './declaration-fields.ts';

/** An association of the register, as the declaration needs it. */
export interface DeclaredAssociation {
  /** The dataset id: its RNA number when it has one. */
  readonly id: string;
  readonly siret: string | null;
}

/** Whether the declaring association provided the resource or received it. */
export type Direction = 'fourni' | 'recu';

/** One exchange as the form holds it: what was chosen, and the details as typed. */
export interface ExchangeDraft<P extends DeclaredAssociation = DeclaredAssociation> {
  readonly partner: P | null;
  readonly direction: Direction | null;
  readonly type: ResourceType | null;
  /** `YYYY-MM-DD` (a date input's value), or empty. */
  readonly date_debut: string;
  readonly date_fin: string;
  /** Text as typed (numbers may have a decimal comma); missing or empty: not given. */
  readonly details: Readonly<Partial<Record<DetailField, string>>>;
  /** Explicit consent to show the exchange on the public map; null until answered. */
  readonly consent: boolean | null;
}

/** The columns of the published format, in its order (the importer reads them by name). */
export const EXCHANGE_COLUMNS: readonly string[] = EXCHANGES_TABLE.columns
  .filter((c) => !('derived' in c && c.derived))
  .map((c) => c.name);

/** One row of the exchange file: a text cell per column of the format. */
export type ExchangeCells = Readonly<Record<string, string>>;

/** What every declared row says about where it comes from. */
export const DECLARATION_SOURCE = 'Déclaration de l’association (Symbiose)';

const RNA = new RegExp(RNA_PATTERN);

/** The identifier cells of an association: its RNA number, else its SIRET. */
export function identifierOf(association: DeclaredAssociation): { rna: string; siret: string } {
  if (RNA.test(association.id)) return { rna: association.id, siret: '' };
  return { rna: '', siret: association.siret ?? '' };
}

/** « 20261126-0930 »: the moment a declaration starts, in local time, as identifiers carry it. */
export function declarationStamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

/**
 * « W901000123-20261126-0930-01 »: the association (RNA number, else SIRET, else its id with
 * any other character as « - »), the declaration's stamp and the exchange's number within it —
 * unique in the file and from one declaration to the next, within the format's pattern.
 */
export function exchangeId(self: DeclaredAssociation, stamp: string, number: number): string {
  const { rna, siret } = identifierOf(self);
  const who = (rna || siret || self.id).replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 32);
  return `${who}-${stamp}-${String(number).padStart(2, '0')}`;
}

/** A number as the format writes it (decimal point, no grouping), or the text as typed if unreadable. */
function numberCell(text: string): string {
  const read = readNumber(text);
  return read.value === null ? text.trim() : String(read.value);
}

/** The detail cells of a draft: asked ones as typed (numbers normalised), fixed ones filled, others empty. */
function detailCells(draft: ExchangeDraft): Record<DetailField, string> {
  const cells = Object.fromEntries(DETAIL_FIELDS.map((f) => [f, ''])) as Record<DetailField, string>;
  if (!draft.type) return cells;
  const form = TYPE_FORMS[draft.type];
  for (const field of detailsShown(draft.type)) {
    const text = (draft.details[field] ?? '').trim();
    cells[field] = DETAIL_SPECS[field].input.kind === 'number' ? numberCell(text) : text;
  }
  // A single arrangement or unit is not asked; the first one is the default of a choice.
  if (!cells.modalite) cells.modalite = form.modalities[0] ?? '';
  if (!cells.unite) cells.unite = form.units[0] ?? '';
  return cells;
}

/**
 * The row of the exchange file for `draft`, declared by `self` with identifier `id`. Without a
 * direction the declaring association is written as the provider (the checks are the same on
 * both sides). Communes are left empty: the importer takes each association's own.
 */
export function exchangeCells(self: DeclaredAssociation, draft: ExchangeDraft, id: string): ExchangeCells {
  const me = identifierOf(self);
  const partner = draft.partner ? identifierOf(draft.partner) : { rna: '', siret: '' };
  const [provider, receiver] = draft.direction === 'recu' ? [partner, me] : [me, partner];
  const row: Record<string, string> = {
    ...detailCells(draft),
    id_echange: id,
    date_debut: draft.date_debut.trim(),
    date_fin: draft.date_fin.trim(),
    fournisseur_rna: provider.rna,
    fournisseur_siret: provider.siret,
    beneficiaire_rna: receiver.rna,
    beneficiaire_siret: receiver.siret,
    fournisseur_commune: '',
    beneficiaire_commune: '',
    type_ressource: draft.type ?? '',
    statut_donnee: 'declare',
    source: DECLARATION_SOURCE,
    consentement_publication: draft.consent === null ? '' : draft.consent ? 'oui' : 'non',
  };
  return Object.fromEntries(EXCHANGE_COLUMNS.map((column) => [column, row[column] ?? '']));
}
