/*
 * One row of a grants file to grants: the fields Symbiose uses decide the row's fate (a
 * beneficiary, an amount or an in-kind mark, a date or a year); any other field that cannot be
 * read is emptied with a warning. A list row with several amount columns (operating,
 * investment, in kind) gives one grant per amount; loan guarantees and loans are not grants.
 */
import type { GrantRow } from '../data/schema/index.ts';
import { type AMOUNT_KINDS } from './grant-fields.ts';
import { common, dateOf, text, unspill, type GrantFileContext } from './grant-row-fields.ts';
import { isTicked, readSiretOrSiren, readPostcode, townOf } from './grant-values.ts';
import { communeFromPostcode } from './rna-seat.ts';
import { issue, type Issue } from './report.ts';
import { readAmount } from './values.ts';

export type { GrantFileContext } from './grant-row-fields.ts';

/** The outcome of a row: grants to keep (with warnings), or the reasons it is rejected. */
export type RowOutcome =
  | { readonly kept: true; readonly grants: GrantRow[]; readonly warnings: Issue[]; readonly notes: string[] }
  | { readonly kept: false; readonly reasons: Issue[]; readonly personal?: boolean };

function beneficiary(cells: Record<string, string>, line: number, warnings: Issue[], reasons: Issue[]) {
  const id = readSiretOrSiren(cells['idBeneficiaire'] ?? '');
  if (id.personal)
    reasons.push(
      issue(
        line,
        'idBeneficiaire',
        'identifier-invalid',
        `${id.problem} : non reprise (données personnelles)`,
      ),
    );
  else if (id.problem)
    warnings.push(
      issue(line, 'idBeneficiaire', 'identifier-invalid', `${id.problem} — rattachement par le nom`),
    );
  let rna = (cells['rnaBeneficiaire'] ?? '').trim().toUpperCase() || null;
  if (rna && !/^W\d{9}$/.test(rna)) {
    warnings.push(
      issue(
        line,
        'rnaBeneficiaire',
        'identifier-invalid',
        `n° RNA « ${rna.slice(0, 40)} » invalide (W + 9 chiffres) : non repris`,
      ),
    );
    rna = null;
  }
  const name = text([cells['nomBeneficiaire'], cells['nomBeneficiaire2']].filter(Boolean).join(' '));
  if (!name && !id.siret && !id.siren && !rna)
    reasons.push(
      issue(
        line,
        'nomBeneficiaire',
        'constraint-error',
        'bénéficiaire manquant (ni nom, ni SIRET, ni n° RNA)',
      ),
    );
  return { name, siret: id.siret, siren: id.siren, rna, personal: id.personal === true };
}

/** The association a grant goes to: RNA number, SIRET, SIREN, then name within its commune. */
function attach(
  who: ReturnType<typeof beneficiary>,
  cells: Record<string, string>,
  ctx: GrantFileContext,
): { id: string | null; how: string } {
  const { index } = ctx;
  const direct =
    (who.rna && index.byId(who.rna)) ||
    (who.siret && index.bySiret(who.siret)) ||
    (who.siren && index.bySiren(who.siren));
  if (direct) return { id: direct, how: 'subventions rattachées par identifiant' };
  const postcode = readPostcode(cells['codePostal'] ?? '');
  if (who.name && postcode) {
    const commune = communeFromPostcode(ctx.cog, postcode, townOf(cells['ville'] ?? ''))?.commune.code;
    const byName = commune ? index.byName(who.name, commune) : null;
    if (byName) return { id: byName, how: 'subventions rattachées par nom et commune' };
  }
  return { id: null, how: 'subventions non rattachées à une association importée' };
}

/**
 * A list with amounts per kind (operating, investment, in kind) and a total column: the total
 * is the sum of the others, not another grant. Kept alone only when the row has no breakdown;
 * when the two disagree the breakdown is kept and the row is flagged.
 */
function withoutDoubleTotal(amounts: Amount[], line: number, warnings: Issue[]): Amount[] {
  const total = amounts.find((a) => a.kind.field === 'montant');
  const parts = amounts.filter((a) => a.kind.field !== 'montant' && a.kind.grant);
  if (!total || parts.length === 0) return amounts;
  const sum = parts.reduce((s, a) => s + (a.value ?? 0), 0);
  if (total.value !== null && Math.abs(total.value - sum) > 0.005)
    warnings.push(
      issue(
        line,
        'montant',
        'value-implausible',
        `total ${total.value} ≠ somme des montants par nature ${sum} : montants par nature retenus, total ignoré`,
      ),
    );
  return amounts.filter((a) => a !== total);
}

interface Amount {
  readonly kind: (typeof AMOUNT_KINDS)[number];
  readonly value: number | null;
}

