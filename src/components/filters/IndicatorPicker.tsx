import { useStore } from '@nanostores/react';

import { defaultIndicatorId } from '../../dashboard/default-indicator.ts';
import { $session } from '../../hooks/session-store.ts';
import { useMessages } from '../../hooks/use-messages.ts';
import { canBePerInhabitant } from '../../indicators/per-inhabitant.ts';
import { INDICATORS, mapIndicator } from '../../indicators/registry.ts';
import { $view, setIndicator, setPerInhabitant } from '../../state/view.ts';
import { DefinitionButton } from '../method/DefinitionButton.tsx';

const FAMILIES = ['social', 'financier', 'environnemental', 'registre', 'signaux'] as const;

/**
 * Chooses the indicator that colours the map (an ⓘ beside it opens its definition), and whether a
 * total is read per 1,000 inhabitants.
 */
export function IndicatorPicker() {
  const view = useStore($view);
  const m = useMessages();
  const indicator = mapIndicator(view.indicator, defaultIndicatorId(useStore($session)?.manifest ?? null));
  const label = (i: (typeof INDICATORS)[number]) => (m.lang === 'fr' ? i.label.fr : i.label.en);
  const familyLabel = {
    social: m.families.cooperation,
    financier: m.families.economy,
    environnemental: m.families.environment,
    registre: m.families.register,
    signaux: m.families.signals,
  };
  return (
    <div className="filter filter-indicator">
      <label htmlFor="indicator-select">{m.filters.indicator}</label>
      <div className="indicator-select-row">
        <select
          id="indicator-select"
          value={indicator.id}
          onChange={(event) => setIndicator(event.target.value)}
          data-testid="indicator-select"
        >
          {FAMILIES.map((family) => (
            <optgroup key={family} label={familyLabel[family]}>
              {INDICATORS.filter((i) => i.family === family).map((i) => (
                <option key={i.id} value={i.id}>
                  {label(i)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <DefinitionButton indicator={indicator} />
      </div>
      <label className="filter-check">
        <input
          type="checkbox"
          checked={view.perInhabitant && canBePerInhabitant(indicator)}
          disabled={!canBePerInhabitant(indicator)}
          onChange={(event) => setPerInhabitant(event.target.checked)}
          data-testid="per-inhabitant"
        />
        {m.filters.perInhabitant}
      </label>
    </div>
  );
}
