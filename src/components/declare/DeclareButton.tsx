import { lazy, Suspense, useState } from 'react';

import { useDeclareTexts } from './use-declare-texts.ts';

/** The dialog and what it brings (the importer's checks, SheetJS) load on the first click only. */
const DeclarationDialog = lazy(() =>
  import('./DeclarationDialog.tsx').then((module) => ({ default: module.DeclarationDialog })),
);

/**
 * « Déclarer des échanges » in the toolbar. Once opened, the dialog stays mounted, so that
 * closing it by mistake loses nothing of the declaration.
 */
export function DeclareButton() {
  const t = useDeclareTexts();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
        data-testid="declare-open"
      >
        {t.button}
      </button>
      {opened ? (
        <Suspense fallback={null}>
          <DeclarationDialog open={open} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
