import { useEffect, useRef, useState } from 'react';

import type { ResourceType } from '../../data/schema/vocabularies.ts';
import type { DraftIssue, FormField } from '../../declare/declaration-check.ts';
import { detailsShown, type DetailField } from '../../declare/declaration-fields.ts';
import type { ExchangeDraft } from '../../declare/declaration-rows.ts';
import type { RegisterAssociation } from '../../indicators/explore/declaration-register.ts';
import { fieldIds } from './FieldNotes.tsx';

/** A draft whose partner is an association of the register. */
export type FormDraft = ExchangeDraft<RegisterAssociation>;

const EMPTY: FormDraft = {
  partner: null,
  direction: null,
  type: null,
  date_debut: '',
  date_fin: '',
  details: {},
  consent: null,
};

/** The form's fields in the order shown: the first one in error gets the focus. */
function fieldOrder(type: ResourceType | null): FormField[] {
  return [
    'partner',
    'direction',
    'type',
    'date_debut',
    'date_fin',
    ...(type ? detailsShown(type) : []),
    'consent',
  ];
}

/**
 * The exchange being entered and its checks. `submit` runs them: with errors, they are kept
 * (and follow every change from then on), the focus goes to the first field in error and their
 * count is announced; without, the exchange is added and the form starts again, focus on the
 * partner search (`round` counts the exchanges added, to start that search afresh).
 */
export function useExchangeDraft({
  check,
  add,
  announce,
  errorsText,
}: {
  check: (draft: FormDraft) => Promise<DraftIssue[]>;
  add: (draft: FormDraft, warnings: readonly DraftIssue[]) => string;
  announce: (text: string) => void;
  errorsText: (count: number) => string;
}) {
  const [draft, setDraft] = useState<FormDraft>(EMPTY);
  const [issues, setIssues] = useState<readonly DraftIssue[]>([]);
  const [checking, setChecking] = useState(false);
  const [live, setLive] = useState(false);
  const [round, setRound] = useState(0);
  const partnerInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (round > 0) partnerInput.current?.focus();
  }, [round]);
  useEffect(() => {
    if (!live) return;
    let current = true;
    void check(draft).then((found) => current && setIssues(found));
    return () => {
      current = false;
    };
  }, [draft, live, check]);

  const submit = async () => {
    setChecking(true);
    const found = await check(draft);
    setChecking(false);
    const errors = found.filter((i) => i.severity === 'error');
    if (errors.length > 0) {
      setIssues(found);
      setLive(true);
      announce(errorsText(errors.length));
      const first = fieldOrder(draft.type).find((f) => errors.some((e) => e.field === f)) ?? 'form';
      document.getElementById(fieldIds(first).input)?.focus();
      return;
    }
    announce(add(draft, found));
    setDraft(EMPTY);
    setIssues([]);
    setLive(false);
    setRound((r) => r + 1);
  };

  return {
    draft,
    checking,
    round,
    partnerInput,
    submit,
    set: (change: Partial<FormDraft>) => setDraft((d) => ({ ...d, ...change })),
    setDetail: (field: DetailField, value: string) =>
      setDraft((d) => ({ ...d, details: { ...d.details, [field]: value } })),
    /** The messages of one field. */
    of: (field: FormField) => issues.filter((i) => i.field === field),
    /** Messages about the exchange as a whole. */
    general: issues.filter((i) => i.field === 'form' || i.field === 'self'),
  };
}
