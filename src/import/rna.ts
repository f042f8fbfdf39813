import type { AssociationRow } from '../data/schema/index.ts';
import { spreadAroundPoint } from '../data/spread-points.ts';
import { topLevelTheme, WALDEC_THEMES } from '../data/waldec.ts';
import { readWebsite } from '../data/website.ts';
import { cellsByName, type ColumnMatch, type FieldSpec } from './columns.ts';
import { openFormatTable, type FormatTable, type ReaderContext } from './format-table.ts';
import type { AssociationIndexBuilder } from './association-index.ts';
import { readSiretOrSiren } from './grant-values.ts';
import { noteLocalLaw, resolveSeat, type Seat, type SeatTally, type Territory } from './rna-seat.ts';
import { checkRnaDates } from './rna-dates.ts';
import { randomSalt, RnaSharedSeats, SEAT_FIELD_NAMES, SEAT_FIELDS } from './rna-shared-seats.ts';
import { ImportError, issue, type FileReport, type FileReportBuilder, type Issue } from './report.ts';
import type { ImportSource } from './source.ts';
import type { TableRow } from './table-reader.ts';
import { requireRowsKept, requireWidthAgreement, ROW_BATCH } from './table-checks.ts';

export { rnaDate } from './rna-dates.ts';

/**
 * The columns of an RNA file (`rna_waldec`, or the older `rna_import` layout). Used: what makes
 * an association on the map (identifier, name, status, seat's commune, dates, theme, SIRET, public
 * website when an http(s) address), and
 * the seat's address, read only to key shared seats (rna-shared-seats.ts: the key is kept, the
 * address never). Personal data (declarant, management address, director's civility, phone,
 * e-mail) are never read (methodology §5).
 */
export const RNA_FIELDS: readonly FieldSpec[] = [
  { name: 'id', standard: true, used: true, needed: true },
  { name: 'titre', standard: true, used: true, needed: true },
  { name: 'position', standard: true, used: true, needed: true },
  { name: 'adrs_codeinsee', standard: true, used: true },
  { name: 'adrs_codepostal', standard: true, used: true },
  { name: 'adrs_libcommune', aliases: ['libcom'], standard: true, used: true },
  { name: 'id_ex', standard: true, used: false },
  { name: 'siret', standard: true, used: true },
  { name: 'date_creat', standard: true, used: true },
  { name: 'date_decla', standard: false, used: true },
  { name: 'date_publi', standard: true, used: true },
  { name: 'date_disso', standard: false, used: true },
  { name: 'titre_court', standard: false, used: true },
  { name: 'objet_social1', standard: true, used: true },
  { name: 'groupement', standard: false, used: true },
  // Kept when an http(s) address; never given back in the rejected rows (it may be a person's page).
  { name: 'siteweb', standard: true, used: true, withheld: true },
  ...SEAT_FIELDS,
];

/** Columns of the RNA that the dataset never keeps (personal data, free text, management codes): not warned about. */
const KNOWN_UNUSED = new Set(
  [
    'rup_mi',
    'gestion',
    'nature',
    'objet',
    'objet_social2',
    'adrg_declarant',
    'adrg_complemid',
    'adrg_complemgeo',
    'adrg_libvoie',
    'adrg_distrib',
    'adrg_codepostal',
    'adrg_achemine',
    'adrg_pays',
    'dir_civilite',
    'publiweb',
    'observation',
    'maj_time',
    'telephone',
    'email',
  ].map((name) => name.replace(/_/g, '')),
);

const STATUS = { A: 'active', D: 'dissoute', S: 'supprimee' } as const;
/** RNA `groupement`: simple association, union or federation; anything else is unknown (null). */
const GROUPING = { S: 'simple', U: 'union', F: 'federation' } as const;
/** An RNA number (W + 9 digits) or an older register number (digits and capitals). */
const RNA_ID = /^(W\d{9}|[0-9A-Z]{6,14})$/;

/** What an RNA file import needs from the rest of the import. */
export interface RnaContext extends ReaderContext {
  readonly territory: Territory;
  readonly labels: ReadonlyMap<string, string>;
  /** Every association kept so far, all RNA files together (duplicates across files are rejected). */
  readonly index: AssociationIndexBuilder;
  /** Associations placed so far in each commune: the next one's rank on its spiral. */
  readonly placed: Map<string, number>;
  /** Dates after this one are in the future (YYYY-MM-DD). */
  readonly today: string;
  /** Receives kept rows in batches. */
  readonly write: (rows: readonly AssociationRow[]) => Promise<void>;
  /**
   * Seats of every RNA file of the import, keyed with the import's salt; by default this file's
   * own, with a random salt.
   */
  readonly seats?: RnaSharedSeats | undefined;
}

