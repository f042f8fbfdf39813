import type { ReactNode } from 'react';

import { roundDistance } from '../../dashboard/near-me.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { nearMeMessages } from '../../i18n/sections/near-me.ts';
import type { NearList } from '../../indicators/explore/near-me.ts';

/** « à 1,2 km », « à moins d’1 km » in the page's language. */
export function useDistanceText(): (km: number) => string {
  const f = useFormat();
  const t = nearMeMessages[f.m.lang];
  return (km) => {
    const d = roundDistance(km);
    return d.kind === 'under1' ? t.distanceUnder1 : t.distance(f.number(d.value, d.decimals));
  };
}

/**
 * One kind of thing nearby as a list of cards, nearest first, and how many more lie within the
 * radius (« et 12 autres ») when the list is cut.
 */
export function NearSection<T>({
  heading,
  list,
  empty,
  testId,
  children,
}: {
  heading: string;
  list: NearList<T>;
  empty: string;
  testId: string;
  children: (item: T) => ReactNode;
}) {
  const f = useFormat();
  const t = nearMeMessages[f.m.lang];
  const others = list.total - list.items.length;
  return (
    <section className="near-section" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h3 id={`${testId}-title`}>{heading}</h3>
      {list.items.length === 0 ? (
        <p className="muted" data-testid={`${testId}-none`}>
          {empty}
        </p>
      ) : (
        <ul className="near-cards">{list.items.map((item) => children(item))}</ul>
      )}
      {others > 0 ? (
        <p className="near-more" data-testid={`${testId}-more`}>
          {t.more(others, f.number(others))}
        </p>
      ) : null}
    </section>
  );
}
