import { atom, computed } from 'nanostores';

import type { ResourceType } from '../data/schema/index.ts';
import type { QualityTier, Side } from '../indicators/filters.ts';
import { DEFAULT_VIEW, type Audience, type Language, type Selection, type ViewState } from './view-state.ts';

/** The view: one store shared by every component, written only through the actions below. */
export const $view = atom<ViewState>(DEFAULT_VIEW);

function update(patch: Partial<ViewState>): void {
  $view.set({ ...$view.get(), ...patch });
}

export const $selection = computed($view, (view) => view.selection);

/** Replaces the whole view (reading a URL, going back in history). */
export function setView(view: ViewState): void {
  $view.set(view);
}

export function setAudience(audience: Audience): void {
  // The public view never keeps a funder's filter, nor a selected association's details.
  update(audience === 'public' ? { audience, funder: null } : { audience });
}

export function setLanguage(lang: Language): void {
  update({ lang });
}

export function setIndicator(indicator: string): void {
  update({ indicator });
}

export function setPerInhabitant(perInhabitant: boolean): void {
  update({ perInhabitant });
}

export function setPeriod(from: string | null, to: string | null): void {
  update({ from, to });
}

export function toggleType(type: ResourceType): void {
  const { types } = $view.get();
  update({ types: types.includes(type) ? types.filter((t) => t !== type) : [...types, type] });
}

export function toggleFamily(family: string): void {
  const { families } = $view.get();
  update({
    families: families.includes(family) ? families.filter((f) => f !== family) : [...families, family],
  });
}

/** Chooses an intercommunalité (null: the whole territory); the map then fits it. */
export function setEpci(epci: string | null): void {
  update({ epci, camera: null });
}

export function setFunder(funder: string | null): void {
  update({ funder });
}

export function setSide(side: Side): void {
  update({ side });
}

export function setQuality(quality: QualityTier): void {
  update({ quality });
}

/**
 * Back to the default filters (period, resources, themes, intercommunalité, funder, side,
 * quality); the rest of the view stays.
 */
export function clearFilters(): void {
  const { from, to, types, families, epci, funder, side, quality } = DEFAULT_VIEW;
  update({ from, to, types, families, epci, funder, side, quality });
}

export function select(selection: Selection): void {
  update({ selection, compare: selection?.kind === 'commune' ? $view.get().compare : null });
}

/** Shorthand for selecting a commune by its code (null clears the selection). */
export function selectCommune(code: string | null): void {
  select(code ? { kind: 'commune', id: code } : null);
}

export function setCompare(compare: string | null): void {
  update({ compare });
}

export function setDisplay(display: ViewState['display']): void {
  update({ display });
}

export function setCamera(camera: ViewState['camera']): void {
  update({ camera });
}

export function setBasemap(basemap: string | null): void {
  update({ basemap });
}

/**
 * Another territory is shown (the user's files): its period, intercommunalités, funders,
 * communes and framing are not the old one's, so those parts of the view start afresh.
 */
export function startNewTerritory(): void {
  update({ from: null, to: null, epci: null, funder: null, selection: null, compare: null, camera: null });
}
