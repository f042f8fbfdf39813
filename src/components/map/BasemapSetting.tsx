import { useState } from 'react';

import { useMessages } from '../../hooks/use-messages.ts';

/** Only web addresses may become a basemap: no `javascript:`, no `data:`. */
export function isBasemapUrl(value: string): boolean {
  try {
    const url = new URL(value.replace(/\{[xyz]\}/g, '0'));
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The opt-in remote basemap: the map works offline with none; a user may paste a MapLibre style
 * URL or a raster tile template ({z}/{x}/{y}), fetched from that server from then on.
 */
export function BasemapSetting({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (url: string | null) => void;
}) {
  const m = useMessages();
  const [draft, setDraft] = useState(value ?? '');
  const valid = isBasemapUrl(draft.trim());
  return (
    <details className="map-setting" data-testid="basemap-setting">
      <summary>{m.map.basemap}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) onChange(draft.trim());
        }}
      >
        <label htmlFor="basemap-url">{m.map.basemapHint}</label>
        <input
          id="basemap-url"
          type="url"
          value={draft}
          placeholder="https://…/{z}/{x}/{y}.png"
          onChange={(event) => setDraft(event.target.value)}
          aria-invalid={draft !== '' && !valid}
        />
        <div className="share-row">
          <button type="submit" disabled={!valid}>
            {m.map.basemapApply}
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft('');
              onChange(null);
            }}
            disabled={value === null}
          >
            {m.map.basemapNone}
          </button>
        </div>
      </form>
    </details>
  );
}