const plain = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The reasons an RNA row cannot be an association (its seat aside). */
function rowProblems(cells: Record<string, string>, line: number, ctx: RnaContext): Issue[] {
  const reasons: Issue[] = [];
  const id = cells['id'] ?? '';
  if (!id) reasons.push(issue(line, 'id', 'constraint-error', 'identifiant RNA manquant'));
  else if (!RNA_ID.test(id))
    reasons.push(
      issue(
        line,
        'id',
        'identifier-invalid',
        `identifiant « ${id.slice(0, 40)}${id.length > 40 ? '…' : ''} » (${id.length} caractères) : W suivi de 9 chiffres attendu`,
      ),
    );
  else if (ctx.index.has(id))
    reasons.push(issue(line, 'id', 'duplicate-key', `identifiant ${id} déjà lu plus haut`));
  if (!plain(cells['titre'] || cells['titre_court'] || ''))
    reasons.push(issue(line, 'titre', 'constraint-error', 'titre manquant'));
  if (!Object.hasOwn(STATUS, cells['position'] ?? ''))
    reasons.push(
      issue(line, 'position', 'constraint-error', `position « ${cells['position']} » hors de A, D, S`),
    );
  return reasons;
}

/** The theme code: WALDEC code when valid, else « à reclasser » with a warning. */
function theme(
  cells: Record<string, string>,
  line: number,
  warnings: Issue[],
): { waldec: string; theme: string } {
  let waldec = cells['objet_social1'] ?? '';
  if (/^\d{5}$/.test(waldec)) {
    // Saved by a spreadsheet as a number: « 011000 » became « 11000 ».
    warnings.push(
      issue(
        line,
        'objet_social1',
        'value-normalised',
        `objet social « ${waldec} » lu 0${waldec} (zéro initial perdu)`,
      ),
    );
    waldec = `0${waldec}`;
  }
  if (!/^\d{6}$/.test(waldec)) {
    warnings.push(
      issue(
        line,
        'objet_social1',
        'value-normalised',
        `objet social « ${waldec} » absent ou invalide : classé 050000 (à reclasser)`,
      ),
    );
    waldec = '050000';
  }
  let top = topLevelTheme(waldec);
  if (!WALDEC_THEMES[top]) {
    warnings.push(
      issue(line, 'objet_social1', 'value-normalised', `thème ${top} inconnu : classé 050000 (à reclasser)`),
    );
    top = '050000';
  }
  return { waldec, theme: top };
}

function toAssociation(
  cells: Record<string, string>,
  line: number,
  seat: Seat,
  ctx: RnaContext & { readonly seats: RnaSharedSeats },
  warnings: Issue[],
  layout: string,
): AssociationRow {
  const { waldec, theme: top } = theme(cells, line, warnings);
  const siret = readSiretOrSiren(cells['siret'] ?? '');
  if (siret.problem) warnings.push(issue(line, 'siret', 'siret', `${siret.problem} : non repris`));
  const site = readWebsite(cells['siteweb'] ?? '');
  if (site.problem)
    warnings.push(issue(line, 'siteweb', 'value-normalised', `site web non repris : ${site.problem}`));
  const status = STATUS[cells['position'] as keyof typeof STATUS];
  const dates = checkRnaDates(cells, line, status, ctx.today, layout === 'rna_waldec', warnings);
  const rank = ctx.placed.get(seat.commune.code) ?? 0;
  ctx.placed.set(seat.commune.code, rank + 1);
  const [longitude, latitude] = spreadAroundPoint(seat.point[0], seat.point[1], rank);
  return {
    id: cells['id'] ?? '',
    nom: plain(cells['titre'] || cells['titre_court'] || ''),
    siret: siret.siret,
    waldec_code: waldec,
    waldec_libelle: ctx.labels.get(waldec) ?? (waldec === top ? (WALDEC_THEMES[top]?.label ?? null) : null),
    theme_code: top,
    theme_libelle: WALDEC_THEMES[top]?.label ?? '',
    commune_code: seat.commune.code,
    longitude,
    latitude,
    precision_geo: 'commune',
    ...dates,
    statut: status,
    groupement: GROUPING[(cells['groupement'] ?? '').trim().toUpperCase() as keyof typeof GROUPING] ?? null,
    siege_cle: ctx.seats.keyOf(cells, seat.commune, status === 'active' && dates.date_dissolution === null),
    site_web: site.website,
    adherents: null,
    benevoles: null,
    salaries: null,
    budget_annuel_eur: null,
  };
}

function headerWarnings(report: FileReportBuilder, match: ColumnMatch): void {
  const quiet = [
    'adrs_codeinsee',
    'date_decla',
    'id_ex',
    'titre_court',
    'date_publi',
    'date_disso',
    'adrs_libcommune',
    'siteweb',
    // With the INSEE code, the postcode is not needed (the older layout has the postcode instead).
    ...(match.index.has('adrs_codeinsee') ? ['adrs_codepostal'] : []),
    // Each layout has its own seat columns; without any, seats are only too vague to count.
    ...SEAT_FIELD_NAMES,
  ];
  for (const warning of match.warnings) {
    if (
      warning.code === 'extra-header-warn' &&
      KNOWN_UNUSED.has((warning.field ?? '').toLowerCase().replace(/[^a-z0-9]/g, ''))
    )
      continue;
    if (warning.code === 'missing-header-warn' && quiet.includes(warning.field ?? '')) continue;
    report.warn(warning);
  }
}

