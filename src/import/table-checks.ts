/*
 * Checks every format reader makes on a whole file: a header that disagrees in width with every
 * row (a column dropped from the header only), and a file of which no row is kept — both stop
 * the import with a message naming the file and what to do, rather than write an empty dataset.
 */
import { issueSentence } from './issue-text.ts';
import { ImportError, type FileReport } from './report.ts';
import type { OpenedTable } from './table-reader.ts';

/** Rows handed to the dataset writer at a time: memory stays bounded whatever the file's size. */
export const ROW_BATCH = 10_000;

/**
 * Stops when every row read ahead (up to 1,000) has the same number of cells and it is not the
 * header's: the header lost (or gained) a column, so no cell can be trusted to be where its
 * title says.
 */
export function requireWidthAgreement(file: string, table: OpenedTable): void {
  const widths = new Set(table.sample.map((r) => r.cells.length));
  const [width] = widths;
  if (widths.size !== 1 || width === undefined || width === table.header.length) return;
  const rows = table.sample.length;
  throw new ImportError(
    file,
    `l’en-tête compte ${table.header.length} colonnes mais ${rows === 1 ? 'la seule ligne' : `chacune des ${rows} ${rows >= 1000 ? 'premières ' : ''}lignes`} en a ${width} : ${width > table.header.length ? 'un titre de colonne manque dans l’en-tête' : 'une colonne manque dans chaque ligne'} (décalage de toutes les valeurs) — corrigez l’en-tête puis importez de nouveau`,
    table.headerLine,
  );
}

/** The three most frequent reasons, in sentences. */
function topReasons(report: FileReport): string {
  return report.summary
    .filter((s) => s.severity === 'rejet')
    .slice(0, 3)
    .map((s) => `${issueSentence(s, 'fr', (n) => n.toLocaleString('fr-FR'))} (${s.code})`)
    .join(' ; ');
}

/** Thrown when a file keeps no row: the import would otherwise write an empty dataset. */
export class NothingKeptError extends ImportError {
  readonly report: FileReport;

  constructor(report: FileReport) {
    super(
      report.file,
      report.rowsRead === 0
        ? 'aucune ligne de données après l’en-tête'
        : `${report.rowsRead === 1 ? 'sa seule ligne n’est pas gardée' : `aucune de ses ${report.rowsRead.toLocaleString('fr-FR')} lignes n’est gardée`} — motifs les plus fréquents : ${topReasons(report)}. Corrigez le fichier (ou, en ligne de commande, acceptez-le vide avec --allow-empty)`,
    );
    this.report = report;
  }
}

/** Throws `NothingKeptError` when a file kept no row (the caller may allow it). */
export function requireRowsKept(report: FileReport, allowEmpty = false): void {
  if (report.rowsKept === 0 && !allowEmpty) throw new NothingKeptError(report);
}
