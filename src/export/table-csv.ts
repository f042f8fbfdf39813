import type { CommuneTableRow } from '../dashboard/commune-table.ts';
import { shownIndicator } from '../dashboard/shown-value.ts';
import { COEFFICIENTS } from '../data/method/coefficients.ts';
import { methodV2FigureMessages } from '../i18n/sections/method-v2-figures.ts';
import { isUncertain, type IndicatorDefinition, type ZoneIndicators } from '../indicators/registry.ts';
import { displayDecimals } from '../i18n/format-indicator.ts';
import { dataCsv, frenchCsv, type FrenchCsvColumn } from './csv.ts';
import { toRecords, withMethod, type IndicatorRecord } from './indicator-records.ts';

/** The word written in place of a masked figure in the French CSV. */
export const SECRET_CELL = 'secret';
/** The words written in place of a figure with no data behind it (never 0, never an empty cell). */
export const NOT_PROVIDED_CELL = 'non renseigné';

/**
 * The table view as a French spreadsheet: commune, intercommunalité, population, active and
 * isolated associations, then each indicator of the table (with its low and high values when it
 * has a range), and last the method version (« Méthode Symbiose v2.0.0 ») on every row. Numbers
 * are at the indicator's decimals (a count whole, as on screen; see csv.ts), percentages written
 * ×100; masked figures read « secret »; unknown ones « non renseigné ».
 */
export function tableFrenchCsv(
  rows: readonly CommuneTableRow[],
  indicators: readonly IndicatorDefinition[],
  perInhabitant: boolean,
): string {
  const x = methodV2FigureMessages.fr;
  const columns: FrenchCsvColumn<CommuneTableRow>[] = [
    { header: 'Code INSEE', cell: (r) => r.code },
    { header: 'Commune', cell: (r) => r.nom },
    { header: 'Intercommunalité', cell: (r) => r.epci_nom },
    { header: 'Habitants', cell: (r) => r.population },
    { header: x.activeColumn, cell: (r) => (r.masked ? SECRET_CELL : (r.active ?? NOT_PROVIDED_CELL)) },
    { header: x.isolatedColumn, cell: (r) => (r.masked ? SECRET_CELL : (r.isolated ?? NOT_PROVIDED_CELL)) },
  ];
  for (const indicator of indicators) {
    const shown = shownIndicator(indicator, { perInhabitant });
    const unit = shown.percent ? '%' : shown.unit.fr;
    const scale = shown.percent ? 100 : 1;
    // As on screen: a count is whole (its halves stay in the machine-readable CSV).
    const decimals = displayDecimals(shown);
    const cell = (scenario: 'central' | 'bas' | 'haut') => (r: CommuneTableRow) => {
      const value = r.values[indicator.id];
      if (value === null) return SECRET_CELL;
      const v = value?.[scenario] ?? null;
      return v === null || !Number.isFinite(v) ? NOT_PROVIDED_CELL : v * scale;
    };
    columns.push({ header: `${shown.label.fr} (${unit})`, cell: cell('central'), decimals });
    if (isUncertain(indicator)) {
      columns.push({ header: `${shown.label.fr} — bas (${unit})`, cell: cell('bas'), decimals });
      columns.push({ header: `${shown.label.fr} — haut (${unit})`, cell: cell('haut'), decimals });
    }
  }
  const method = x.methodVersion(COEFFICIENTS.version);
  columns.push({ header: x.methodColumn, cell: () => method });
  return frenchCsv(rows, columns);
}

/**
 * Every indicator of the table's communes, machine-readable: the records of `npm run indicators`
 * (same columns, same numbers, the method version last). In the public view, masked communes keep
 * their row with empty figures, and a `secret_statistique` column says which.
 */
export function tableDataCsv(
  communes: readonly ZoneIndicators[],
  masked: ReadonlySet<string> | null,
): string {
  const records = toRecords(communes, 'commune');
  if (!masked) return dataCsv(withMethod(records));
  return dataCsv(
    withMethod(
      records.map((record): IndicatorRecord => {
        const secret = masked.has(String(record['zone']));
        const out: IndicatorRecord = {};
        for (const [key, value] of Object.entries(record)) {
          out[key] = secret && !['niveau', 'zone', 'nom'].includes(key) ? null : value;
        }
        out['secret_statistique'] = secret ? 'oui' : 'non';
        return out;
      }),
    ),
  );
}
