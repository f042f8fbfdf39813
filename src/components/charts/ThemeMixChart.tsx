import { useFormat } from '../../hooks/use-format.ts';
import { formatPercent } from '../../i18n/format.ts';
import { themeMixMessages } from '../../i18n/sections/themes.ts';
import type { ThemeShare } from '../../indicators/explore/theme-mix.ts';
import { THEME_FAMILY_COLORS } from '../../map/theme-colors.ts';

/**
 * A commune's active associations by theme family beside the territory's, as shares: one row per
 * family, the figures written out (share and count) and two bars drawn in HTML — readable by
 * screen readers as they are, the same at every width.
 */
export function ThemeMixChart({ mix, name }: { mix: readonly ThemeShare[]; name: string }) {
  const f = useFormat();
  const { m } = f;
  const t = themeMixMessages[m.lang];
  const percent = (share: number | null) =>
    share === null ? m.coverage.notProvided : formatPercent(share, 0, m.locale);
  const widest = Math.max(...mix.flatMap((s) => [s.communeShare ?? 0, s.territoireShare ?? 0]), 0);
  const width = (share: number | null) => `${widest > 0 ? ((share ?? 0) / widest) * 100 : 0}%`;
  const hasCommune = mix.some((s) => s.commune > 0);
  return (
    <figure className="chart theme-mix" data-testid="commune-themes">
      <figcaption>{t.title}</figcaption>
      {hasCommune ? null : <p className="chart-note">{t.none}</p>}
      <table className="theme-mix-table">
        <thead>
          <tr>
            <th scope="col">{m.filters.themes}</th>
            <th scope="col">{t.commune(name)}</th>
            <th scope="col">{t.territory}</th>
          </tr>
        </thead>
        <tbody>
          {mix.map((s) => (
            <tr key={s.family} data-family={s.family}>
              <th scope="row">
                <span
                  className="theme-dot"
                  style={{ background: THEME_FAMILY_COLORS[s.family] }}
                  aria-hidden="true"
                />
                {m.themeFamilies[s.family]}
              </th>
              <td>
                {t.cell(percent(s.communeShare), f.number(s.commune))}
                <span className="theme-mix-bar" aria-hidden="true">
                  <span className="theme-mix-commune" style={{ width: width(s.communeShare) }} />
                </span>
              </td>
              <td>
                {t.cell(percent(s.territoireShare), f.number(s.territoire))}
                <span className="theme-mix-bar" aria-hidden="true">
                  <span className="theme-mix-territory" style={{ width: width(s.territoireShare) }} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="chart-note">{t.note}</p>
    </figure>
  );
}
