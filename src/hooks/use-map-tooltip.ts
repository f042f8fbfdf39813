import type { ThemeFamily } from '../data/waldec.ts';
import { mapSymbolMessages } from '../i18n/sections/map-symbols.ts';
import { signalMessages } from '../i18n/sections/signals.ts';
import type { UmbrellaKind } from '../indicators/explore/shared-places.ts';
import type { IndicatorDefinition } from '../indicators/registry.ts';
import { placeFromProperties } from '../map/shared-places.ts';
import { isolate } from '../i18n/isolate.ts';
import type { DashboardModel } from './use-dashboard-model.ts';
import { useFormat } from './use-format.ts';

/**
 * The map's tooltip text for a feature under the pointer: an association and its theme, a flow
 * between two communes (both directions, value), a link, a shared place or an umbrella structure
 * (cooperation signals), or a commune with the value shown (secret or « no data » said as such).
 */
export function useMapTooltip(model: DashboardModel, shown: IndicatorDefinition) {
  const f = useFormat();
  const { m } = f;
  const { indicator } = model;
  const communeName = (code: string) => f.name(model.labelOf.get(code)?.nom ?? code);
  const s = signalMessages[m.lang];
  return (
    layer: 'commune' | 'flow' | 'association' | 'place' | 'hub',
    p: Record<string, unknown>,
  ): string => {
    if (layer === 'place') {
      const place = placeFromProperties(p);
      const themes = place.families.map((t) => ({
        label: m.themeFamilies[t.family],
        count: f.number(t.associations),
      }));
      return s.placeTooltip(isolate(place.libelle), f.number(place.associations), s.themes(themes));
    }
    if (layer === 'hub') return s.hubTooltip(f.name(String(p['nom'])), String(p['kind']) as UmbrellaKind);
    if (layer === 'association') {
      const family = String(p['famille']) as ThemeFamily;
      const approximate =
        p['precision'] === 'commune' ? ` — ${mapSymbolMessages[m.lang].approximateShort}` : '';
      return `${f.name(String(p['nom']))} (${m.themeFamilies[family] ?? family})${approximate}`;
    }
    if (layer === 'flow') {
      const [a, b] = [String(p['a']), String(p['b'])];
      const count = Number(p['echanges']);
      if (p['rang'] === undefined) return m.map.linkTooltip(count);
      const there = Number(p['a_vers_b']);
      return m.map.flowTooltip(
        communeName(a),
        communeName(b),
        count,
        there,
        count - there,
        f.number(Number(p['valeur'])),
      );
    }
    const code = String(p['code_insee']);
    const row = model.rows.find((r) => r.code === code);
    const name = typeof p['nom'] === 'string' ? f.name(p['nom']) : communeName(code);
    if (!row) return name;
    if (row.masked) return `${name} : ${m.legend.secret}`;
    const value = row.values[indicator.id] ?? null;
    if (value?.central === null || value?.central === undefined) return `${name} : ${m.legend.noData}`;
    // « Urseuil : 1 100 000 € (300 000 à 1 500 000 €) », « ± » and words when the sign is not established.
    const shownEstimate = f.estimate(shown, value);
    const unit = shownEstimate.unit ? `\u00a0${shownEstimate.unit}` : '';
    const range = shownEstimate.range
      ? ` (${shownEstimate.range}${shownEstimate.signUncertain ? ` · ± ${f.fm.signUncertainShort}` : ''})`
      : '';
    return `${name} : ${shownEstimate.value}${unit}${range}`;
  };
}
