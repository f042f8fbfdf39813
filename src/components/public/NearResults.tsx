import { useFormat } from '../../hooks/use-format.ts';
import type { NearMeState } from '../../hooks/use-near-me.ts';
import { latestData } from '../../hooks/use-query-result.ts';
import { nearMeMessages } from '../../i18n/sections/near-me.ts';
import { NEAR_RADIUS_KM } from '../../indicators/explore/near-me.ts';
import type { NearOrigin } from '../../state/near-me.ts';
import { NearAssociationCard } from './NearAssociationCard.tsx';
import { NearOfferCard } from './NearOfferCard.tsx';
import { NearPlaceCard } from './NearPlaceCard.tsx';
import { NearSection } from './NearSection.tsx';

/** What lies near the chosen point: associations, shared places, open offers and needs. */
export function NearResults({
  origin,
  near,
  onShowAssociation,
}: {
  origin: NearOrigin;
  near: NearMeState['near'];
  onShowAssociation: (id: string) => void;
}) {
  const f = useFormat();
  const t = nearMeMessages[f.m.lang];
  const data = latestData(near);
  const km = f.number(NEAR_RADIUS_KM);
  const heading =
    origin.kind === 'commune'
      ? t.aroundCommune(f.name(origin.commune.nom))
      : t.aroundPosition(origin.commune ? f.name(origin.commune.nom) : null);
  return (
    <div className="near-results" aria-busy={near.status === 'loading'} data-testid="near-results">
      <h3 className="near-around" data-testid="near-around">
        {heading}
      </h3>
      {origin.kind === 'position' && origin.commune === null ? (
        <p className="near-message" role="status" data-testid="near-outside">
          {t.outside}
        </p>
      ) : null}
      <p className="muted">{t.within(km)}</p>
      {near.status === 'error' ? (
        <p className="near-message" role="alert">
          {t.error(near.message)}
        </p>
      ) : null}
      {data === null ? (
        <p className="muted" role="status">
          {t.busy}
        </p>
      ) : (
        <>
          <NearSection
            heading={t.associationsHeading}
            list={data.associations}
            empty={t.noAssociation(km)}
            testId="near-associations"
          >
            {(a) => <NearAssociationCard key={a.id} association={a} onShow={onShowAssociation} />}
          </NearSection>
          <NearSection
            heading={t.placesHeading}
            list={data.places}
            empty={t.noPlace(km)}
            testId="near-places"
          >
            {(p) => <NearPlaceCard key={p.cle} place={p} />}
          </NearSection>
          <NearSection
            heading={t.offersHeading}
            list={data.offers}
            empty={t.noOffer(km)}
            testId="near-offers"
          >
            {(o) => <NearOfferCard key={o.id_annonce} offer={o} />}
          </NearSection>
        </>
      )}
    </div>
  );
}
