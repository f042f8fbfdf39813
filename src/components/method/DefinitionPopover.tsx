import { useEffect, useRef, type RefObject } from 'react';

import { useFormat } from '../../hooks/use-format.ts';
import { definitionMessages } from '../../i18n/sections/definitions.ts';
import type { IndicatorDefinition } from '../../indicators/registry.ts';
import { placePopover } from './place-popover.ts';

/**
 * An indicator's definition, in place: formula in words, how to read it, what it does not show,
 * unit, and a link to its section of the method page in a new tab. A non-modal dialog in the
 * browser's top layer (`popover="auto"`): Escape and a click outside close it, and the browser
 * returns focus to the button that opened it. Opening it moves focus into it.
 */
export function DefinitionPopover({
  id,
  indicator,
  anchor,
  onToggle,
}: {
  id: string;
  indicator: IndicatorDefinition;
  anchor: RefObject<HTMLButtonElement | null>;
  onToggle: (open: boolean) => void;
}) {
  const f = useFormat();
  const d = definitionMessages[f.m.lang];
  const lang = f.m.lang;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const popover = ref.current;
    if (!popover) return undefined;
    const opening = (event: Event) => {
      if ((event as ToggleEvent).newState === 'open' && anchor.current) placePopover(popover, anchor.current);
    };
    const toggled = (event: Event) => {
      const open = (event as ToggleEvent).newState === 'open';
      onToggle(open);
      if (open) popover.focus();
      else if (document.activeElement === document.body || popover.contains(document.activeElement))
        anchor.current?.focus();
    };
    popover.addEventListener('beforetoggle', opening);
    popover.addEventListener('toggle', toggled);
    return () => {
      popover.removeEventListener('beforetoggle', opening);
      popover.removeEventListener('toggle', toggled);
    };
  }, [anchor, onToggle]);
  const titleId = `${id}-title`;
  return (
    <div
      ref={ref}
      id={id}
      popover="auto"
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      className="definition-popover"
      data-testid="definition-popover"
      data-indicator={indicator.id}
    >
      <div className="definition-head">
        <p className="definition-title" id={titleId}>
          {f.label(indicator)}
        </p>
        <button
          type="button"
          className="definition-close"
          popoverTarget={id}
          popoverTargetAction="hide"
          aria-label={d.close}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <dl className="definition-body">
        <dt>{d.formula}</dt>
        <dd data-testid="definition-formula">{indicator.formula[lang]}</dd>
        <dt>{d.reading}</dt>
        <dd data-testid="definition-reading">{indicator.reading[lang]}</dd>
        {indicator.caveats ? (
          <>
            <dt>{d.caveats}</dt>
            <dd data-testid="definition-caveats">{indicator.caveats[lang]}</dd>
          </>
        ) : null}
        <dt>{d.unit}</dt>
        <dd data-testid="definition-unit">{indicator.percent ? d.percent : f.unit(indicator)}</dd>
      </dl>
      <a
        className="definition-method"
        href={f.href(indicator.id)}
        target="_blank"
        rel="noopener"
        data-testid="definition-method-link"
      >
        {d.fullMethod}
        <span className="visually-hidden"> {d.newTab}</span>
      </a>
    </div>
  );
}
