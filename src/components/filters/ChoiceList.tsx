/** A compact multiple choice: a summary that opens a list of checkboxes. Nothing ticked means all. */
export function ChoiceList({
  label,
  allLabel,
  options,
  selected,
  onToggle,
  testId,
}: {
  label: string;
  allLabel: string;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  onToggle: (value: string) => void;
  testId: string;
}) {
  const summary =
    selected.length === 0
      ? allLabel
      : options
          .filter((o) => selected.includes(o.value))
          .map((o) => o.label)
          .join(', ');
  return (
    <details className="filter filter-choices" data-testid={testId}>
      <summary>
        <span className="filter-label">{label}</span> <span className="filter-value">{summary}</span>
      </summary>
      <fieldset>
        <legend className="visually-hidden">{label}</legend>
        {options.map((option) => (
          <label key={option.value} className="filter-check">
            <input
              type="checkbox"
              value={option.value}
              checked={selected.includes(option.value)}
              onChange={() => onToggle(option.value)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
