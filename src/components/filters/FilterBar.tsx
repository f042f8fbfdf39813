import { useStore } from '@nanostores/react';
import { useId, useState } from 'react';

import { defaultIndicatorId } from '../../dashboard/default-indicator.ts';
import { RESOURCE_TYPES } from '../../data/schema/index.ts';
import { THEME_FAMILY_LABELS } from '../../data/waldec.ts';
import { $session } from '../../hooks/session-store.ts';
import { useMessages } from '../../hooks/use-messages.ts';
import { formatMonth } from '../../i18n/format.ts';
import { layoutMessages } from '../../i18n/sections/layout.ts';
import { methodV2FigureMessages } from '../../i18n/sections/method-v2-figures.ts';
import { QUALITY_TIERS, type QualityTier } from '../../indicators/filters.ts';
import type { Funder } from '../../indicators/explore/territory-insights.ts';
import { mapIndicator, SIDES } from '../../indicators/registry.ts';
import {
  $view,
  setEpci,
  setFunder,
  setQuality,
  setSide,
  toggleFamily,
  toggleType,
} from '../../state/view.ts';
import { DEFAULT_VIEW } from '../../state/view-state.ts';
import { ChoiceList } from './ChoiceList.tsx';
import { IndicatorPicker } from './IndicatorPicker.tsx';
import { PeriodSlider } from './PeriodSlider.tsx';

/**
 * Every filter of the view: indicator, period (with playback), resources, themes, zone, funder,
 * side, data quality. On a phone or a tablet they fold behind a « Filtres » button that sums up
 * what is on, naming the quality tier kept when it is not every exchange (CSS shows the button and
 * hides the folded filters below 801 px; on a desk they are always laid out).
 */
export function FilterBar({
  months,
  epcis,
  funders,
  playing,
  onTogglePlay,
}: {
  months: readonly string[];
  epcis: readonly { code: string; nom: string }[];
  funders: readonly Funder[];
  playing: boolean;
  onTogglePlay: () => void;
}) {
  const view = useStore($view);
  const m = useMessages();
  const l = layoutMessages[m.lang];
  const x = methodV2FigureMessages[m.lang];
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const indicator = mapIndicator(view.indicator, defaultIndicatorId(useStore($session)?.manifest ?? null));
  const first = months[0] ?? '';
  const last = months[months.length - 1] ?? '';
  const period = `${formatMonth(view.from ?? first, m.locale)} – ${formatMonth(view.to ?? last, m.locale)}`;
  const active = [
    view.types.length > 0,
    view.families.length > 0,
    view.epci !== null,
    view.audience === 'financeur' && view.funder !== null,
    view.side !== DEFAULT_VIEW.side,
    view.quality !== DEFAULT_VIEW.quality,
  ].filter(Boolean).length;
  // The quality tier right after the indicator: it changes what every figure counts.
  const summary = [m.lang === 'fr' ? indicator.label.fr : indicator.label.en]
    .concat(view.quality !== DEFAULT_VIEW.quality ? [x.qualityShort[view.quality]] : [])
    .concat(period)
    .concat(active > 0 ? [l.activeFilters(active)] : [])
    .join(' · ');
  return (
    <section className={open ? 'filter-bar is-open' : 'filter-bar'} aria-label={m.filters.heading}>
      <button
        type="button"
        className="filter-toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setOpen((o) => !o)}
        data-testid="filters-toggle"
      >
        <span className="filter-toggle-label">{l.filters}</span>{' '}
        <span className="filter-toggle-summary" data-testid="filters-summary">
          {summary}
        </span>
      </button>
      <div className="filter-bar-body" id={bodyId}>
        <IndicatorPicker />
        <PeriodSlider months={months} playing={playing} onTogglePlay={onTogglePlay} />
        <ChoiceList
          label={m.filters.types}
          allLabel={m.filters.all}
          options={RESOURCE_TYPES.map((type) => ({ value: type, label: m.resourceTypes[type] }))}
          selected={view.types}
          onToggle={(type) => toggleType(type as (typeof RESOURCE_TYPES)[number])}
          testId="filter-types"
        />
        <ChoiceList
          label={m.filters.themes}
          allLabel={m.filters.all}
          options={Object.keys(THEME_FAMILY_LABELS).map((family) => ({
            value: family,
            label: m.themeFamilies[family as keyof typeof THEME_FAMILY_LABELS],
          }))}
          selected={view.families}
          onToggle={toggleFamily}
          testId="filter-themes"
        />
        <div className="filter">
          <label htmlFor="epci-select">{m.filters.epci}</label>
          <select
            id="epci-select"
            value={view.epci ?? ''}
            onChange={(event) => setEpci(event.target.value || null)}
            data-testid="epci-select"
          >
            <option value="">{m.filters.allEpci}</option>
            {epcis.map((epci) => (
              <option key={epci.code} value={epci.code}>
                {epci.nom}
              </option>
            ))}
          </select>
        </div>
        {view.audience === 'financeur' ? (
          <div className="filter">
            <label htmlFor="funder-select">{m.filters.funder}</label>
            <select
              id="funder-select"
              value={view.funder ?? ''}
              onChange={(event) => setFunder(event.target.value || null)}
              data-testid="funder-select"
            >
              <option value="">{m.filters.chooseFunder}</option>
              {view.funder &&
              !funders.some(
                (f) => f.cle === view.funder || f.programmes.some((p) => p.cle === view.funder),
              ) ? (
                // A funder from a link that has no grant in this period: kept, and said so.
                <option value={view.funder}>{m.filters.unknownFunder(view.funder)}</option>
              ) : null}
              {funders.map((funder) => (
                <optgroup key={funder.cle} label={funder.nom}>
                  <option value={funder.cle}>{m.filters.allProgrammes(funder.nom)}</option>
                  {funder.programmes.map((programme) => (
                    <option key={programme.cle} value={programme.cle}>
                      {programme.nom}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        ) : null}
        <div className="filter">
          <label htmlFor="side-select">{m.filters.side}</label>
          <select
            id="side-select"
            value={view.side}
            onChange={(event) => setSide(event.target.value as (typeof SIDES)[number])}
          >
            {SIDES.map((side) => (
              <option key={side} value={side}>
                {m.filters.sides[side]}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="quality-select">{x.qualityLabel}</label>
          <select
            id="quality-select"
            className="quality-select"
            value={view.quality}
            onChange={(event) => setQuality(event.target.value as QualityTier)}
            data-testid="quality-select"
          >
            {QUALITY_TIERS.map((tier) => (
              <option key={tier} value={tier}>
                {x.qualityOptions[tier]}
              </option>
            ))}
          </select>
        </div>
      </div>
    </section>
  );
}
