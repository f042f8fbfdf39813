import type { DraftIssue, FormField } from '../../declare/declaration-check.ts';
import { describedBy, FieldNotes, fieldIds } from './FieldNotes.tsx';

/**
 * A required choice among a few answers, as radio buttons in a fieldset (large touch targets);
 * the first radio carries the field's id, so that focus can be sent to the question.
 */
export function RadioChoice<T extends string>({
  field,
  legend,
  hint = null,
  options,
  value,
  onChange,
  issues,
}: {
  field: FormField;
  legend: string;
  hint?: string | null;
  options: readonly { readonly value: T; readonly label: string }[];
  value: T | null;
  onChange: (value: T) => void;
  issues: readonly DraftIssue[];
}) {
  const ids = fieldIds(field);
  return (
    <fieldset
      className="declare-field declare-radios"
      aria-describedby={describedBy(field, hint !== null, issues) || undefined}
      aria-invalid={issues.some((i) => i.severity === 'error') || undefined}
    >
      <legend>{legend}</legend>
      <div className="declare-radio-row">
        {options.map((option, i) => (
          <label key={option.value} className="declare-radio">
            <input
              type="radio"
              id={i === 0 ? ids.input : undefined}
              name={ids.input}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              data-testid={`${ids.input}-${option.value}`}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <FieldNotes field={field} hint={hint} issues={issues} />
    </fieldset>
  );
}
