import {
  Bar,
  BarChart,
  ReferenceLine,
  ResponsiveContainer,
  useXAxisScale,
  useYAxisScale,
  XAxis,
  YAxis,
} from 'recharts';

/** One bar of the tornado: a parameter's label, the figure at its low and high bound, written out. */
export interface TornadoRow {
  readonly parametre: string;
  readonly label: string;
  readonly low: number;
  readonly high: number;
  /** The low and high ends as shown (rounded to what the swing allows, with their unit). */
  readonly lowText: string;
  readonly highText: string;
}

/** Height of one parameter: its name above, its bar below. */
const ROW_HEIGHT = 44;
const BAR_SIZE = 14;
/** Room each side of the bars for the values written at their ends. */
const SIDE = 72;
const LOWERS = '#c05600';
const RAISES = '#1d5fa8';

/**
 * Names above the bars and values at their ends, placed with the chart's scales (a label list
 * would skip a segment of zero length: a parameter that only raises the figure has none below it).
 */
function TornadoLabels({
  rows,
  min,
  central,
}: {
  rows: readonly TornadoRow[];
  min: number;
  central: number;
}) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (!x || !y) return null;
  return (
    <g>
      {rows.map((r) => {
        const middle = y(r.parametre, { position: 'middle' });
        const start = x(Math.min(r.low, central) - min);
        const end = x(Math.max(r.high, central) - min);
        if (middle === undefined || start === undefined || end === undefined) return null;
        return (
          <g key={r.parametre}>
            <text x={0} y={middle - BAR_SIZE / 2 - 5} className="tornado-name">
              {r.label}
            </text>
            <text
              x={start - 4}
              y={middle}
              dominantBaseline="central"
              textAnchor="end"
              className="tornado-value"
            >
              {r.lowText}
            </text>
            <text x={end + 4} y={middle} dominantBaseline="central" className="tornado-value">
              {r.highText}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/**
 * A tornado: one horizontal bar per parameter (widest first), from the figure at the parameter's
 * low bound to the figure at its high bound, around a vertical line at the central value; the
 * part below the central value in one colour (lowers it), above in another (raises it). Names
 * sit above the bars and values at their ends, so it reads at a phone's width. Drawn only: the
 * caller gives the same figures as text.
 */
export function TornadoChart({
  rows,
  central,
  centralLabel,
  lowersLabel,
  raisesLabel,
}: {
  rows: readonly TornadoRow[];
  central: number;
  /** Beside the vertical line: « valeur centrale ». */
  centralLabel: string;
  /** The key of the two colours: « le fait baisser », « le fait monter ». */
  lowersLabel: string;
  raisesLabel: string;
}) {
  const min = Math.min(central, ...rows.map((r) => r.low));
  const max = Math.max(central, ...rows.map((r) => r.high));
  // Stacked from the left edge of the domain, so every segment is a positive length.
  const data = rows.map((r) => {
    const start = Math.min(r.low, central);
    const end = Math.max(r.high, central);
    return { parametre: r.parametre, offset: start - min, lowers: central - start, raises: end - central };
  });
  return (
    <div className="tornado-chart" aria-hidden="true" data-testid="sensitivity-tornado">
      <ResponsiveContainer width="100%" height={ROW_HEIGHT * rows.length + 18}>
        <BarChart
          data={data}
          layout="vertical"
          barSize={BAR_SIZE}
          // Drawn only (aria-hidden): the caller's list is what keyboards and screen readers read.
          accessibilityLayer={false}
          margin={{ top: 18, right: SIDE, bottom: 0, left: SIDE }}
        >
          <XAxis type="number" hide domain={[0, max - min]} />
          <YAxis type="category" dataKey="parametre" hide />
          <Bar dataKey="offset" stackId="t" fill="none" isAnimationActive={false} />
          <Bar dataKey="lowers" stackId="t" fill={LOWERS} isAnimationActive={false} />
          <Bar dataKey="raises" stackId="t" fill={RAISES} isAnimationActive={false} />
          <ReferenceLine
            x={central - min}
            stroke="#1f2933"
            strokeWidth={1.5}
            label={{ value: centralLabel, position: 'top', fontSize: 10, fill: '#52606d' }}
          />
          <TornadoLabels rows={rows} min={min} central={central} />
        </BarChart>
      </ResponsiveContainer>
      <p className="tornado-key">
        <span className="tornado-swatch" style={{ background: LOWERS }} />
        {lowersLabel}
        <span className="tornado-swatch" style={{ background: RAISES }} />
        {raisesLabel}
      </p>
    </div>
  );
}
