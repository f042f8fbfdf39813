import { useFormat } from '../../hooks/use-format.ts';
import { formatDate } from '../../i18n/format.ts';
import { nearMeMessages } from '../../i18n/sections/near-me.ts';
import type { NearOffer } from '../../indicators/explore/near-me.ts';
import { useDistanceText } from './NearSection.tsx';

/** An open offer or need nearby: what, by whom, since when, how far. */
export function NearOfferCard({ offer }: { offer: NearOffer }) {
  const f = useFormat();
  const { m } = f;
  const t = nearMeMessages[m.lang];
  const distance = useDistanceText();
  return (
    <li className={`near-card near-offer is-${offer.sens}`} data-testid="near-offer">
      <p className="near-offer-kind">
        <span className="near-badge">{offer.sens === 'offre' ? t.offer : t.need}</span>{' '}
        {m.resourceTypes[offer.type_ressource]}
      </p>
      <h4 className="near-card-title">{offer.description}</h4>
      <p className="near-where">
        {t.by(f.name(offer.association), f.name(offer.commune_nom))} · {distance(offer.distance_km)}
      </p>
      <p className="muted">{t.since(formatDate(offer.date_debut, m.locale))}</p>
    </li>
  );
}
