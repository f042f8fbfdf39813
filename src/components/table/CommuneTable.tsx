import { useState } from 'react';

import { sortRows, type CommuneTableRow, type Sort } from '../../dashboard/commune-table.ts';
import { shownIndicator } from '../../dashboard/shown-value.ts';
import { useFormat } from '../../hooks/use-format.ts';
import type { IndicatorDefinition } from '../../indicators/registry.ts';

/**
 * The map as a table: the same figures, one row per commune, sortable by any column with the
 * keyboard (column headers are buttons; `aria-sort` says the order). A commune's name opens its
 * portrait.
 */
export function CommuneTable({
  rows,
  indicators,
  perInhabitant,
  caption,
  onSelectCommune,
}: {
  rows: readonly CommuneTableRow[];
  indicators: readonly IndicatorDefinition[];
  perInhabitant: boolean;
  caption: string;
  onSelectCommune: (code: string) => void;
}) {
  const f = useFormat();
  const { m } = f;
  const [mapIndicator] = indicators;
  const [sort, setSort] = useState<Sort>({ key: mapIndicator?.id ?? 'nom', direction: 'descending' });
  const sorted = sortRows(rows, sort);
  const header = (key: string, label: string, numeric: boolean) => {
    const active = sort.key === key;
    const next: Sort = {
      key,
      direction: active
        ? sort.direction === 'ascending'
          ? 'descending'
          : 'ascending'
        : numeric
          ? 'descending'
          : 'ascending',
    };
    return (
      <th
        scope="col"
        key={key}
        aria-sort={active ? sort.direction : 'none'}
        className={numeric ? 'numeric' : undefined}
      >
        <button
          type="button"
          className="sort-button"
          onClick={() => setSort(next)}
          data-testid={`sort-${key}`}
        >
          {label}
          <span aria-hidden="true" className="sort-mark">
            {active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
          </span>
          <span className="visually-hidden">{m.table.sortBy(label)}</span>
        </button>
      </th>
    );
  };
  return (
    <div className="table-view" data-testid="table-view">
      <table className="commune-table" data-testid="commune-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {header('nom', m.table.commune, false)}
            {header('epci', m.table.epci, false)}
            {header('population', m.table.population, true)}
            {indicators.map((indicator) =>
              header(indicator.id, f.label(shownIndicator(indicator, { perInhabitant })), true),
            )}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.code} data-code={row.code}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSelectCommune(row.code)}>
                  {row.nom}
                </button>
              </th>
              <td>{row.epci_nom ?? '–'}</td>
              <td className="numeric">{row.population === null ? '–' : f.number(row.population)}</td>
              {indicators.map((indicator) => {
                const shown = shownIndicator(indicator, { perInhabitant });
                const value = row.values[indicator.id];
                return (
                  <td
                    key={indicator.id}
                    className="numeric"
                    data-indicator={indicator.id}
                    title={f.hint(shown, value) ?? undefined}
                  >
                    {f.value(shown, value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
