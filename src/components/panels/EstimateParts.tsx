import type { FormattedEstimate } from '../../i18n/format-indicator.ts';
import type { FigureMessages } from '../../i18n/sections/figures.ts';

/**
 * « ± » beside an estimate whose range crosses zero: its sign is not established. Read aloud in
 * words; `withText` also writes them where there is room.
 */
export function SignBadge({ fm, withText = false }: { fm: FigureMessages; withText?: boolean }) {
  return (
    <span className="sign-badge" title={fm.signUncertain} data-sign="uncertain">
      <span aria-hidden="true">±{withText ? ` ${fm.signUncertainShort}` : ''}</span>
      <span className="visually-hidden">{fm.signUncertain}</span>
    </span>
  );
}

/**
 * The unit and range under a value in a table cell: « km aller-retour par échange »,
 * « (300 000 à 1 500 000 €) », with the sign badge when the range crosses zero.
 */
export function EstimateDetails({
  estimate,
  fm,
  testId,
}: {
  estimate: FormattedEstimate;
  fm: FigureMessages;
  testId: string;
}) {
  return (
    <>
      {estimate.unit ? <span className="figure-unit">{estimate.unit}</span> : null}
      {estimate.range ? (
        <span className="figure-range">
          <span className="visually-hidden">{fm.rangePrefix}</span>
          <span data-testid={`${testId}-range`}>({estimate.range})</span>
          {estimate.signUncertain ? (
            <>
              {' '}
              <SignBadge fm={fm} />
            </>
          ) : null}
        </span>
      ) : null}
    </>
  );
}
