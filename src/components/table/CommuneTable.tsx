import { useState } from 'react';

import { sortRows, type CommuneTableRow, type Sort } from '../../dashboard/commune-table.ts';
import { shownIndicator } from '../../dashboard/shown-value.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { isHalfCounted, unitHint } from '../../i18n/format-indicator.ts';
import type { IndicatorDefinition } from '../../indicators/registry.ts';
import { EstimateDetails } from '../panels/EstimateParts.tsx';
import { DefinitionButton } from '../method/DefinitionButton.tsx';

/**
 * The map as a table: the same figures, one row per commune, sortable by any column with the
 * keyboard (column headers are buttons; `aria-sort` says the order), each indicator's with an ⓘ
 * that opens its definition. A commune's name opens its portrait.
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
  // Another indicator on the map: a sort on the previous one, or on a column no longer shown,
  // follows the new one, as a fresh load of the page would (a sort the person chose on a column
  // still shown stays).
  const [sortedFor, setSortedFor] = useState(mapIndicator?.id);
  if (sortedFor !== mapIndicator?.id) {
    setSortedFor(mapIndicator?.id);
    const columns = ['nom', 'epci', 'population', ...indicators.map((i) => i.id)];
    if (sort.key === sortedFor || !columns.includes(sort.key))
      setSort({ key: mapIndicator?.id ?? 'nom', direction: 'descending' });
  }
  const sorted = sortRows(rows, sort);
  const header = (key: string, label: string, numeric: boolean, definition?: IndicatorDefinition) => {
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
          {definition && unitHint(definition, m.locale) ? (
            <span className="figure-unit">{unitHint(definition, m.locale)}</span>
          ) : null}
          <span aria-hidden="true" className="sort-mark">
            {active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
          </span>
          <span className="visually-hidden">{m.table.sortBy(label)}</span>
        </button>
        {definition ? <DefinitionButton indicator={definition} /> : null}
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
            {indicators.map((indicator) => {
              const shown = shownIndicator(indicator, { perInhabitant });
              return header(indicator.id, f.label(shown), true, shown);
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.code} data-code={row.code}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSelectCommune(row.code)}>
                  {f.name(row.nom)}
                </button>
              </th>
              <td>{row.epci_nom === null ? '–' : f.name(row.epci_nom)}</td>
              <td className="numeric">{row.population === null ? '–' : f.number(row.population)}</td>
              {indicators.map((indicator) => {
                const shown = shownIndicator(indicator, { perInhabitant });
                const estimate = f.estimate(shown, row.values[indicator.id]);
                return (
                  <td key={indicator.id} className="numeric" data-indicator={indicator.id}>
                    <span className="figure-value">{estimate.value}</span>
                    <EstimateDetails
                      estimate={{ ...estimate, unit: null }}
                      fm={f.fm}
                      testId={`table-${row.code}-${indicator.id}`}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="panel-note" data-testid="table-figures-note">
        {f.fm.rangeNote}
        {indicators.some(isHalfCounted) ? ` ${f.fm.halfCountNote}` : ''}
      </p>
    </div>
  );
}
