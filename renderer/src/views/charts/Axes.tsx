// Axes, grid lines and the current-time marker, drawn from a layout computed in shared/views.
import type { ChartAxes } from '../../../../shared/views/chartLayout';

interface Props {
  axes: ChartAxes;
  fontSize: number;
  yTitle: string;
}

export function Axes({ axes, fontSize, yTitle }: Props) {
  const { box, xTicks, yTicks, nowX } = axes;
  const bottom = box.y + box.height;
  return (
    <g className="axes" fontSize={fontSize} fill="currentColor">
      <g className="grid" aria-hidden="true">
        {yTicks.map((t) => (
          <line
            key={t.label}
            x1={box.x}
            x2={box.x + box.width}
            y1={t.at}
            y2={t.at}
            stroke="currentColor"
            strokeOpacity={0.15}
          />
        ))}
      </g>
      <g className="y-axis">
        <title>{yTitle}</title>
        {yTicks.map((t) => (
          <text key={t.label} x={box.x - 6} y={t.at} textAnchor="end" dominantBaseline="middle">
            {t.label}
          </text>
        ))}
      </g>
      <g className="x-axis">
        <title>Virtual time since the scenario started</title>
        <line x1={box.x} x2={box.x + box.width} y1={bottom} y2={bottom} stroke="currentColor" />
        {xTicks.map((t) => (
          <g key={t.label}>
            <line x1={t.at} x2={t.at} y1={bottom} y2={bottom + 4} stroke="currentColor" />
            <text x={t.at} y={bottom + 6 + fontSize * 0.8} textAnchor="middle">
              {t.label}
            </text>
          </g>
        ))}
      </g>
      {nowX !== null && (
        <g className="now-line" data-testid="chart-now-line">
          <title>The current virtual time</title>
          <line
            x1={nowX}
            x2={nowX}
            y1={box.y}
            y2={bottom}
            stroke="currentColor"
            strokeWidth={2}
            strokeDasharray="2 3"
          />
          <text x={nowX + 3} y={box.y + fontSize * 0.8} fontWeight={600}>
            now
          </text>
        </g>
      )}
    </g>
  );
}
