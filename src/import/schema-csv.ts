import {
  EXCHANGES_TABLE,
  OFFERS_TABLE,
  type ColumnDefinition,
  type ExchangeRow,
  type OfferRow,
  type TableDefinition,
} from '../data/schema/index.ts';
import { validateRow } from '../data/validate-row.ts';
import type { Cog } from './cog.ts';
import { cellsByName, matchHeader, parseCsv, type HeaderMatch } from './csv.ts';
import { FileReportBuilder, issue, type FileReport, type Issue } from './report.ts';
import type { AssociationIndex } from './scdl.ts';
import type { DecodedText } from './text.ts';
import { readBoolean, readDate, readNumber } from './values.ts';

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

/**
 * Reads a CSV file in one of the project's published formats (Table Schema): cells typed, every
 * constraint and custom check of the schema applied (Validata codes), then `link` resolves what
 * the file points to; any error rejects the row with all its reasons.
 */
function importSchemaCsv<T extends TableDefinition>(
  table: T,
  kind: 'exchanges' | 'offers',
  file: string,
  decoded: DecodedText,
  sha256: string,
  link: (row: Record<string, unknown>, line: number, reasons: Issue[], warnings: Issue[]) => void,
): { rows: Record<string, unknown>[]; report: FileReport } {
  const csv = parseCsv(decoded.text, file);
  const columns = table.columns.filter((c) => !c.derived);
  const match: HeaderMatch = matchHeader(
    file,
    csv.header,
    columns.map((c) => ({ name: c.name, aliases: [c.title], required: c.required })),
  );
  const report = new FileReportBuilder({
    file,
    kind,
    format: `${table.title} (schéma du projet), CSV « ${csv.delimiter} »`,
    encoding: decoded.encoding + (decoded.bom ? ' avec BOM' : ''),
    sha256,
  });
  for (const warning of [...match.warnings, ...csv.warnings]) report.warn(warning);
  for (const line of decoded.windows1252Lines)
    report.warn(issue(line, null, 'encoding-warn', 'ligne lue en Windows-1252 (octets non UTF-8)'));
  if (csv.blankLines.length > 0) report.note('lignes vides ignorées', csv.blankLines.length);
  const key = table.primaryKey;
  const seen = new Set<string>();
  const rows: Record<string, unknown>[] = [];
  for (const csvRow of csv.rows) {
    report.read();
    const line = csvRow.line;
    const reasons: Issue[] = [];
    const warnings: Issue[] = [];
    if (csvRow.cells.length > csv.header.length)
      reasons.push(
        issue(
          line,
          null,
          'extra-cell-error',
          `${csvRow.cells.length} champs pour ${csv.header.length} colonnes`,
        ),
      );
    const cells = cellsByName(csvRow, match);
    const row: Record<string, unknown> = {};
    for (const column of columns) {
      const cell = typed(column, cells[column.name] ?? '');
      if (cell.error) reasons.push(issue(line, column.name, 'type-error', cell.error));
      else if (cell.normalised) warnings.push(issue(line, column.name, 'value-normalised', cell.normalised));
      row[column.name] = cell.error ? null : cell.value;
    }
    // Schema checks on the cells that could be typed (type errors are already counted).
    const typeErrors = new Set(reasons.map((r) => r.field));
    for (const error of validateRow(table, row, line)) {
      if (!typeErrors.has(error.field)) reasons.push(issue(line, error.field, error.code, error.message_fr));
    }
    const id = typeof row[key] === 'string' ? (row[key] as string) : null;
    if (id && seen.has(id))
      reasons.push(issue(line, key, 'duplicate-key', `identifiant ${id} déjà lu plus haut`));
    if (reasons.length === 0) link(row, line, reasons, warnings);
    if (reasons.length > 0) {
      report.reject(line, id, reasons);
      continue;
    }
    if (id) seen.add(id);
    for (const warning of warnings) report.warn(warning);
    rows.push(row);
    report.keep();
  }
  return { rows, report: report.finish() };
}

/**
 * Exchanges in the published format (`echanges.csv`): each end must be an imported association
 * (by RNA number, else SIRET) — an exchange pointing to an unknown one is rejected with that
 * reason; communes are brought to today's commune, or taken from the association.
 */
export function importExchanges(
  file: string,
  decoded: DecodedText,
  sha256: string,
  associations: AssociationIndex & { communeOf: ReadonlyMap<string, string> },
  cog: Cog,
): { rows: ExchangeRow[]; report: FileReport } {
  const { rows, report } = importSchemaCsv(
    EXCHANGES_TABLE,
    'exchanges',
    file,
    decoded,
    sha256,
    (row, line, reasons, warnings) => {
      for (const side of ['fournisseur', 'beneficiaire'] as const) {
        const rna = row[`${side}_rna`] as string | null;
        const siret = row[`${side}_siret`] as string | null;
        const id = (rna && associations.byId.get(rna)) || (siret && associations.bySiret.get(siret)) || null;
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
        if (!given) row[`${side}_commune`] = associations.communeOf.get(id) ?? null;
        else {
          const resolved = cog.resolve(given);
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
    },
  );
  return { rows: rows as ExchangeRow[], report };
}

/** Offers and needs in the published format: the association must be an imported one. */
export function importOffers(
  file: string,
  decoded: DecodedText,
  sha256: string,
  associations: AssociationIndex,
): { rows: OfferRow[]; report: FileReport } {
  const { rows, report } = importSchemaCsv(
    OFFERS_TABLE,
    'offers',
    file,
    decoded,
    sha256,
    (row, line, reasons) => {
      const id = row['association_id'] as string | null;
      const found = (id && (associations.byId.get(id) ?? associations.bySiret.get(id))) || null;
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
  );
  return { rows: rows as OfferRow[], report };
}
