// Bars over virtual time, drawn from barChartLayout (shared/views/chartLayout).
import type { BarLayout } from '../../../../shared/views/chartLayout';
import { formatDuration } from '../../../../shared/units';
import { Axes } from './Axes';

interface Props {
  layout: BarLayout;
  width: number;
  height: number;
  fontSize: number;
  color: string;
  label: string;
  yTitle: string;
  minutesPerBar: number;
}

export function BarChart({ layout, width, height, fontSize, color, label, yTitle, minutesPerBar }: Props) {
  return (
    <svg width={width} height={height} role="img" aria-label={label} className="chart-svg">
      <title>{label}</title>
      <g className="bars" fill={color} stroke="currentColor" strokeOpacity={0.5} strokeWidth={0.5}>
        {layout.bars.map((b) =>
          b.value === 0 ? null : (
            <rect key={b.start} x={b.x} y={b.y} width={b.width} height={b.height}>
              <title>
                {minutesPerBar === 1
                  ? `${b.value} requests in the minute from ${formatDuration(b.start)}`
                  : `busiest minute between ${formatDuration(b.start)} and ${formatDuration(b.end)}: ${b.value} requests`}
              </title>
            </rect>
          ),
        )}
      </g>
      <Axes axes={layout} fontSize={fontSize} yTitle={yTitle} />
    </svg>
  );
}
