import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

import { formatNumber, formatQuarter } from '../../i18n/format.ts';
import { useMessages } from '../../hooks/use-messages.ts';
import type { QuarterCount } from '../../indicators/registry.ts';

export interface ChartEvent {
  readonly date: string;
  readonly label: string;
}

/** One series of bars: a zone's exchanges per quarter; masked quarters are left empty. */
export interface QuarterSeries {
  readonly name: string;
  readonly quarters: readonly QuarterCount[];
  readonly masked: ReadonlySet<string>;
}

const COLORS = ['#2c7fb8', '#b8336a'] as const;

/** Bars of exchanges per quarter (one or two zones), with the dataset's events marked. */
export function QuarterlyChart({
  series,
  events,
  title,
  testId = 'quarterly-chart',
}: {
  series: readonly QuarterSeries[];
  events: readonly ChartEvent[];
  title: string;
  testId?: string;
}) {
  const m = useMessages();
  const [first] = series;
  const data = (first?.quarters ?? []).map((q, i) => ({
    trimestre: formatQuarter(q.trimestre, m.locale),
    ...Object.fromEntries(
      series.map((s, k) => {
        const quarter = s.quarters[i];
        return [`s${k}`, !quarter || s.masked.has(quarter.trimestre) ? null : quarter.echanges];
      }),
    ),
  }));
  const from = data[0]?.trimestre ?? '';
  const to = data[data.length - 1]?.trimestre ?? '';
  const maskedCount = series.reduce((n, s) => n + s.masked.size, 0);
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div role="img" aria-label={m.chart.description(from, to)} className="chart-body">
        <ResponsiveContainer width="100%" height={180}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="trimestre" tick={{ fontSize: 10 }} interval={3} />
            <YAxis
              tick={{ fontSize: 10 }}
              allowDecimals={false}
              tickFormatter={(v: number) => formatNumber(v, 0, m.locale)}
            />
            <Tooltip
              formatter={(value, name) => [
                value === null ? m.public.secret : formatNumber(Number(value), 0, m.locale),
                name,
              ]}
            />
            {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 11 }} itemSorter="dataKey" /> : null}
            {series.map((s, k) => (
              <Bar
                key={s.name}
                dataKey={`s${k}`}
                name={s.name}
                fill={COLORS[k % COLORS.length]}
                isAnimationActive={false}
              />
            ))}
            {events.map((event) => (
              <ReferenceLine
                key={event.date}
                x={formatQuarter(event.date, m.locale)}
                stroke="#b35806"
                strokeDasharray="4 2"
                label={{ value: '▼', position: 'top', fill: '#b35806', fontSize: 10 }}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {events.map((event) => (
        <p key={event.date} className="chart-note">
          <span aria-hidden="true" className="chart-event-mark">
            ┆{' '}
          </span>
          {formatQuarter(event.date, m.locale)}
          {m.lang === 'fr' ? ' : ' : ': '}
          {event.label}
        </p>
      ))}
      {maskedCount > 0 ? <p className="chart-note">{m.public.maskedQuarters(maskedCount)}</p> : null}
    </figure>
  );
}
