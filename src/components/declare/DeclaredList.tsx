import type { Ref } from 'react';

import type { DraftIssue } from '../../declare/declaration-check.ts';
import { optionLabel } from '../../declare/declaration-fields.ts';
import type { Direction, ExchangeCells } from '../../declare/declaration-rows.ts';
import { useMessages } from '../../hooks/use-messages.ts';
import type { ResourceType } from '../../data/schema/vocabularies.ts';
import { IssueLine } from './FieldNotes.tsx';
import { useDeclareTexts } from './use-declare-texts.ts';

/** An exchange added to the declaration: its row of the file, and what the list shows of it. */
export interface DeclaredExchange {
  readonly id: string;
  readonly partnerName: string;
  readonly direction: Direction;
  readonly type: ResourceType;
  readonly cells: ExchangeCells;
  readonly warnings: readonly DraftIssue[];
}

/** The exchanges added so far, each with its identifier, partner, type, dates, quantity and « Retirer ». */
export function DeclaredList({
  exchanges,
  onRemove,
  headingRef,
}: {
  exchanges: readonly DeclaredExchange[];
  onRemove: (id: string) => void;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const t = useDeclareTexts();
  const m = useMessages();
  return (
    <section className="declare-section" aria-labelledby="declare-list-title">
      <h3 id="declare-list-title" ref={headingRef} tabIndex={-1}>
        {t.step3(exchanges.length)}
      </h3>
      {exchanges.length === 0 ? <p className="declare-hint">{t.none}</p> : null}
      <ul className="declare-list" data-testid="declare-list">
        {exchanges.map(({ id, partnerName, direction, type, cells, warnings }) => {
          const dates =
            cells['date_fin'] && cells['date_fin'] !== cells['date_debut']
              ? `${cells['date_debut']} → ${cells['date_fin']}`
              : cells['date_debut'];
          return (
            <li key={id} data-testid="declare-item">
              <div className="declare-item-text">
                <strong>{direction === 'fourni' ? t.given(partnerName) : t.received(partnerName)}</strong>
                <span>
                  {m.resourceTypes[type]} · {dates} · {cells['quantite']}{' '}
                  {optionLabel(cells['unite'] ?? '', t.lang)}
                </span>
                <span className="declare-id">{id}</span>
                {warnings.map((w, i) => (
                  <span key={i} className="declare-warning">
                    <IssueLine issue={w} />
                  </span>
                ))}
              </div>
              <button type="button" onClick={() => onRemove(id)} aria-label={t.removeLabel(id)}>
                {t.remove}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
