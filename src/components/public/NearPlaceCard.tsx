import { useFormat } from '../../hooks/use-format.ts';
import { nearMeMessages } from '../../i18n/sections/near-me.ts';
import type { NearPlace } from '../../indicators/explore/near-me.ts';
import { useDistanceText } from './NearSection.tsx';
import { isolate } from '../../i18n/isolate.ts';

/** A place shared by three associations or more: its address, commune and distance (from the commune). */
export function NearPlaceCard({ place }: { place: NearPlace }) {
  const f = useFormat();
  const t = nearMeMessages[f.m.lang];
  const distance = useDistanceText();
  return (
    <li className="near-card" data-testid="near-place">
      <h4 className="near-card-title">{isolate(place.libelle)}</h4>
      <p className="near-where">
        {distance(place.distance_km)} · {t.placeWhere(f.name(place.commune_nom))}
      </p>
      <p data-testid="near-place-count">{t.placeAssociations(f.number(place.associations))}</p>
    </li>
  );
}
