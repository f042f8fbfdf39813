import { useStore } from '@nanostores/react';
import { useCallback, useMemo, useRef, useState } from 'react';

import { checkDraft } from '../../declare/declaration-check.ts';
import { declarationFileName, exchangesCsv, exchangesXlsx } from '../../declare/declaration-files.ts';
import { declarationStamp, exchangeCells, exchangeId } from '../../declare/declaration-rows.ts';
import { registerPlace, registerSearch } from '../../declare/register-search.ts';
import { download } from '../../export/download.ts';
import { useModalDialog } from '../../hooks/use-modal-dialog.ts';
import { IMMEDIATE_ANSWERS, latestData, useQueryResult } from '../../hooks/use-query-result.ts';
import { $session } from '../../hooks/session-store.ts';
import { runRegister, type RegisterAssociation } from '../../indicators/explore/declaration-register.ts';
import { AssociationPicker } from './AssociationPicker.tsx';
import { DeclaredList, type DeclaredExchange } from './DeclaredList.tsx';
import { ExchangeForm, type FormDraft } from './ExchangeForm.tsx';
import { FieldNotes, fieldIds } from './FieldNotes.tsx';
import { useDeclareTexts } from './use-declare-texts.ts';
import { isolate } from '../../i18n/isolate.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Today in local time, `YYYY-MM-DD`. */
function localDay(now: Date): string {
  return declarationStamp(now)
    .slice(0, 8)
    .replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');
}

/**
 * « Déclarer des échanges »: an association finds itself in the loaded register, adds its
 * exchanges one by one (each checked by the importer), and downloads them as the exchange CSV or
 * an XLSX sheet for its territory's coordinator. Everything happens in the browser.
 */
export function DeclarationDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useDeclareTexts();
  const session = useStore($session);
  const dialog = useModalDialog(open);
  const register = useQueryResult(
    `register:${session?.generation ?? 'none'}`,
    session ? () => runRegister(session.runner) : null,
    { answers: IMMEDIATE_ANSWERS },
  );
  const entries = latestData(register);
  const search = useMemo(() => (entries ? registerSearch(entries) : null), [entries]);
  const [self, setSelf] = useState<RegisterAssociation | null>(null);
  const [declared, setDeclared] = useState<readonly DeclaredExchange[]>([]);
  const [status, setStatus] = useState('');
  const [stamp] = useState(() => declarationStamp(new Date()));
  const [today] = useState(() => localDay(new Date()));
  /** Numbers are never reused within a declaration, so an identifier stays with its exchange. */
  const next = useRef(1);
  const listHeading = useRef<HTMLHeadingElement>(null);

  // Checked after the exchanges already added: one the importer would reject as their duplicate is refused.
  const check = useCallback(
    (draft: FormDraft) =>
      checkDraft(
        self,
        draft,
        self ? exchangeId(self, stamp, next.current) : 'brouillon',
        today,
        declared.map((e) => e.cells),
      ),
    [self, stamp, today, declared],
  );
  const add = (draft: FormDraft, warnings: DeclaredExchange['warnings']) => {
    if (!self || !draft.partner || !draft.direction || !draft.type)
      throw new Error('checked draft incomplete');
    const id = exchangeId(self, stamp, next.current++);
    const exchange: DeclaredExchange = {
      id,
      partnerName: draft.partner.nom,
      direction: draft.direction,
      type: draft.type,
      cells: exchangeCells(self, draft, id),
      warnings,
    };
    setDeclared((list) => [...list, exchange]);
    return t.added(id, declared.length + 1);
  };
  const remove = (id: string) => {
    setDeclared((list) => list.filter((e) => e.id !== id));
    setStatus(t.removed(id));
    listHeading.current?.focus();
  };
  const save = (extension: 'csv' | 'xlsx') => {
    if (!self) return;
    const rows = declared.map((e) => e.cells);
    const name = declarationFileName(self, today, extension);
    if (extension === 'csv') download(name, exchangesCsv(rows));
    else download(name, new Blob([exchangesXlsx(rows).slice()], { type: XLSX_TYPE }));
    setStatus(t.downloaded(name));
  };

  const locked = declared.length > 0;
  return (
    <dialog
      ref={dialog}
      className="declare-dialog"
      aria-labelledby="declare-title"
      onClose={onClose}
      data-testid="declare-dialog"
    >
      <h2 id="declare-title">{t.heading}</h2>
      <p>{t.intro}</p>
      <p className="declare-privacy" data-testid="declare-privacy">
        {t.privacy}
      </p>
      {register.status === 'error' ? (
        <p className="import-error" role="alert">
          {t.loadFailed(register.message)}
        </p>
      ) : null}
      {!search ? (
        <p role="status">{t.loading}</p>
      ) : (
        <>
          <section className="declare-section" aria-labelledby="declare-self-title">
            <h3 id="declare-self-title">{t.step1}</h3>
            <div className="declare-field">
              <AssociationPicker
                id={fieldIds('self').input}
                label={t.selfLabel}
                index={search.index}
                byId={search.byId}
                value={self}
                onChange={setSelf}
                describedBy={fieldIds('self').hint}
                invalid={false}
                disabled={locked}
              />
              <FieldNotes field="self" hint={locked ? t.selfLocked : t.searchHint} issues={[]} />
              {self ? (
                <p className="declare-chosen" data-testid="declare-self-chosen">
                  {isolate(self.nom)} — {registerPlace(self)}
                </p>
              ) : null}
            </div>
          </section>
          {self ? (
            <section className="declare-section" aria-labelledby="declare-form-title">
              <h3 id="declare-form-title">{t.step2}</h3>
              <ExchangeForm
                index={search.index}
                byId={search.byId}
                self={self}
                check={check}
                add={add}
                announce={setStatus}
              />
            </section>
          ) : null}
          <DeclaredList exchanges={declared} onRemove={remove} headingRef={listHeading} />
          <div className="declare-downloads">
            <button type="button" onClick={() => save('csv')} disabled={!locked} data-testid="declare-csv">
              {t.csv}
            </button>
            <button type="button" onClick={() => save('xlsx')} disabled={!locked} data-testid="declare-xlsx">
              {t.xlsx}
            </button>
            <p className="declare-hint">{t.sendTo}</p>
          </div>
        </>
      )}
      <p className="declare-status" role="status" aria-live="polite" data-testid="declare-status">
        {status}
      </p>
      <form method="dialog" className="declare-close">
        <button type="submit">{t.close}</button>
      </form>
    </dialog>
  );
}
