/** A labelled figure of a panel; `testId` lets browser tests read exactly this figure. */
export function KeyFigure({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId: string;
}) {
  return (
    <div className="key-figure">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
      {hint ? <dd className="key-figure-hint">{hint}</dd> : null}
    </div>
  );
}
