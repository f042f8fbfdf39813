/*
 * Checking one exchange of a declaration with the importer itself: the row the file would hold is
 * read by `importExchanges` (src/import/schema-csv.ts: typed cells, validate-row.ts constraints
 * and custom checks, plausible dates, both ends known and distinct), after the exchanges already
 * in the list and with the importer's duplicate check (exchange-duplicates.ts), so that a row the
 * form accepts is a row the importer keeps. Its reasons and warnings are brought back to the
 * form's fields; what only the form knows (the direction, a choice not made) is checked here first.
 */
import { AssociationIndexBuilder } from '../import/association-index.ts';
import type { Cog } from '../import/cog.ts';
import { ExchangeDuplicates, type DuplicateCheck } from '../import/exchange-duplicates.ts';
import type { Issue } from '../import/report.ts';
import { importExchanges } from '../import/schema-csv.ts';
import { sourceFromBytes } from '../import/source.ts';
import { declareTexts } from '../i18n/sections/declare.ts';
import { exchangesCsv } from './declaration-files.ts';
import { DETAIL_FIELDS, detailsShown, type DetailField } from './declaration-fields.ts';
import { issueText, type IssueText } from './declaration-issues.ts';
import {
  exchangeCells,
  type DeclaredAssociation,
  type ExchangeCells,
  type ExchangeDraft,
} from './declaration-rows.ts';

/** A place of the form a problem belongs to (`form`: the exchange as a whole). */
export type FormField =
  'self' | 'partner' | 'direction' | 'type' | 'date_debut' | 'date_fin' | 'consent' | 'form' | DetailField;

/** A problem with a draft: an error stops the exchange from being added, a warning does not. */
export interface DraftIssue {
  readonly field: FormField;
  readonly severity: 'error' | 'warning';
  /** The importer's code (Validata's where it has one), or the form's own. */
  readonly code: string;
  readonly text: IssueText;
}

/** An association of the register: its id and SIRET (how the file names it) and its commune. */
export interface RegisterEntry extends DeclaredAssociation {
  readonly nom: string;
  readonly commune_code: string;
}

/** No commune code is written in a declared row (the importer takes each association's): no COG needed. */
const NO_COG: Cog = {
  source: 'aucun (communes des associations)',
  resolve: () => null,
  byPostcode: () => [],
  byName: () => [],
  departementName: () => null,
};

type IssueKey = Exclude<keyof (typeof declareTexts)['fr']['issues'], 'duplicate'>;
const texts = (key: IssueKey): IssueText => ({
  fr: declareTexts.fr.issues[key],
  en: declareTexts.en.issues[key],
});

/** A spreadsheet would run this text as a formula. */
const FORMULA = /^[=+\-@]/;

/** What only the form can tell: its choices made, and a description a spreadsheet would not run. */
function formIssues(self: RegisterEntry | null, draft: ExchangeDraft): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const error = (field: FormField, code: string, text: IssueText) =>
    issues.push({ field, severity: 'error', code, text });
  if (!self) error('self', 'form-required', texts('self'));
  if (!draft.partner) error('partner', 'form-required', texts('partner'));
  if (!draft.direction) error('direction', 'form-required', texts('direction'));
  if (FORMULA.test((draft.details.libelle ?? '').trim())) error('libelle', 'form-formula', texts('formula'));
  return issues;
}

/**
 * The form field of a column of the file, for this draft; null for a detail while no type is
 * chosen (the missing type is the one thing to say).
 */
function fieldOf(issue: Issue, draft: ExchangeDraft): FormField | null {
  const column = issue.field;
  if (issue.code === 'self-exchange') return 'partner';
  if (column === null) return 'form';
  const side = /^(fournisseur|beneficiaire)_/.exec(column)?.[1];
  if (side) return (side === 'beneficiaire') === (draft.direction === 'recu') ? 'self' : 'partner';
  if (column === 'date_debut' || column === 'date_fin') return column;
  if (column === 'type_ressource') return 'type';
  if (column === 'consentement_publication') return 'consent';
  const detail = DETAIL_FIELDS.find((f) => f === column);
  if (detail && !draft.type) return null;
  return detail && draft.type && detailsShown(draft.type).includes(detail) ? detail : 'form';
}

