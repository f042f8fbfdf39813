import type { DraftIssue } from '../../declare/declaration-check.ts';
import { detailsShown, TYPE_FORMS } from '../../declare/declaration-fields.ts';
import type { Direction } from '../../declare/declaration-rows.ts';
import type { SearchIndex } from '../../dashboard/search-index.ts';
import type { RegisterAssociation } from '../../indicators/explore/declaration-register.ts';
import { AssociationPicker } from './AssociationPicker.tsx';
import { DetailInput } from './DetailInput.tsx';
import { describedBy, FieldNotes, fieldIds } from './FieldNotes.tsx';
import { RadioChoice } from './RadioChoice.tsx';
import { TypeAndDates } from './TypeAndDates.tsx';
import { useDeclareTexts } from './use-declare-texts.ts';
import { useExchangeDraft, type FormDraft } from './use-exchange-draft.ts';

export type { FormDraft } from './use-exchange-draft.ts';

/**
 * One exchange of the declaration: partner, direction, type, dates, the details its type needs,
 * consent. « Ajouter » runs the importer's checks (see useExchangeDraft); each message stays
 * next to its field.
 */
export function ExchangeForm({
  index,
  byId,
  self,
  check,
  add,
  announce,
}: {
  index: SearchIndex;
  byId: ReadonlyMap<string, RegisterAssociation>;
  self: RegisterAssociation;
  check: (draft: FormDraft) => Promise<DraftIssue[]>;
  /** Adds the exchange (its warnings kept with it); returns the announcement. */
  add: (draft: FormDraft, warnings: readonly DraftIssue[]) => string;
  announce: (text: string) => void;
}) {
  const t = useDeclareTexts();
  const { draft, checking, round, partnerInput, submit, set, setDetail, of, general } = useExchangeDraft({
    check,
    add,
    announce,
    errorsText: t.errors,
  });
  const type = draft.type;
  const form = type ? TYPE_FORMS[type] : null;
  const unit = draft.details.unite || (form?.units[0] ?? '');
  const defaultOf = (field: string) =>
    field === 'modalite' ? (form?.modalities[0] ?? '') : field === 'unite' ? unit : '';
  return (
    <form
      className="declare-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="declare-form"
    >
      <div className="declare-field declare-wide">
        <AssociationPicker
          key={round}
          id={fieldIds('partner').input}
          label={t.partnerLabel}
          index={index}
          byId={byId}
          exclude={self.id}
          value={draft.partner}
          onChange={(partner) => set({ partner })}
          describedBy={describedBy('partner', true, of('partner'))}
          invalid={of('partner').some((i) => i.severity === 'error')}
          inputRef={partnerInput}
        />
        <FieldNotes field="partner" hint={t.searchHint} issues={of('partner')} />
      </div>
      <RadioChoice<Direction>
        field="direction"
        legend={t.direction}
        options={(['fourni', 'recu'] as const).map((d) => ({ value: d, label: t.directions[d] }))}
        value={draft.direction}
        onChange={(direction) => set({ direction })}
        issues={of('direction')}
      />
      <TypeAndDates
        type={type}
        dateStart={draft.date_debut}
        dateEnd={draft.date_fin}
        // Another type asks other questions: the details typed for the previous one are dropped.
        onType={(next) => set({ type: next, details: {} })}
        onDates={set}
        of={of}
      />
      {type
        ? detailsShown(type).map((field) => (
            <DetailInput
              key={`${type}-${field}`}
              type={type}
              field={field}
              value={draft.details[field] ?? defaultOf(field)}
              unit={unit}
              onChange={(value) => setDetail(field, value)}
              issues={of(field)}
            />
          ))
        : null}
      <RadioChoice<'oui' | 'non'>
        field="consent"
        legend={t.consent}
        hint={t.consentHint}
        options={[
          { value: 'oui', label: t.yes },
          { value: 'non', label: t.no },
        ]}
        value={draft.consent === null ? null : draft.consent ? 'oui' : 'non'}
        onChange={(answer) => set({ consent: answer === 'oui' })}
        issues={of('consent')}
      />
      {general.length > 0 ? (
        <div className="declare-wide" id={fieldIds('form').input} tabIndex={-1}>
          <FieldNotes field="form" hint={null} issues={general} />
        </div>
      ) : null}
      <div className="declare-wide declare-submit">
        <button type="submit" className="primary" disabled={checking} data-testid="declare-add">
          {checking ? t.checking : t.add}
        </button>
      </div>
    </form>
  );
}
