import { download } from '../../export/download.ts';
import { useMessages } from '../../hooks/use-messages.ts';
import { TEMPLATE_TYPES, useKitTemplate } from '../../hooks/use-kit-template.ts';
import { declareTexts } from '../../i18n/sections/declare.ts';
import { kitMessages } from '../../i18n/sections/kit.ts';
import {
  ASSOCIATION_COLUMNS,
  SHEETS,
  TEMPLATE_FILES,
  type TemplateFormat,
} from '../../kit/template-layout.ts';

const FORMATS: readonly TemplateFormat[] = ['xlsx', 'ods'];
/** Where the site's build puts the served dataset's templates (`scripts/build-kit.ts`). */
const KIT_URL = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}kit/`;

/**
 * « Modèle à remplir (XLSX) / (ODS) » and the workflow in one line. For the dataset served with
 * the site, links to the templates built with it; for a territory imported in the page, the
 * template is built here from its associations and downloaded. `place` tells the test ids apart.
 */
export function KitDownload({ place }: { place: 'coverage' | 'import' }) {
  const m = useMessages();
  const t = kitMessages[m.lang];
  const kit = useKitTemplate();
  if (!kit.source) return null;
  const { state } = kit;
  return (
    <div className="kit-download" data-testid={`kit-${place}`}>
      <p className="kit-workflow">
        {t.workflow(declareTexts[m.lang].button, SHEETS.associations, ASSOCIATION_COLUMNS.surveyed)}
      </p>
      <div className="kit-links" role="group" aria-label={t.label}>
        {FORMATS.map((format) =>
          kit.source === 'served' ? (
            <a
              key={format}
              href={`${KIT_URL}${TEMPLATE_FILES[format]}`}
              download={TEMPLATE_FILES[format]}
              type={TEMPLATE_TYPES[format]}
              data-testid={`kit-${place}-${format}`}
            >
              {t[format]}
            </a>
          ) : (
            <button
              key={format}
              type="button"
              title={t.local}
              disabled={state.status === 'building'}
              onClick={() =>
                kit.build(format, (bytes) =>
                  download(
                    TEMPLATE_FILES[format],
                    new Blob([bytes.slice()], { type: TEMPLATE_TYPES[format] }),
                  ),
                )
              }
              data-testid={`kit-${place}-${format}`}
            >
              {t[format]}
            </button>
          ),
        )}
      </div>
      {state.status === 'building' ? (
        <p className="kit-status" role="status">
          {t.building}
        </p>
      ) : state.status === 'error' ? (
        <p className="kit-status" role="alert">
          {t.failed(state.message)}
        </p>
      ) : null}
    </div>
  );
}
