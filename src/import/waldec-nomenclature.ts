import { parseCsv, matchHeader, cellsByName } from './csv.ts';
import { FileReportBuilder, issue, type FileReport } from './report.ts';
import type { DecodedText } from './text.ts';

/**
 * The WALDEC « objet social » nomenclature (data.gouv.fr, « Nomenclature Waldec »): code → label,
 * for the detailed labels of associations. Parent rows (code = parent) carry the theme in
 * capitals; some rows have an empty parent label (parents 033000, 037000): they are kept.
 */
export function importWaldecNomenclature(
  file: string,
  decoded: DecodedText,
  sha256: string,
): { labels: ReadonlyMap<string, string>; report: FileReport } {
  const table = parseCsv(decoded.text, file);
  const match = matchHeader(file, table.header, [
    { name: 'code', aliases: ['Identifiant objet social', 'objet_social_id'], required: true },
    { name: 'libelle', aliases: ['Libellé objet social', 'objet_social_lib'], required: true },
    {
      name: 'parent',
      aliases: ['Identifiant objet social parent', 'objet_social_parent_id'],
      required: false,
    },
    {
      name: 'parent_libelle',
      aliases: ['Libellé objet social parent', 'objet_social_parent_lib'],
      required: false,
    },
  ]);
  const report = new FileReportBuilder({
    file,
    kind: 'waldec',
    format: `CSV « ${table.delimiter} »`,
    encoding: decoded.encoding,
    sha256,
  });
  for (const warning of [
    ...match.warnings.filter((w) => w.code !== 'missing-header-warn'),
    ...table.warnings,
  ])
    report.warn(warning);
  const labels = new Map<string, string>();
  for (const row of table.rows) {
    report.read();
    const cells = cellsByName(row, match);
    const code = cells['code'] ?? '';
    const label = cells['libelle'] ?? '';
    if (!/^\d{6}$/.test(code) || !label) {
      report.reject(row.line, code || null, [
        issue(row.line, 'code', 'constraint-error', 'code à 6 chiffres et libellé attendus'),
      ]);
      continue;
    }
    if (labels.has(code)) {
      report.reject(row.line, code, [issue(row.line, 'code', 'duplicate-key', `code ${code} déjà lu`)]);
      continue;
    }
    // Parent rows are written in capitals: « SPORTS, ACTIVITÉS DE PLEIN AIR » → lower case.
    labels.set(code, label === label.toUpperCase() ? label.toLowerCase() : label);
    report.keep();
  }
  return { labels, report: report.finish() };
}