/**
 * Reads an RNA file (`rna_waldec_*.csv`, the older `rna_import_*.csv` without INSEE code, or
 * either as a spreadsheet), streaming: seats brought to today's commune, associations outside
 * the imported communes rejected with that reason, WALDEC labels attached, each association
 * placed at its commune (spread so points do not stack) and flagged as approximate.
 */
export async function importRna(
  source: ImportSource,
  ctx: RnaContext,
): Promise<{ report: FileReport; kept: number }> {
  const { report, table, match, usedCells } = await openFormatTable(source, 'associations', RNA_FIELDS, ctx);
  if (!match.index.has('adrs_codeinsee') && !match.index.has('adrs_codepostal'))
    throw new ImportError(
      source.name,
      'ni « adrs_codeinsee » ni « adrs_codepostal » dans l’en-tête : le siège des associations est introuvable',
      table.headerLine,
    );
  requireWidthAgreement(source.name, table);
  const layout = match.index.has('adrs_codeinsee') ? 'rna_waldec' : 'rna_import';
  report.update({
    format: `RNA ${layout === 'rna_waldec' ? 'rna_waldec' : 'rna_import (sans code INSEE)'}, ${table.format}`,
  });
  headerWarnings(report, match);
  const seats = ctx.seats ?? new RnaSharedSeats(randomSalt());
  const rowCtx = { ...ctx, seats };
  const cellsOut = rejectedCells(match, table.header.length, usedCells);
  let batch: AssociationRow[] = [];
  let kept = 0;
  const tally: SeatTally = { localLaw: 0 };
  for await (const rows of table.rows()) {
    for (const row of rows) {
      const association = readRow(row, table.header.length, match, rowCtx, report, layout, tally, cellsOut);
      if (!association) continue;
      batch.push(association);
      kept++;
      if (batch.length >= ROW_BATCH) {
        await ctx.write(batch);
        batch = [];
      }
    }
  }
  if (batch.length > 0) await ctx.write(batch);
  table.finish();
  noteLocalLaw(report, ctx.territory, tally);
  report.note('positions à la commune (adresse non géocodée)', kept);
  seats.noteFile(report);
  const finished = report.finish();
  requireRowsKept(finished, ctx.allowEmpty);
  return { report: finished, kept };
}

/**
 * The cells of a rejected row given back to the user: the used columns, the seat's address left
 * out (withheld). A row with more or fewer cells than the header may carry address text into any
 * column from the first seat column on (or earlier by as many cells as it lacks): emptied too.
 */
function rejectedCells(match: ColumnMatch, width: number, usedCells: FormatTable['usedCells']) {
  const seatColumns = SEAT_FIELD_NAMES.flatMap((name) => match.index.get(name) ?? []);
  const firstSeat = Math.min(width, ...seatColumns);
  return (row: TableRow): string[] => {
    if (row.cells.length === width || seatColumns.length === 0) return usedCells(row);
    const safe = Math.max(0, firstSeat - Math.max(0, width - row.cells.length));
    return usedCells({ ...row, raw: row.raw.slice(0, safe) });
  };
}

function readRow(
  row: TableRow,
  width: number,
  match: ColumnMatch,
  ctx: RnaContext & { readonly seats: RnaSharedSeats },
  report: FileReportBuilder,
  layout: string,
  tally: SeatTally,
  usedCells: (row: TableRow) => string[],
): AssociationRow | null {
  report.read();
  const line = row.line;
  const cells = cellsByName(row.cells, match);
  if (row.cells.length !== width) {
    // Every value of a shifted row may be in another column: its other checks would only mislead.
    const code = row.cells.length > width ? 'extra-cell-error' : 'missing-cell-error';
    const reason = issue(line, null, code, `${row.cells.length} champs pour ${width} colonnes`);
    report.reject(line, cells['id'] || null, [reason], usedCells(row));
    return null;
  }
  const reasons = rowProblems(cells, line, ctx);
  const warnings: Issue[] = [];
  const seat = resolveSeat(cells, line, ctx.territory, reasons, warnings, tally);
  if (reasons.length > 0 || !seat) {
    const onlyOutside = reasons.every((r) => r.code === 'outside-territory');
    report.reject(line, cells['id'] || null, reasons, onlyOutside ? undefined : usedCells(row));
    return null;
  }
  const association = toAssociation(cells, line, seat, ctx, warnings, layout);
  ctx.index.add(association);
  for (const warning of warnings) report.warn(warning);
  report.note(seat.how);
  if (seat.mapped) report.note('code INSEE ramené à la commune actuelle');
  report.keep();
  return association;
}
