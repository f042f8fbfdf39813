import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

import { formatNumber, formatQuarter } from '../../i18n/format.ts';
import { fr } from '../../i18n/fr.ts';
import type { QuarterCount } from '../../indicators/registry.ts';

export interface ChartEvent {
  readonly date: string;
  readonly label: string;
}

/** Bars of exchanges per quarter, with the dataset's events (e.g. a programme launch) marked. */
export function QuarterlyChart({
  quarters,
  events,
  title,
}: {
  quarters: readonly QuarterCount[];
  events: readonly ChartEvent[];
  title: string;
}) {
  const data = quarters.map((q) => ({ trimestre: formatQuarter(q.trimestre), echanges: q.echanges }));
  const first = data[0]?.trimestre ?? '';
  const last = data[data.length - 1]?.trimestre ?? '';
  return (
    <figure className="chart" data-testid="quarterly-chart">
      <figcaption>{title}</figcaption>
      <div role="img" aria-label={fr.chart.description(first, last)} className="chart-body">
        <ResponsiveContainer width="100%" height={180}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="trimestre" tick={{ fontSize: 10 }} interval={3} />
            <YAxis
              tick={{ fontSize: 10 }}
              allowDecimals={false}
              tickFormatter={(v: number) => formatNumber(v)}
            />
            <Tooltip formatter={(value) => [formatNumber(Number(value)), fr.chart.series]} />
            <Bar dataKey="echanges" name={fr.chart.series} fill="#2c7fb8" isAnimationActive={false} />
            {events.map((event) => (
              <ReferenceLine
                key={event.date}
                x={formatQuarter(event.date)}
                stroke="#d95f0e"
                strokeDasharray="4 2"
                label={{ value: '▼', position: 'top', fill: '#d95f0e', fontSize: 10 }}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {events.map((event) => (
        <p key={event.date} className="chart-note">
          <span aria-hidden="true" style={{ color: '#d95f0e' }}>
            ┆{' '}
          </span>
          {formatQuarter(event.date)} : {event.label}
        </p>
      ))}
    </figure>
  );
}
