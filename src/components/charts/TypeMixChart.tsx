import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import { formatNumber } from '../../i18n/format.ts';
import { useMessages } from '../../hooks/use-messages.ts';
import type { TypeShare } from '../../indicators/explore/breakdown.ts';

/** Exchanges by resource type, as horizontal bars; masked types are listed, not drawn. */
export function TypeMixChart({
  mix,
  masked,
  title,
  testId,
}: {
  mix: readonly TypeShare[];
  masked: ReadonlySet<string>;
  title: string;
  testId: string;
}) {
  const m = useMessages();
  const shown = mix.filter((t) => !masked.has(t.type_ressource));
  const data = shown.map((t) => ({ type: m.resourceTypes[t.type_ressource], echanges: t.echanges }));
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {data.length === 0 ? (
        <p className="chart-note">{m.chart.none}</p>
      ) : (
        <div className="chart-body">
          <ResponsiveContainer width="100%" height={24 * data.length + 16}>
            <BarChart data={data} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 8 }}>
              <XAxis type="number" hide />
              <YAxis type="category" dataKey="type" width={130} tick={{ fontSize: 11 }} />
              <Tooltip formatter={(value) => [formatNumber(Number(value), 0, m.locale), m.chart.series]} />
              <Bar dataKey="echanges" fill="#41ab5d" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      {/* The same figures as text, for screen readers and for reading exact numbers. */}
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {mix.map((t) => (
            <tr key={t.type_ressource}>
              <th scope="row">{m.resourceTypes[t.type_ressource]}</th>
              <td>
                {masked.has(t.type_ressource) ? m.public.secret : formatNumber(t.echanges, 0, m.locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {masked.size > 0 ? <p className="chart-note">{m.public.maskedTypes(masked.size)}</p> : null}
    </figure>
  );
}
