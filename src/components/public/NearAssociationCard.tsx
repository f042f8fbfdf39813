import { RNA_PATTERN } from '../../data/schema/index.ts';
import { publicWebsite } from '../../data/website.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { nearMeMessages } from '../../i18n/sections/near-me.ts';
import type { NearAssociation } from '../../indicators/explore/near-me.ts';
import { useDistanceText } from './NearSection.tsx';
import { isolate } from '../../i18n/isolate.ts';

const RNA_NUMBER = new RegExp(RNA_PATTERN);

/**
 * An association nearby, as a card: name, distance and commune (flagged approximate when it is
 * placed at its commune), RNA number, purpose, public website, and what it offers or looks for.
 */
export function NearAssociationCard({
  association: a,
  onShow,
}: {
  association: NearAssociation;
  onShow: (id: string) => void;
}) {
  const f = useFormat();
  const { m } = f;
  const t = nearMeMessages[m.lang];
  const distance = useDistanceText();
  const website = publicWebsite(a.site_web);
  const types = (list: readonly string[]) =>
    list.map((type) => m.resourceTypes[type as keyof typeof m.resourceTypes] ?? type).join(', ');
  return (
    <li className="near-card" data-testid="near-association" data-id={a.id}>
      <h4 className="near-card-title" data-testid="near-association-name">
        {f.name(a.nom)}
      </h4>
      <p className="near-where">
        <span data-testid="near-distance">{distance(a.distance_km)}</span> · {f.name(a.commune_nom)}
        {a.precision_geo === 'commune' ? (
          <span className="near-approximate" data-testid="near-approximate">
            {' '}
            ({t.approximate})
          </span>
        ) : null}
      </p>
      <dl className="near-facts">
        {RNA_NUMBER.test(a.id) ? (
          <>
            <dt>{t.rna}</dt>
            <dd data-testid="near-rna">{a.id}</dd>
          </>
        ) : null}
        <dt>{t.purpose}</dt>
        <dd>{isolate(a.waldec_libelle ?? a.theme_libelle)}</dd>
        {website ? (
          <>
            <dt>{t.website}</dt>
            <dd>
              <a href={website.href} rel="noopener nofollow" target="_blank" data-testid="near-website">
                {website.host}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {a.propose.length > 0 ? <p className="near-offers">{t.offers(types(a.propose))}</p> : null}
      {a.cherche.length > 0 ? <p className="near-offers">{t.seeks(types(a.cherche))}</p> : null}
      <button type="button" className="link-button near-show" onClick={() => onShow(a.id)}>
        {t.showOnMap}
      </button>
    </li>
  );
}
