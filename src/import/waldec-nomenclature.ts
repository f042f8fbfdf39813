import { cellsByName, type FieldSpec } from './columns.ts';
import { openFormatTable, type ReaderContext } from './format-table.ts';
import { issue, type FileReport } from './report.ts';
import type { ImportSource } from './source.ts';

const WALDEC_FIELDS: readonly FieldSpec[] = [
  {
    name: 'code',
    aliases: ['Identifiant objet social', 'objet_social_id'],
    standard: true,
    used: true,
    needed: true,
  },
  {
    name: 'libelle',
    aliases: ['Libellé objet social', 'objet_social_lib'],
    standard: true,
    used: true,
    needed: true,
  },
  {
    name: 'parent',
    aliases: ['Identifiant objet social parent', 'objet_social_parent_id'],
    standard: true,
    used: false,
  },
  {
    name: 'parent_libelle',
    aliases: ['Libellé objet social parent', 'objet_social_parent_lib'],
    standard: true,
    used: false,
  },
];

/**
 * The WALDEC « objet social » nomenclature (data.gouv.fr, « Nomenclature Waldec »): code → label,
 * for the detailed labels of associations. Parent rows (code = parent) carry the theme in
 * capitals; some rows have an empty parent label (parents 033000, 037000): they are kept.
 */
export async function importWaldecNomenclature(
  source: ImportSource,
  options: ReaderContext = {},
): Promise<{ labels: ReadonlyMap<string, string>; report: FileReport }> {
  const { report, table, match, usedCells } = await openFormatTable(
    source,
    'waldec',
    WALDEC_FIELDS,
    options,
    10,
  );
  report.update({ format: `nomenclature WALDEC, ${table.format}` });
  for (const warning of match.warnings) if (warning.code !== 'missing-header-warn') report.warn(warning);
  const labels = new Map<string, string>();
  for await (const rows of table.rows()) {
    for (const row of rows) {
      report.read();
      const cells = cellsByName(row.cells, match);
      const code = cells['code'] ?? '';
      const label = cells['libelle'] ?? '';
      if (!/^\d{6}$/.test(code) || !label) {
        report.reject(
          row.line,
          code || null,
          [issue(row.line, 'code', 'constraint-error', 'code à 6 chiffres et libellé attendus')],
          usedCells(row),
        );
        continue;
      }
      if (labels.has(code)) {
        report.reject(
          row.line,
          code,
          [issue(row.line, 'code', 'duplicate-key', `code ${code} déjà lu`)],
          usedCells(row),
        );
        continue;
      }
      // Parent rows are written in capitals: « SPORTS, ACTIVITÉS DE PLEIN AIR » → lower case.
      labels.set(code, label === label.toUpperCase() ? label.toLowerCase() : label);
      report.keep();
    }
  }
  table.finish();
  return { labels, report: report.finish() };
}
