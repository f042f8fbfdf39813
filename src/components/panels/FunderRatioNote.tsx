import { useFormat } from '../../hooks/use-format.ts';
import { funderViewMessages } from '../../i18n/sections/funder-view.ts';
import { indicatorById, type ZoneIndicators } from '../../indicators/registry.ts';

const RATIO = 'ratio-subventions';

/**
 * The ratio of net avoided cost to cash grants in words, for a funder, as context: its value with
 * its unit (« 0,12 € évité par € de subvention en numéraire »), what it divides, and why it is
 * not an SROI.
 */
export function FunderRatioNote({ zone }: { zone: ZoneIndicators }) {
  const f = useFormat();
  const fv = funderViewMessages[f.m.lang];
  const indicator = indicatorById(RATIO);
  if (!indicator) return null;
  // The unit is null when there is no value (« non renseigné ») or when it is written with the number.
  const estimate = f.estimate(indicator, zone.values[RATIO]);
  const shown = estimate.unit ? `${estimate.value}\u00a0${estimate.unit}` : estimate.value;
  return (
    <p className="panel-note" data-testid="funder-ratio-note">
      {fv.ratio(shown)} {fv.notSroi}
    </p>
  );
}
