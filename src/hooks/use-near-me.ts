import { useStore } from '@nanostores/react';
import { useState } from 'react';

import { communeAt } from '../dashboard/near-me.ts';
import { runNearCommunes, runNearMe } from '../indicators/explore/near-me.ts';
import type { SearchEntry } from '../indicators/map-layers-data.ts';
import { $nearOrigin, setNearOrigin } from '../state/near-me.ts';
import { $view } from '../state/view.ts';
import { $session } from './session-store.ts';
import { IMMEDIATE_ANSWERS, useQueryResult } from './use-query-result.ts';
import { filtersFromView } from './view-filters.ts';

/** Where asking the browser for the position stands (nothing is asked before the button). */
export type LocateStatus = 'idle' | 'locating' | 'denied' | 'unavailable' | 'unsupported';

/** A position a few minutes old is as good as a new one for « near ». */
const POSITION_OPTIONS: PositionOptions = { enableHighAccuracy: false, timeout: 20_000, maximumAge: 300_000 };

/**
 * « Près de chez moi »: the communes to choose from, the chosen point, and what lies near it in
 * the current view's filters. The position (opt-in) is read only when `locate` is called, and goes
 * nowhere but into the page's own queries.
 */
export function useNearMe() {
  const session = useStore($session);
  const view = useStore($view);
  const origin = useStore($nearOrigin);
  const [locating, setLocating] = useState<LocateStatus>('idle');
  const filters = session ? filtersFromView(view, session.manifest) : null;
  const generation = session?.generation ?? -1;

  const communes = useQueryResult(
    `communes|${generation}`,
    session ? () => runNearCommunes(session.runner) : null,
    { answers: IMMEDIATE_ANSWERS },
  );
  const near = useQueryResult(
    `${generation}|${origin?.longitude},${origin?.latitude}|${JSON.stringify(filters)}`,
    session && filters && origin ? () => runNearMe(session.runner, filters, origin) : null,
    // Another place never shows what lies near the previous one while it is computed.
    { answers: IMMEDIATE_ANSWERS, subject: `${origin?.longitude},${origin?.latitude}` },
  );

  const pickCommune = (entry: SearchEntry) => {
    setLocating('idle');
    setNearOrigin({
      kind: 'commune',
      commune: { code: entry.id, nom: entry.nom },
      longitude: entry.longitude,
      latitude: entry.latitude,
    });
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocating('unsupported');
      return;
    }
    setLocating('locating');
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        const { longitude, latitude } = coords;
        setLocating('idle');
        setNearOrigin({
          kind: 'position',
          commune: session ? communeAt(session.outlines, longitude, latitude) : null,
          longitude,
          latitude,
        });
      },
      (error) => setLocating(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      POSITION_OPTIONS,
    );
  };

  return { origin, communes, near, locating, pickCommune, locate };
}

export type NearMeState = ReturnType<typeof useNearMe>;
