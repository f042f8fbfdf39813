import { RESOURCE_TYPES, type ResourceType } from '../../data/schema/vocabularies.ts';
import type { DraftIssue, FormField } from '../../declare/declaration-check.ts';
import { useMessages } from '../../hooks/use-messages.ts';
import { describedBy, FieldNotes, fieldIds } from './FieldNotes.tsx';
import { useDeclareTexts } from './use-declare-texts.ts';

/** What was exchanged and when: the type of resource, the first and last days. */
export function TypeAndDates({
  type,
  dateStart,
  dateEnd,
  onType,
  onDates,
  of,
}: {
  type: ResourceType | null;
  dateStart: string;
  dateEnd: string;
  onType: (type: ResourceType | null) => void;
  onDates: (dates: { date_debut: string } | { date_fin: string }) => void;
  of: (field: FormField) => readonly DraftIssue[];
}) {
  const t = useDeclareTexts();
  const m = useMessages();
  const invalid = (field: FormField) => of(field).some((i) => i.severity === 'error') || undefined;
  return (
    <>
      <div className="declare-field">
        <label htmlFor={fieldIds('type').input}>{t.type}</label>
        <select
          id={fieldIds('type').input}
          className="declare-input"
          value={type ?? ''}
          aria-describedby={describedBy('type', true, of('type'))}
          aria-invalid={invalid('type')}
          onChange={(e) => onType(RESOURCE_TYPES.find((r) => r === e.target.value) ?? null)}
          data-testid="declare-type"
        >
          <option value="">{t.chooseType}</option>
          {RESOURCE_TYPES.map((r) => (
            <option key={r} value={r}>
              {m.resourceTypes[r]}
            </option>
          ))}
        </select>
        <FieldNotes field="type" hint={t.typeHint} issues={of('type')} />
      </div>
      {(['date_debut', 'date_fin'] as const).map((field) => (
        <div className="declare-field" key={field}>
          <label htmlFor={fieldIds(field).input}>{field === 'date_debut' ? t.dateStart : t.dateEnd}</label>
          <input
            id={fieldIds(field).input}
            className="declare-input"
            type="date"
            value={field === 'date_debut' ? dateStart : dateEnd}
            onChange={(e) =>
              onDates(field === 'date_debut' ? { date_debut: e.target.value } : { date_fin: e.target.value })
            }
            aria-describedby={describedBy(field, field === 'date_fin', of(field)) || undefined}
            aria-invalid={invalid(field)}
            data-testid={fieldIds(field).input}
          />
          <FieldNotes field={field} hint={field === 'date_fin' ? t.dateEndHint : null} issues={of(field)} />
        </div>
      ))}
    </>
  );
}
