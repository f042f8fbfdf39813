import {
  choicesOf,
  DETAIL_SPECS,
  hintOf,
  optionLabel,
  TYPE_FORMS,
  type DetailField,
} from '../../declare/declaration-fields.ts';
import type { DraftIssue } from '../../declare/declaration-check.ts';
import type { ResourceType } from '../../data/schema/vocabularies.ts';
import { describedBy, FieldNotes, fieldIds } from './FieldNotes.tsx';
import { useDeclareTexts } from './use-declare-texts.ts';

/**
 * One detail of an exchange for its type: a number (decimal comma accepted, its unit beside it),
 * a short text or a choice, with its label, hint and messages.
 */
export function DetailInput({
  type,
  field,
  value,
  unit,
  onChange,
  issues,
}: {
  type: ResourceType;
  field: DetailField;
  value: string;
  /** The quantity's unit as chosen (or the type's only one). */
  unit: string;
  onChange: (value: string) => void;
  issues: readonly DraftIssue[];
}) {
  const t = useDeclareTexts();
  const spec = DETAIL_SPECS[field];
  const ids = fieldIds(field);
  const hint = hintOf(type, field)?.[t.lang] ?? null;
  const common = {
    id: ids.input,
    'aria-describedby': describedBy(field, hint !== null, issues) || undefined,
    'aria-invalid': issues.some((i) => i.severity === 'error') || undefined,
    'data-testid': ids.input,
  };
  const input = spec.input;
  // Arrangement and unit always have a value (the type's first by default); other choices may stay empty.
  const fixed = field === 'modalite' || field === 'unite';
  const suffix =
    input.kind === 'number'
      ? field === 'quantite'
        ? TYPE_FORMS[type].units.length === 1
          ? optionLabel(unit, t.lang)
          : null
        : (input.unit?.[t.lang] ?? null)
      : null;
  return (
    <div className="declare-field">
      <label htmlFor={ids.input}>{spec.label[t.lang]}</label>
      {input.kind === 'choice' ? (
        <select
          {...common}
          className="declare-input"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          {fixed ? null : <option value="">{t.notGiven}</option>}
          {choicesOf(type, field).map((code) => (
            <option key={code} value={code}>
              {optionLabel(code, t.lang)}
            </option>
          ))}
        </select>
      ) : (
        <div className="declare-with-unit">
          <input
            {...common}
            className="declare-input"
            type="text"
            inputMode={input.kind === 'number' ? 'decimal' : undefined}
            maxLength={input.kind === 'text' ? input.maxLength : undefined}
            autoComplete="off"
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
          {suffix ? <span className="declare-unit">{suffix}</span> : null}
        </div>
      )}
      <FieldNotes field={field} hint={hint} issues={issues} />
    </div>
  );
}
