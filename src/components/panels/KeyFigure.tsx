/**
 * A labelled figure of a panel. The label links to the figure's definition on the method page;
 * `testId` lets browser tests read exactly this figure.
 */
export function KeyFigure({
  label,
  value,
  hint,
  href,
  testId,
}: {
  label: string;
  value: string;
  hint?: string | null | undefined;
  href?: string | undefined;
  testId: string;
}) {
  return (
    <div className="key-figure">
      <dt>{href ? <a href={href}>{label}</a> : label}</dt>
      <dd data-testid={testId}>{value}</dd>
      {hint ? <dd className="key-figure-hint">{hint}</dd> : null}
    </div>
  );
}