/**
 * The associations the rows name: `self`, the draft's partner, and each end of the exchanges
 * already declared (by RNA number, else SIRET) that is neither, so that the importer resolves
 * every row to the same ids.
 */
function endsOf(
  self: RegisterEntry,
  draft: ExchangeDraft,
  declared: readonly ExchangeCells[],
): RegisterEntry[] {
  const ends = [self, ...(draft.partner ? [{ ...self, ...draft.partner }] : [])];
  for (const row of declared)
    for (const side of ['fournisseur', 'beneficiaire']) {
      const rna = row[`${side}_rna`] ?? '';
      const siret = row[`${side}_siret`] ?? '';
      const known = ends.some((end) => (rna ? end.id === rna : end.siret === siret));
      if (!known && (rna || siret)) ends.push({ ...self, id: rna || siret, siret: rna ? null : siret });
    }
  return ends;
}

/**
 * Every problem of `draft`, declared by `self` as exchange `id`, on `today` (`YYYY-MM-DD`, the
 * importer's bound for plausible dates), after the exchanges already `declared` (rows of the same
 * file): one the importer would reject as their duplicate is refused, next to the description.
 * An empty list: the importer keeps the row.
 */
export async function checkDraft(
  self: RegisterEntry | null,
  draft: ExchangeDraft,
  id: string,
  today: string,
  declared: readonly ExchangeCells[] = [],
): Promise<DraftIssue[]> {
  const issues = formIssues(self, draft);
  const stand = self ?? { id: 'W000000000', siret: null, nom: '', commune_code: '' };
  const cells = exchangeCells(stand, draft, id);
  const bytes = new TextEncoder().encode(exchangesCsv([...declared, cells]));
  // The draft is the file's last line, under the header and the exchanges declared.
  const line = declared.length + 2;
  const repeated = new ExchangeDuplicates();
  let earlier: string | null = null;
  const duplicates: DuplicateCheck = {
    find: (row, file, at) => {
      const place = at === line ? repeated.declaredAt(row) : null;
      if (place) earlier = declared[place.line - 2]?.['id_echange'] ?? null;
      return repeated.find(row, file, at);
    },
    keep: (row, file, at) => repeated.keep(row, file, at),
  };
  const { report } = await importExchanges(
    sourceFromBytes('declaration.csv', bytes),
    {
      index: AssociationIndexBuilder.of(endsOf(stand, draft, declared)),
      cog: NO_COG,
      today,
      allowEmpty: true,
    },
    async () => {},
    duplicates,
  );
  // An end the form flagged as not chosen is not reported again as an empty identifier.
  const flagged = new Set<FormField>(
    issues.map((i) => i.field).filter((f) => f === 'self' || f === 'partner'),
  );
  const add = (issue: Issue, severity: DraftIssue['severity']) => {
    if (issue.row !== line) return;
    if (issue.code === 'duplicate-key' && issue.field === null && earlier !== null) {
      const text = {
        fr: declareTexts.fr.issues.duplicate(earlier),
        en: declareTexts.en.issues.duplicate(earlier),
      };
      issues.push({ field: 'libelle', severity, code: issue.code, text });
      return;
    }
    const field = fieldOf(issue, draft);
    if (field !== null && !flagged.has(field))
      issues.push({ field, severity, code: issue.code, text: issueText(issue.message_fr) });
  };
  for (const rejected of report.rejected) for (const reason of rejected.reasons) add(reason, 'error');
  for (const warning of report.warnings) add(warning, 'warning');
  return issues;
}
