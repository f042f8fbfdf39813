import {
  EXCHANGES_TABLE,
  OFFERS_TABLE,
  type ColumnDefinition,
  type ExchangeRow,
  type OfferRow,
  type TableDefinition,
} from '../data/schema/index.ts';
import { validateRow } from '../data/validate-row.ts';
import type { AssociationLookup } from './association-index.ts';
import type { Cog } from './cog.ts';
import { DateSpan } from './date-span.ts';
import { cellsByName, type ColumnMatch, type FieldSpec } from './columns.ts';
import { ExchangeDuplicates, KeyDuplicates, type DuplicateCheck } from './exchange-duplicates.ts';
import { openFormatTable, type ReaderContext } from './format-table.ts';
import { issue, type FileReport, type Issue } from './report.ts';
import type { ImportSource } from './source.ts';
import type { TableRow } from './table-reader.ts';
import { staffContradiction } from './staff-check.ts';
import { requireRowsKept, requireWidthAgreement, ROW_BATCH } from './table-checks.ts';
import { readBoolean, readDate, readNumber } from './values.ts';

/** What an exchanges or offers file import needs from the rest of the import. */
export interface SchemaCsvContext extends ReaderContext {
  readonly index: AssociationLookup;
  readonly cog: Cog;
  /** Dates before 2000 or more than a year after this one are typing errors (YYYY-MM-DD). */
  readonly today: string;
  /** Warnings on the whole file known before it is read (a template without its associations sheet). */
  readonly notices?: readonly Issue[] | undefined;
}

/** Exchanges and offers are recent practice: an earlier date is a typing error. */
const OLDEST = '2000-01-01';

/** A cell typed as its column says (Table Schema types), or the reason it cannot be. */
function typed(
  column: ColumnDefinition,
  text: string,
): { value: unknown; error?: string | undefined; normalised?: string | undefined } {
  const raw = text.trim();
  if (!raw) return { value: null };
  switch (column.type) {
    case 'string':
      return { value: raw };
    case 'number':
    case 'integer': {
      const read = readNumber(raw);
      return read.error
        ? { value: raw, error: read.error }
        : { value: read.value, normalised: read.normalised };
    }
    case 'date': {
      const read = readDate(raw);
      return read.error
        ? { value: raw, error: read.error }
        : { value: read.value, normalised: read.normalised };
    }
    case 'boolean': {
      const yes = column.trueValues ?? ['oui'];
      const no = column.falseValues ?? ['non'];
      if (yes.includes(raw.toLowerCase())) return { value: true };
      if (no.includes(raw.toLowerCase())) return { value: false };
      const read = readBoolean(raw);
      return read.error
        ? { value: raw, error: `booléen attendu (${yes.join('/')} ou ${no.join('/')})` }
        : { value: read.value, normalised: `« ${raw} » lu ${read.value ? yes[0] : no[0]}` };
    }
  }
}

/** Plausibility: a date outside the years exchanges can have, a value above what one exchange holds. */
function plausibility(
  column: ColumnDefinition,
  value: unknown,
  line: number,
  today: string,
  reasons: Issue[],
  warnings: Issue[],
) {
  if (column.type === 'date' && typeof value === 'string') {
    const latest = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
    if (value < OLDEST || value > latest)
      reasons.push(
        issue(
          line,
          column.name,
          'date-implausible',
          `date ${value} hors de ${OLDEST} – ${latest} : erreur de saisie probable`,
        ),
      );
  }
  if (typeof value === 'number' && column.plausibleMaximum !== undefined && value > column.plausibleMaximum)
    warnings.push(
      issue(
        line,
        column.name,
        'value-implausible',
        `${column.name} = ${value} : au-delà de ${column.plausibleMaximum.toLocaleString('fr-FR')}, inhabituel pour un seul échange — gardé, à vérifier`,
      ),
    );
}

/** Reads one row against its table: types, constraints, plausibility, then what it points to. */
function readRow<T extends TableDefinition>(
  table: T,
  row: TableRow,
  width: number,
  match: ColumnMatch,
  ctx: SchemaCsvContext,
  link: (row: Record<string, unknown>, line: number, reasons: Issue[], warnings: Issue[]) => void,
) {
  const line = row.line;
  const reasons: Issue[] = [];
  const warnings: Issue[] = [];
  if (row.cells.length !== width)
    reasons.push(
      issue(
        line,
        null,
        row.cells.length > width ? 'extra-cell-error' : 'missing-cell-error',
        `${row.cells.length} champs pour ${width} colonnes`,
      ),
    );
  const cells = cellsByName(row.cells, match);
  const out: Record<string, unknown> = {};
  for (const column of table.columns.filter((c) => !c.derived)) {
    const cell = typed(column, cells[column.name] ?? '');
    if (cell.error) reasons.push(issue(line, column.name, 'type-error', cell.error));
    else if (cell.normalised) warnings.push(issue(line, column.name, 'value-normalised', cell.normalised));
    out[column.name] = cell.error ? null : cell.value;
    if (!cell.error) plausibility(column, cell.value, line, ctx.today, reasons, warnings);
  }
  const typeErrors = new Set(reasons.map((r) => r.field));
  for (const error of validateRow(table, out, line))
    if (!typeErrors.has(error.field)) reasons.push(issue(line, error.field, error.code, error.message_fr));
  if (reasons.length === 0) link(out, line, reasons, warnings);
  return { out, reasons, warnings };
}

/**
 * Reads a file in one of the project's published formats (Table Schema), CSV or spreadsheet:
 * cells typed, every constraint and custom check applied (Validata codes), implausible values
 * warned about, then `link` resolves what the row points to; any error rejects the row, and so
 * does a row repeating one kept before (`duplicates`, shared by the files of one import).
 */
