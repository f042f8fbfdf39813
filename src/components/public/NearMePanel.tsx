import { useMemo } from 'react';

import { communeEntries } from '../../dashboard/near-me.ts';
import { useMessages } from '../../hooks/use-messages.ts';
import { useNearMe } from '../../hooks/use-near-me.ts';
import { latestData } from '../../hooks/use-query-result.ts';
import { nearMeMessages } from '../../i18n/sections/near-me.ts';
import { PublicNotice } from '../panels/PublicNotice.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import { LocateButton } from './LocateButton.tsx';
import { NearResults } from './NearResults.tsx';

/**
 * « Près de chez moi », the public view's panel: the person types a commune or opts in to
 * geolocation, then reads what is near as cards. Below, what the public view hides and why.
 */
export function NearMePanel({
  maskedCommunes,
  onShowAssociation,
}: {
  maskedCommunes: number;
  onShowAssociation: (id: string) => void;
}) {
  const m = useMessages();
  const t = nearMeMessages[m.lang];
  const { origin, communes, near, locating, pickCommune, locate } = useNearMe();
  const list = latestData(communes);
  const entries = useMemo(() => (list ? communeEntries(list) : null), [list]);
  return (
    <section className="panel near-me" aria-labelledby="near-title" data-testid="near-me">
      <p className="panel-kicker">{t.kicker}</p>
      <h2 id="near-title">{t.title}</h2>
      <p className="near-intro">{t.intro}</p>
      <div className="near-choose">
        <SearchBox
          entries={entries}
          onPick={pickCommune}
          texts={{ label: t.communeLabel, placeholder: t.communePlaceholder }}
          testId="near-commune"
        />
        <LocateButton status={locating} onLocate={locate} />
      </div>
      {origin ? <NearResults origin={origin} near={near} onShowAssociation={onShowAssociation} /> : null}
      <PublicNotice maskedCommunes={maskedCommunes} />
    </section>
  );
}
