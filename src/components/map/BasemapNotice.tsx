import { useStore } from '@nanostores/react';

import { basemapMessages } from '../../i18n/sections/basemap.ts';
import { basemapOrigin } from '../../map/basemap-source.ts';
import { isOriginAllowedByPolicy } from '../../security/content-policy.ts';
import { $acceptedBasemaps, acceptBasemap, ignoreBasemap } from '../../state/basemap.ts';
import { $basemapFailure } from './basemap-failure.ts';

/**
 * What the page says about the remote basemap of the view: asks before loading one that came
 * with a link (naming its server), says when this site's security policy does not allow its
 * server, or why it could not be loaded. Nothing when there is none, or it loads.
 */
export function BasemapNotice({ basemap, lang }: { basemap: string | null; lang: 'fr' | 'en' }) {
  const accepted = useStore($acceptedBasemaps);
  const failure = useStore($basemapFailure);
  const t = basemapMessages[lang];
  if (basemap === null) return null;
  const origin = basemapOrigin(basemap) ?? basemap;
  const ignore = (
    <button type="button" onClick={ignoreBasemap}>
      {t.ignore}
    </button>
  );
  if (!isOriginAllowedByPolicy(basemap)) {
    return (
      <div className="basemap-notice" role="status" data-testid="basemap-notice" data-export="skip">
        <p>{t.notAllowed}</p>
        <p>
          <code data-testid="basemap-origin">{origin}</code>
        </p>
        <div className="share-row">{ignore}</div>
      </div>
    );
  }
  if (!accepted.includes(basemap)) {
    return (
      <div
        className="basemap-notice"
        role="dialog"
        aria-labelledby="basemap-consent-title"
        data-testid="basemap-consent"
        data-export="skip"
      >
        <h2 id="basemap-consent-title">{t.consentTitle}</h2>
        <p>{t.consentBody}</p>
        <p>
          <code data-testid="basemap-origin">{origin}</code>
        </p>
        <div className="share-row">
          <button type="button" onClick={() => acceptBasemap(basemap)}>
            {t.load}
          </button>
          {ignore}
        </div>
      </div>
    );
  }
  if (failure?.url === basemap) {
    return (
      <div className="basemap-notice" role="alert" data-testid="basemap-error" data-export="skip">
        <p>{t.unreachable(t.reason(failure.failure))}</p>
        <div className="share-row">{ignore}</div>
      </div>
    );
  }
  return null;
}