function amountsOf(
  cells: Record<string, string>,
  line: number,
  ctx: GrantFileContext,
  reasons: Issue[],
  warnings: Issue[],
): Amount[] {
  const amounts: Amount[] = [];
  for (const kind of ctx.amounts) {
    const cell = (cells[kind.field] ?? '').trim();
    if (!cell) continue;
    if (kind.field === 'avantagesNature' && isTicked(cell)) {
      amounts.push({ kind, value: null });
      continue;
    }
    const read = readAmount(cell);
    if (read.normalised) warnings.push(issue(line, kind.field, 'value-normalised', read.normalised));
    if (read.error || read.value === null)
      reasons.push(issue(line, kind.field, 'type-error', read.error ?? 'montant illisible'));
    else if (read.value < 0)
      reasons.push(issue(line, kind.field, 'constraint-error', `montant négatif (${cell})`));
    else if (read.value === 0) {
      warnings.push(
        issue(line, kind.field, 'value-implausible', 'montant nul (0 €) : gardé, sans effet sur les sommes'),
      );
      amounts.push({ kind, value: 0 });
    } else if (read.value > 1e9)
      reasons.push(
        issue(
          line,
          kind.field,
          'value-implausible',
          `montant ${cell} invraisemblable (plus d’un milliard d’euros)`,
        ),
      );
    else amounts.push({ kind, value: read.value });
  }
  if (amounts.length === 0 && reasons.length === 0) {
    const filled = Object.values(cells).filter((c) => c.trim() !== '').length;
    reasons.push(
      issue(
        line,
        'montant',
        'constraint-error',
        filled <= 1
          ? 'ligne sans montant, une seule cellule remplie : note ou reste de tableau'
          : 'aucun montant (ni aide en nature) sur la ligne',
      ),
    );
  }
  return withoutDoubleTotal(amounts, line, warnings);
}

/** The grants of a row, or the reasons it has none. */
export function grantsOfRow(source: Record<string, string>, line: number, ctx: GrantFileContext): RowOutcome {
  const cells = { ...source };
  const reasons: Issue[] = [];
  const warnings: Issue[] = [];
  for (const kind of ctx.amounts) unspill(cells, kind.field, line, ctx, warnings);
  unspill(cells, 'codePostal', line, ctx, warnings);
  const who = beneficiary(cells, line, warnings, reasons);
  const amounts = amountsOf(cells, line, ctx, reasons, warnings);
  const date = dateOf(cells, line, ctx, warnings);
  if (!date)
    reasons.push(
      issue(
        line,
        'dateConvention',
        'constraint-error',
        'ni date de convention ni année : la subvention ne peut être située dans le temps',
      ),
    );
  const grants = amounts.filter((a) => a.kind.grant);
  if (reasons.length === 0 && grants.length === 0) {
    const what = amounts.map((a) => a.kind.objet).join(', ');
    reasons.push(
      issue(
        line,
        amounts[0]?.kind.field ?? 'montant',
        'not-a-grant',
        `${what} : ce n’est pas une subvention (non comptée)`,
      ),
    );
  }
  if (reasons.length > 0) return { kept: false, reasons, personal: who.personal };
  const shared = common(cells, line, warnings);
  const { id, how } = attach(who, cells, ctx);
  if (!id)
    warnings.push(
      issue(
        line,
        who.rna ? 'rnaBeneficiaire' : 'idBeneficiaire',
        'grant-unmatched',
        `bénéficiaire « ${who.name ?? '?'} » (${who.rna ?? who.siret ?? who.siren ?? 'sans identifiant'}) absent des associations importées : subvention gardée, non rattachée`,
      ),
    );
  const notes = [
    how,
    ...amounts.filter((a) => !a.kind.grant).map((a) => `${a.kind.objet} (non comptée comme subvention)`),
  ];
  const rows = grants.map((amount): GrantRow => {
    const inKind = amount.kind.field === 'avantagesNature';
    return {
      ...shared,
      id_subvention: `S${ctx.idPrefix}-${line}${amount.kind.suffix ? `-${amount.kind.suffix}` : ''}`,
      dateConvention: date,
      nomBeneficiaire: who.name ?? who.siret ?? who.rna ?? '',
      idBeneficiaire: who.siret,
      rnaBeneficiaire: who.rna,
      objet: shared.objet ?? amount.kind.objet,
      montant: amount.value,
      nature: inKind
        ? 'aide en nature'
        : amount.kind.field === 'montant'
          ? shared.nature
          : 'aide en numéraire',
      association_id: id,
    };
  });
  return { kept: true, grants: rows, warnings, notes };
}
