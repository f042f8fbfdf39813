import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import { useFormat } from '../../hooks/use-format.ts';
import { formatPercent } from '../../i18n/format.ts';
import { themeMixMessages } from '../../i18n/sections/themes.ts';
import type { ThemeShare } from '../../indicators/explore/theme-mix.ts';

/**
 * A commune's active associations by theme family beside the territory's, as shares (horizontal
 * bars); the exact shares and counts are in a table for screen readers.
 */
export function ThemeMixChart({ mix, name }: { mix: readonly ThemeShare[]; name: string }) {
  const f = useFormat();
  const { m } = f;
  const t = themeMixMessages[m.lang];
  const percent = (share: number | null) =>
    share === null ? m.coverage.notProvided : formatPercent(share, 0, m.locale);
  const hasCommune = mix.some((s) => s.commune > 0);
  const data = mix.map((s) => ({
    family: m.themeFamilies[s.family],
    commune: s.communeShare ?? 0,
    territoire: s.territoireShare ?? 0,
  }));
  return (
    <figure className="chart" data-testid="commune-themes">
      <figcaption>{t.title}</figcaption>
      {hasCommune ? (
        <div className="chart-body">
          <ResponsiveContainer width="100%" height={30 * data.length + 40}>
            <BarChart data={data} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 8 }}>
              <XAxis type="number" hide domain={[0, 'dataMax']} />
              <YAxis type="category" dataKey="family" width={130} tick={{ fontSize: 11 }} />
              <Tooltip
                formatter={(value, key) => [percent(Number(value)), key === 'commune' ? name : t.territory]}
              />
              <Legend formatter={(key) => (key === 'commune' ? t.commune(name) : t.territory)} />
              <Bar dataKey="commune" fill="#2b6cb0" isAnimationActive={false} />
              <Bar dataKey="territoire" fill="#a0aec0" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <p className="chart-note">{t.none}</p>
      )}
      <table className="visually-hidden">
        <caption>{t.title}</caption>
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
              <th scope="row">{m.themeFamilies[s.family]}</th>
              <td>{t.cell(percent(s.communeShare), f.number(s.commune))}</td>
              <td>{t.cell(percent(s.territoireShare), f.number(s.territoire))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="chart-note">{t.note}</p>
    </figure>
  );
}
