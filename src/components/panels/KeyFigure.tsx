import type { IndicatorDefinition } from '../../indicators/registry.ts';
import { DefinitionButton } from '../method/DefinitionButton.tsx';
import { useMessages } from '../../hooks/use-messages.ts';
import { figureMessages } from '../../i18n/sections/figures.ts';
import { SignBadge } from './EstimateParts.tsx';

/**
 * A labelled figure of a panel. An indicator's label has an ⓘ beside it that opens its definition
 * in place; `testId` lets browser tests read exactly this figure.
 */
export function KeyFigure({
  label,
  value,
  unit = null,
  range = null,
  signUncertain = false,
  hint,
  definition,
  testId,
}: {
  label: string;
  value: string;
  /** The unit written beside the value, when it is not in it (« km aller-retour par échange »). */
  unit?: string | null | undefined;
  /** The estimate's range, rounded outward (« 300 000 à 1 500 000 € »). */
  range?: string | null | undefined;
  /** The range crosses zero: a « ± » badge says the sign is not established. */
  signUncertain?: boolean | undefined;
  hint?: string | null | undefined;
  /** The indicator whose definition the ⓘ beside the label opens. */
  definition?: IndicatorDefinition | undefined;
  testId: string;
}) {
  const fm = figureMessages[useMessages().lang];
  return (
    <div className="key-figure">
      <dt>
        {label}
        {definition ? <DefinitionButton indicator={definition} /> : null}
      </dt>
      <dd className="key-figure-value">
        <span data-testid={testId}>{value}</span>
        {unit ? <span className="figure-unit">{unit}</span> : null}
      </dd>
      {range ? (
        <dd className="key-figure-hint">
          {fm.rangePrefix}
          <span data-testid={`${testId}-range`}>{range}</span>
          {signUncertain ? (
            <>
              {' '}
              <SignBadge fm={fm} withText />
            </>
          ) : null}
        </dd>
      ) : null}
      {hint ? <dd className="key-figure-hint">{hint}</dd> : null}
    </div>
  );
}
