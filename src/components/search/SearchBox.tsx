import { useCombobox } from 'downshift';
import { useEffect, useMemo, useState } from 'react';

import { buildSearchIndex, type SearchIndex } from '../../dashboard/search-index.ts';
import { useMessages } from '../../hooks/use-messages.ts';
import type { SearchEntry } from '../../indicators/map-layers-data.ts';
import { isolate } from '../../i18n/isolate.ts';

/**
 * Finds a commune or an association by name, with or without accents; arrows move through the
 * results, Enter opens one, Escape clears. An ARIA combobox (downshift).
 *
 * The index is built the first time the box is focused, not before: at regional size it takes
 * ~0.6 s of main thread (56,765 names), which the page's first drawing should not wait for. Until
 * it is built — or while the entries are still computed (null) — the box says so, rather than
 * « no result », and what was typed meanwhile is searched once it is.
 */
export function SearchBox({
  entries,
  onPick,
  texts,
  testId = 'search',
}: {
  /** null while they are computed. */
  entries: readonly SearchEntry[] | null;
  onPick: (entry: SearchEntry) => void;
  /** A visible label and a placeholder of its own (the header's box has a hidden one). */
  texts?: { label: string; placeholder: string } | undefined;
  /** Prefix of the test ids (`search-input`, `search-results`). */
  testId?: string;
}) {
  const m = useMessages();
  const [wanted, setWanted] = useState(false);
  const [built, setBuilt] = useState<{ entries: readonly SearchEntry[]; index: SearchIndex } | null>(null);
  useEffect(() => {
    if (!wanted || !entries || built?.entries === entries) return;
    // A task later, so that « Recherche en préparation… » is drawn before the build holds the thread.
    const timer = setTimeout(() => setBuilt({ entries, index: buildSearchIndex(entries) }), 0);
    return () => clearTimeout(timer);
  }, [wanted, entries, built]);
  const index = built && built.entries === entries ? built.index : null;
  const [query, setQuery] = useState('');
  const results = useMemo(() => index?.search(query) ?? [], [index, query]);
  const { isOpen, getInputProps, getMenuProps, getItemProps, getLabelProps, highlightedIndex, inputValue } =
    useCombobox<SearchEntry>({
      items: results,
      itemToString: (entry) => entry?.nom ?? '',
      itemToKey: (entry) => (entry ? `${entry.kind}:${entry.id}` : ''),
      onInputValueChange: ({ inputValue: typed }) => setQuery(typed),
      onSelectedItemChange: ({ selectedItem }) => {
        if (selectedItem) onPick(selectedItem);
      },
    });
  return (
    <div className="search">
      <label {...getLabelProps({ className: texts ? 'search-label' : 'visually-hidden' })}>
        {texts?.label ?? m.search.label}
      </label>
      <input
        {...getInputProps({
          onFocus: () => setWanted(true),
          type: 'search',
          placeholder: texts?.placeholder ?? m.search.placeholder,
          className: 'search-input',
        })}
        data-testid={`${testId}-input`}
      />
      <ul
        {...getMenuProps({ className: 'search-results' })}
        data-testid={`${testId}-results`}
        hidden={!isOpen}
      >
        {isOpen && results.length === 0 && inputValue.trim() ? (
          <li className="search-none" aria-busy={index === null}>
            {index === null ? m.search.loading : m.search.none}
          </li>
        ) : null}
        {isOpen
          ? results.map((entry, index) => (
              <li
                key={`${entry.kind}:${entry.id}`}
                {...getItemProps({ item: entry, index })}
                className={highlightedIndex === index ? 'search-result is-highlighted' : 'search-result'}
              >
                <span className="search-name" title={entry.nom}>
                  {isolate(entry.nom)}
                </span>
                <span className="search-meta">
                  {entry.kind === 'commune' ? m.search.commune : m.search.association}
                  {entry.lieu ? ` · ${isolate(entry.lieu)}` : ''}
                </span>
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
