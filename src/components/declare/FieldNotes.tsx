import type { DraftIssue, FormField } from '../../declare/declaration-check.ts';
import { useDeclareTexts } from './use-declare-texts.ts';

/** Element ids of a form field: its input (or first radio), its hint and its messages. */
export function fieldIds(field: FormField) {
  return { input: `declare-${field}`, hint: `declare-${field}-hint`, issues: `declare-${field}-issues` };
}

/** The `aria-describedby` of a field: its hint, then its messages when it has any. */
export function describedBy(field: FormField, hint: boolean, issues: readonly DraftIssue[]): string {
  const ids = fieldIds(field);
  return [hint ? ids.hint : null, issues.length > 0 ? ids.issues : null].filter(Boolean).join(' ');
}

/** One message in the interface's language; an importer message known only in French says so. */
export function IssueLine({ issue }: { issue: DraftIssue }) {
  const t = useDeclareTexts();
  const prefix = issue.severity === 'warning' ? t.warning : '';
  const english = issue.text.en;
  if (t.lang === 'fr') return <>{`${prefix}${issue.text.fr}`}</>;
  if (english !== null) return <>{`${prefix}${english}`}</>;
  return (
    <>
      {prefix}
      <span lang="fr">{issue.text.fr}</span> ({t.frenchOnly})
    </>
  );
}

/** A field's hint and, next to it, its errors and warnings. */
export function FieldNotes({
  field,
  hint,
  issues,
}: {
  field: FormField;
  hint: string | null;
  issues: readonly DraftIssue[];
}) {
  const ids = fieldIds(field);
  return (
    <>
      {hint ? (
        <p id={ids.hint} className="declare-hint">
          {hint}
        </p>
      ) : null}
      {issues.length > 0 ? (
        <ul id={ids.issues} className="declare-issues" data-testid={`declare-issues-${field}`}>
          {issues.map((issue, i) => (
            <li key={i} className={issue.severity === 'error' ? 'declare-error' : 'declare-warning'}>
              <IssueLine issue={issue} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
