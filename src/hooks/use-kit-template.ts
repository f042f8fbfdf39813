import { useStore } from '@nanostores/react';
import { useState } from 'react';

import type { BrowserSession } from '../data/browser-session.ts';
import { runKitRegister } from '../indicators/explore/kit-register.ts';
import type { TemplateFormat } from '../kit/template-layout.ts';
import { templateAssociations } from '../kit/dataset-associations.ts';
import { $session } from './session-store.ts';

/** Media type of the template in each format. */
export const TEMPLATE_TYPES: Readonly<Record<TemplateFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

/**
 * The template of the dataset loaded in `session`, built in the page: its living associations
 * read through the session's runner, listed by the same rule as `scripts/build-kit.ts`. The
 * writers (exceljs for XLSX) load on first use only.
 */
export async function sessionTemplate(
  session: Pick<BrowserSession, 'runner' | 'manifest'>,
  format: TemplateFormat,
): Promise<Uint8Array> {
  const [register, { buildExchangeTemplate }] = await Promise.all([
    runKitRegister(session.runner),
    import('../kit/build-template.ts'),
  ]);
  const associations = templateAssociations(register.associations, register.communes);
  return buildExchangeTemplate({ territory: session.manifest.name, associations }, format);
}

/** Where the template comes from: the files built with the site, or the page (an imported territory). */
export type KitSource = 'served' | 'local';

/** Building a template in the page: idle, under way (which format), or failed (why). */
export type KitBuild =
  | { readonly status: 'idle' }
  | { readonly status: 'building'; readonly format: TemplateFormat }
  | { readonly status: 'error'; readonly message: string };

/**
 * The exchange template of the dataset the page shows: `source` null until a dataset is loaded;
 * `build` makes the template of an imported territory and hands its bytes to `save`.
 */
export function useKitTemplate(): {
  source: KitSource | null;
  state: KitBuild;
  build: (format: TemplateFormat, save: (bytes: Uint8Array) => void) => void;
} {
  const session = useStore($session);
  const [state, setState] = useState<KitBuild>({ status: 'idle' });
  const build = (format: TemplateFormat, save: (bytes: Uint8Array) => void) => {
    if (!session || state.status === 'building') return;
    setState({ status: 'building', format });
    sessionTemplate(session, format).then(
      (bytes) => {
        save(bytes);
        setState({ status: 'idle' });
      },
      (error: unknown) =>
        setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  };
  return { source: session ? session.dataset.kind : null, state, build };
}
