import { useState } from 'react';

import { useMessages } from '../../hooks/use-messages.ts';
import { useModalDialog } from '../../hooks/use-modal-dialog.ts';
import { shownDatasetParam, useSavedTerritory } from '../../hooks/use-saved-territory.ts';
import { savedMessages } from '../../i18n/sections/saved.ts';
import { withDatasetParam } from '../../state/url.ts';

/** An `<iframe>` snippet showing `url` in a partner's page. */
export function embedSnippet(url: string, title: string): string {
  const escaped = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${escaped}" title="${title.replace(/"/g, '&quot;')}" width="100%" height="560" style="border:0" loading="lazy"></iframe>`;
}

/** `url` saying which dataset it shows (`d`), as the page's own URL does. */
function withDataset(url: string, param: string | null): string {
  if (param === null) return url;
  const parsed = new URL(url);
  parsed.search = withDatasetParam(parsed.search, param);
  return parsed.toString();
}

/**
 * Share and export: the link to this exact view (and to its dataset: a territory imported in
 * this browser is named, with a warning that the link works only here), an embed snippet, the
 * table as CSV (French or machine-readable), the map with its legend as PNG, and the printable
 * sheet.
 */
export function ShareDialog({
  open,
  url: viewUrl,
  embedUrl: viewEmbedUrl,
  canPrint,
  onCsvFrench,
  onCsvData,
  onPng,
  onPrint,
  error,
  onClose,
}: {
  open: boolean;
  url: string;
  embedUrl: string;
  canPrint: boolean;
  onCsvFrench: () => void;
  onCsvData: () => void;
  onPng: () => void;
  onPrint: () => void;
  /** Why the last export failed, if it did. */
  error: string | null;
  onClose: () => void;
}) {
  const m = useMessages();
  const dialog = useModalDialog(open);
  const [copied, setCopied] = useState<string | null>(null);
  const { shown } = useSavedTerritory();
  const param = shownDatasetParam();
  const url = withDataset(viewUrl, param);
  const embedUrl = withDataset(viewEmbedUrl, param);

  const copy = async (id: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(id);
    } catch {
      // Clipboard refused (insecure context, permission): select the text so Ctrl+C works.
      const field = document.getElementById(id);
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.select();
    }
  };
  const snippet = embedSnippet(embedUrl, m.appTitle);

  return (
    <dialog
      ref={dialog}
      className="share-dialog"
      aria-labelledby="share-title"
      onClose={onClose}
      data-testid="share-dialog"
    >
      <h2 id="share-title">{m.share.heading}</h2>
      {shown?.kind === 'local' ? (
        <p className="share-local-warning" role="note" data-testid="share-local-warning">
          {savedMessages[m.lang].shareLocal}
        </p>
      ) : null}
      <div className="share-field">
        <label htmlFor="share-link">{m.share.link}</label>
        <div className="share-row">
          <input
            id="share-link"
            readOnly
            value={url}
            data-testid="share-link"
            onFocus={(e) => e.target.select()}
          />
          <button type="button" onClick={() => void copy('share-link', url)} data-testid="copy-link">
            {copied === 'share-link' ? m.share.copied : m.share.copy}
          </button>
        </div>
      </div>
      <div className="share-field">
        <label htmlFor="share-embed">{m.share.embed}</label>
        <div className="share-row">
          <textarea
            id="share-embed"
            readOnly
            rows={3}
            value={snippet}
            data-testid="share-embed"
            onFocus={(e) => e.target.select()}
          />
          <button type="button" onClick={() => void copy('share-embed', snippet)}>
            {copied === 'share-embed' ? m.share.copied : m.share.copy}
          </button>
        </div>
      </div>
      <div className="share-actions">
        <button type="button" onClick={onCsvFrench} data-testid="export-csv-fr">
          {m.share.csvFr}
        </button>
        <button type="button" onClick={onCsvData} data-testid="export-csv-data">
          {m.share.csvData}
        </button>
        <button type="button" onClick={onPng} data-testid="export-png">
          {m.share.png}
        </button>
        {canPrint ? (
          <button type="button" onClick={onPrint} data-testid="share-print">
            {m.share.print}
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="share-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="panel-note">{m.share.note}</p>
      <form method="dialog">
        <button type="submit" className="share-close">
          {m.share.close}
        </button>
      </form>
    </dialog>
  );
}
