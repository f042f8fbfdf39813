import { useState } from 'react';

import { useMessages } from '../../hooks/use-messages.ts';
import { usePeriodNotice } from '../../hooks/use-period-notice.ts';
import { formatMonth, formatPeriod } from '../../i18n/format.ts';
import { periodMessages } from '../../i18n/sections/period.ts';

/** Longest part of a bad value shown back (the address may hold anything). */
const SHOWN_CHARS = 40;

/**
 * Says why the period of the address was not applied (not a date, reversed, no data then) and
 * that the default period is shown — instead of a blank page. Dismissable.
 */
export function PeriodNotice({ data }: { data: { readonly start: string; readonly end: string } | null }) {
  const m = useMessages();
  const problem = usePeriodNotice(data);
  const [closed, setClosed] = useState(false);
  if (!problem || closed) return null;
  const t = periodMessages[m.lang];
  const month = (value: string) => formatMonth(value, m.locale);
  const text =
    problem.kind === 'not-a-date'
      ? t.notADate(
          problem.key,
          problem.value.length > SHOWN_CHARS ? `${problem.value.slice(0, SHOWN_CHARS)}…` : problem.value,
        )
      : problem.kind === 'reversed'
        ? t.reversed(month(problem.from), month(problem.to))
        : t.outside(month(problem.value), formatPeriod(problem.start, problem.end, m.locale));
  return (
    <p className="period-notice" role="alert" data-testid="period-notice">
      <span>{text}</span>
      <button type="button" onClick={() => setClosed(true)} data-testid="period-notice-close">
        {t.close}
      </button>
    </p>
  );
}
