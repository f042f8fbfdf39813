import { useCombobox } from 'downshift';
import { useRef, useState, type Ref } from 'react';

import type { SearchIndex } from '../../dashboard/search-index.ts';
import type { RegisterAssociation } from '../../indicators/explore/declaration-register.ts';
import { registerPlace } from '../../declare/register-search.ts';
import { useDeclareTexts } from './use-declare-texts.ts';

/**
 * Finds an association of the register with the page's search index (name, commune, RNA number),
 * as the toolbar's search box does: an ARIA combobox (downshift), arrows and Enter to pick.
 */
export function AssociationPicker({
  id,
  label,
  index,
  byId,
  exclude,
  value,
  onChange,
  describedBy,
  invalid,
  disabled = false,
  inputRef,
}: {
  id: string;
  label: string;
  index: SearchIndex;
  byId: ReadonlyMap<string, RegisterAssociation>;
  /** An association not to offer (the declaring one, as its own partner). */
  exclude?: string | null;
  value: RegisterAssociation | null;
  onChange: (association: RegisterAssociation | null) => void;
  /** Ids of the hint and error texts of the field. */
  describedBy: string;
  invalid: boolean;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement> | undefined;
}) {
  const t = useDeclareTexts();
  const [results, setResults] = useState<RegisterAssociation[]>([]);
  const [text, setText] = useState(value?.nom ?? '');
  // Set while the picker itself unchooses (the user typed over a choice): the text stays.
  const unchoosing = useRef(false);
  const types = useCombobox.stateChangeTypes;
  const { isOpen, getInputProps, getMenuProps, getItemProps, getLabelProps, highlightedIndex } =
    useCombobox<RegisterAssociation>({
      id,
      inputId: id,
      items: results,
      selectedItem: value,
      inputValue: text,
      itemToString: (a) => a?.nom ?? '',
      itemToKey: (a) => a?.id ?? '',
      onInputValueChange: ({ inputValue: query, type }) => {
        if (type === types.ControlledPropUpdatedSelectedItem && unchoosing.current) {
          unchoosing.current = false;
          return;
        }
        setText(query);
        if (type !== types.InputChange) return;
        if (value && query !== value.nom) {
          unchoosing.current = true;
          onChange(null);
        }
        setResults(
          index
            .search(query, 10)
            .map((entry) => byId.get(entry.id))
            .filter((a): a is RegisterAssociation => a !== undefined && a.id !== exclude)
            .slice(0, 8),
        );
      },
      onSelectedItemChange: ({ selectedItem }) => onChange(selectedItem ?? null),
    });
  return (
    <div className="declare-picker">
      <label {...getLabelProps()}>{label}</label>
      <input
        {...getInputProps({
          ...(inputRef ? { ref: inputRef } : {}),
          type: 'search',
          className: 'declare-input',
          disabled,
          autoComplete: 'off',
          'aria-describedby': describedBy,
          'aria-invalid': invalid,
        })}
        data-testid={`${id}-input`}
      />
      <ul {...getMenuProps({ className: 'search-results' })} hidden={!isOpen} data-testid={`${id}-results`}>
        {isOpen && results.length === 0 && text.trim() ? <li className="search-none">{t.noResult}</li> : null}
        {isOpen
          ? results.map((association, i) => (
              <li
                key={association.id}
                {...getItemProps({ item: association, index: i })}
                className={highlightedIndex === i ? 'search-result is-highlighted' : 'search-result'}
              >
                <span className="search-name">{association.nom}</span>
                <span className="search-meta">{registerPlace(association)}</span>
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