async function importSchemaCsv<T extends TableDefinition>(
  table: T,
  kind: 'exchanges' | 'offers',
  source: ImportSource,
  ctx: SchemaCsvContext,
  write: (rows: readonly Record<string, unknown>[]) => Promise<void>,
  link: (row: Record<string, unknown>, line: number, reasons: Issue[], warnings: Issue[]) => void,
  duplicates: DuplicateCheck,
): Promise<{ report: FileReport; kept: number; dates: DateSpan }> {
  const fields: FieldSpec[] = table.columns
    .filter((c) => !c.derived)
    .map((c) => ({ name: c.name, aliases: [c.title], standard: c.required, used: true, needed: c.required }));
  const { report, table: opened, match, usedCells } = await openFormatTable(source, kind, fields, ctx);
  requireWidthAgreement(source.name, opened);
  report.update({ format: `${table.title} (schéma du projet), ${opened.format}` });
  for (const warning of [...match.warnings, ...(ctx.notices ?? [])]) report.warn(warning);
  const key = table.primaryKey;
  /** Rows rejected only for repeating a row kept before (maybe in an earlier file). */
  let declaredBefore = 0;
  let batch: Record<string, unknown>[] = [];
  let kept = 0;
  const dates = new DateSpan();
  for await (const rows of opened.rows()) {
    for (const row of rows) {
      report.read();
      const { out, reasons, warnings } = readRow(table, row, opened.header.length, match, ctx, link);
      const id = typeof out[key] === 'string' ? (out[key] as string) : null;
      const repeated = duplicates.find(out, source.name, row.line);
      if (reasons.length === 0 && repeated.length > 0) declaredBefore++;
      reasons.push(...repeated);
      if (reasons.length > 0) {
        report.reject(row.line, id, reasons, usedCells(row));
        continue;
      }
      duplicates.keep(out, source.name, row.line);
      for (const warning of warnings) report.warn(warning);
      if (typeof out['date_debut'] === 'string') dates.add(out['date_debut']);
      batch.push(out);
      kept++;
      report.keep();
      if (batch.length >= ROW_BATCH) {
        await write(batch);
        batch = [];
      }
    }
  }
  if (batch.length > 0) await write(batch);
  opened.finish();
  const finished = report.finish();
  // A partner's file may hold only exchanges the other partner declared first: not an error.
  requireRowsKept(
    finished,
    ctx.allowEmpty || (finished.rowsRead > 0 && declaredBefore === finished.rowsRejected),
  );
  return { report: finished, kept, dates };
}

/**
 * Exchanges in the published format (`echanges.csv`, or a filled collection template): each end
 * must be an imported association (by RNA number, else SIRET) and the two ends must differ;
 * communes are brought to today's commune, or taken from the association; a staff loan whose two
 * amounts disagree is kept with a warning (staff-check.ts). `duplicates` is shared
 * by the exchange files of one import: a row declared again in a later file is rejected.
 */
export function importExchanges(
  source: ImportSource,
  ctx: SchemaCsvContext,
  write: (rows: readonly ExchangeRow[]) => Promise<void>,
  duplicates: DuplicateCheck = new ExchangeDuplicates(),
) {
  return importSchemaCsv(
    EXCHANGES_TABLE,
    'exchanges',
    source,
    ctx,
    write as (rows: readonly Record<string, unknown>[]) => Promise<void>,
    (row, line, reasons, warnings) => {
      for (const side of ['fournisseur', 'beneficiaire'] as const) {
        const rna = row[`${side}_rna`] as string | null;
        const siret = row[`${side}_siret`] as string | null;
        const id = (rna && ctx.index.byId(rna)) || (siret && ctx.index.bySiret(siret)) || null;
        if (!id) {
          reasons.push(
            issue(
              line,
              rna ? `${side}_rna` : `${side}_siret`,
              'association-unknown',
              `${side} ${rna ?? siret} absent des associations importées`,
            ),
          );
          continue;
        }
        row[`${side}_id`] = id;
        const given = row[`${side}_commune`] as string | null;
        if (!given) row[`${side}_commune`] = ctx.index.communeOf(id);
        else {
          const resolved = ctx.cog.resolve(given);
          if (resolved && resolved.via !== 'actuelle') {
            row[`${side}_commune`] = resolved.commune.code;
            warnings.push(
              issue(
                line,
                `${side}_commune`,
                'commune-mapped',
                `${given} ramené à ${resolved.commune.code} (${resolved.via})`,
              ),
            );
          }
        }
      }
      if (row['fournisseur_id'] && row['fournisseur_id'] === row['beneficiaire_id'])
        reasons.push(
          issue(
            line,
            'beneficiaire_rna',
            'self-exchange',
            `échange de l’association ${String(row['fournisseur_id'])} avec elle-même`,
          ),
        );
      const staff = staffContradiction(row, line);
      if (staff) warnings.push(staff);
    },
    duplicates,
  );
}

/** Offers and needs in the published format: the association must be an imported one. */
export function importOffers(
  source: ImportSource,
  ctx: SchemaCsvContext,
  write: (rows: readonly OfferRow[]) => Promise<void>,
) {
  return importSchemaCsv(
    OFFERS_TABLE,
    'offers',
    source,
    ctx,
    write as (rows: readonly Record<string, unknown>[]) => Promise<void>,
    (row, line, reasons) => {
      const id = row['association_id'] as string | null;
      const found = (id && (ctx.index.byId(id) ?? ctx.index.bySiret(id))) || null;
      if (!found)
        reasons.push(
          issue(
            line,
            'association_id',
            'association-unknown',
            `association ${id} absente des associations importées`,
          ),
        );
      else row['association_id'] = found;
    },
    new KeyDuplicates(OFFERS_TABLE.primaryKey),
  );
}
