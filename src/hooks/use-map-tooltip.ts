import type { ThemeFamily } from '../data/waldec.ts';
import { unitHint } from '../i18n/format-indicator.ts';
import type { IndicatorDefinition } from '../indicators/registry.ts';
import type { DashboardModel } from './use-dashboard-model.ts';
import { useFormat } from './use-format.ts';

/**
 * The map's tooltip text for a feature under the pointer: an association and its theme, a flow
 * between two communes (both directions, value), a link, or a commune with the value shown
 * (secret or « no data » said as such).
 */
export function useMapTooltip(model: DashboardModel, shown: IndicatorDefinition) {
  const f = useFormat();
  const { m } = f;
  const { indicator } = model;
  const communeName = (code: string) => model.labelOf.get(code)?.nom ?? code;
  return (layer: 'commune' | 'flow' | 'association', p: Record<string, unknown>): string => {
    if (layer === 'association') {
      const family = String(p['famille']) as ThemeFamily;
      return `${String(p['nom'])} (${m.themeFamilies[family] ?? family})`;
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
    const name = String(p['nom'] ?? communeName(code));
    if (!row) return name;
    if (row.masked) return `${name} : ${m.legend.secret}`;
    const value = row.values[indicator.id] ?? null;
    if (value?.central === null || value?.central === undefined) return `${name} : ${m.legend.noData}`;
    const unit = unitHint(shown, m.locale);
    return `${name} : ${f.value(shown, value)}${unit ? ` ${unit}` : ''}`;
  };
}
