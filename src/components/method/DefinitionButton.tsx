import { useCallback, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';

import { useFormat } from '../../hooks/use-format.ts';
import { definitionMessages } from '../../i18n/sections/definitions.ts';
import type { IndicatorDefinition } from '../../indicators/registry.ts';
import { DefinitionPopover } from './DefinitionPopover.tsx';

/**
 * The ⓘ beside an indicator's name: opens its definition in place, without leaving the map. The
 * glyph is drawn by the stylesheet (so a name's text stays the name) and padding makes the touch
 * target 44 × 44 px. The popover lives at the end of the body; the browser's popover invoker link
 * keeps it next in the focus order.
 */
export function DefinitionButton({ indicator }: { indicator: IndicatorDefinition }) {
  const f = useFormat();
  const d = definitionMessages[f.m.lang];
  const popoverId = `definition-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const onToggle = useCallback((next: boolean) => setOpen(next), []);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="definition-button"
        popoverTarget={popoverId}
        aria-label={d.button(f.label(indicator))}
        aria-expanded={open}
        aria-controls={popoverId}
        data-testid={`definition-button-${indicator.id}`}
      />
      {createPortal(
        <DefinitionPopover id={popoverId} indicator={indicator} anchor={button} onToggle={onToggle} />,
        document.body,
      )}
    </>
  );
}
