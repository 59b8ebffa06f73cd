// One sweep chart drawn by React from its layout (shared/experiments/charts: the positions the
// CLI's SVG files are written from), with text and axes in the page's colours so it reads on any
// theme. Every number here is already a pixel position; nothing is computed but markup.
import type { ReactNode } from 'react';
import type { ChartFile } from '../../../../shared/experiments/charts/experimentCharts';
import type { Area, Frame, Tick } from '../../../../shared/experiments/charts/frame';

function Axes(props: {
  area: Area;
  xTicks: Tick[];
  yTicks: Tick[];
  xLabel: string;
  yLabel: string;
  rotateX?: boolean;
}) {
  const { area, xTicks, yTicks, xLabel, yLabel, rotateX } = props;
  const { x, y, width, height } = area;
  const bottom = y + height;
  return (
    <g className="sweep-axes">
      {yTicks.map((t) => (
        <line key={`g${t.at}`} className="grid" x1={x} x2={x + width} y1={t.at} y2={t.at} />
      ))}
      <line x1={x} x2={x + width} y1={bottom} y2={bottom} stroke="currentColor" />
      <line x1={x} x2={x} y1={y} y2={bottom} stroke="currentColor" />
      {xTicks.map((t) => (
        <g key={`x${t.at}${t.label}`}>
          <line x1={t.at} x2={t.at} y1={bottom} y2={bottom + 4} stroke="currentColor" />
          {rotateX ? (
            <text
              transform={`translate(${t.at},${bottom + 10}) rotate(-30)`}
              textAnchor="end"
              dominantBaseline="hanging"
            >
              {t.label}
            </text>
          ) : (
            <text x={t.at} y={bottom + 16} textAnchor="middle">
              {t.label}
            </text>
          )}
        </g>
      ))}
      {yTicks.map((t) => (
        <text key={`y${t.at}`} x={x - 6} y={t.at} textAnchor="end" dominantBaseline="middle">
          {t.label}
        </text>
      ))}
      {!rotateX && (
        <text x={x + width / 2} y={bottom + 38} textAnchor="middle">
          {xLabel}
        </text>
      )}
      <text transform={`translate(${x - 52},${y + height / 2}) rotate(-90)`} textAnchor="middle">
        {yLabel}
      </text>
    </g>
  );
}

function Legend({
  items,
  area,
  title,
}: {
  items: { label: string; color: string }[];
  area: Area;
  title: string;
}) {
  const x = area.x + area.width + 16;
  return (
    <g className="sweep-legend">
      {title && (
        <text x={x} y={area.y} fontWeight="bold">
          {title}
        </text>
      )}
      {items.map((item, i) => {
        const y = area.y + (title ? 18 : 0) + i * 18;
        return (
          <g key={i}>
            <line x1={x} x2={x + 18} y1={y} y2={y} stroke={item.color} strokeWidth={3} />
            <text x={x + 24} y={y} dominantBaseline="middle">
              {item.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function Figure({ frame, title, children }: { frame: Frame; title: string; children: ReactNode }) {
  return (
    <svg
      className="sweep-chart-svg"
      viewBox={`0 0 ${frame.width} ${frame.height}`}
      role="img"
      aria-label={title}
      fontSize={12}
      fill="currentColor"
    >
      <text x={frame.margin.left} y={22} fontSize={15} fontWeight="bold">
        {title}
      </text>
      {children}
    </svg>
  );
}

export function ExperimentChart({ chart }: { chart: ChartFile }) {
  switch (chart.kind) {
    case 'cdf': {
      const l = chart.layout;
      return (
        <Figure frame={l.frame} title={l.title}>
          <Axes
            area={l.area}
            xTicks={l.xTicks}
            yTicks={l.yTicks}
            xLabel="completion time (s)"
            yLabel="leechers finished"
          />
          {l.lines.map((line) => (
            <path
              key={line.label}
              d={line.d}
              fill="none"
              stroke={line.color}
              strokeWidth={2}
              data-series={line.label}
            />
          ))}
          <Legend items={l.lines} area={l.area} title={l.legendTitle} />
        </Figure>
      );
    }
    case 'lines': {
      const l = chart.layout;
      return (
        <Figure frame={l.frame} title={l.title}>
          <Axes area={l.area} xTicks={l.xTicks} yTicks={l.yTicks} xLabel={l.xLabel} yLabel={l.yLabel} />
          {l.series.map((s) => (
            <g key={s.label} data-series={s.label}>
              <title>{s.label}</title>
              <path d={s.d} fill="none" stroke={s.color} strokeWidth={2} />
              {s.bars.map((b, i) => (
                <path
                  key={`b${i}`}
                  d={`M${b.x - 4},${b.y1}H${b.x + 4}M${b.x},${b.y1}V${b.y2}M${b.x - 4},${b.y2}H${b.x + 4}`}
                  stroke={s.color}
                />
              ))}
              {s.dots.map((d, i) => (
                <circle key={`d${i}`} cx={d.x} cy={d.y} r={3.5} fill={s.color} />
              ))}
            </g>
          ))}
          <Legend items={l.series} area={l.area} title={l.legendTitle} />
        </Figure>
      );
    }
    case 'boxes': {
      const l = chart.layout;
      return (
        <Figure frame={l.frame} title={l.title}>
          <Axes area={l.area} xTicks={l.xTicks} yTicks={l.yTicks} xLabel="" yLabel={l.yLabel} rotateX />
          {l.boxes.map((b, i) => {
            const mid = b.x + b.width / 2;
            const q = b.width / 4;
            return (
              <g key={i} data-series={b.label}>
                <title>{b.label}</title>
                <path
                  d={`M${mid},${b.max}V${b.q3}M${mid},${b.q1}V${b.min}M${mid - q},${b.max}H${mid + q}M${mid - q},${b.min}H${mid + q}`}
                  stroke="currentColor"
                />
                <rect
                  x={b.x}
                  y={b.q3}
                  width={b.width}
                  height={Math.max(0, b.q1 - b.q3)}
                  fill={b.color}
                  fillOpacity={0.35}
                  stroke={b.color}
                />
                <line
                  x1={b.x}
                  x2={b.x + b.width}
                  y1={b.median}
                  y2={b.median}
                  stroke="currentColor"
                  strokeWidth={2}
                />
                {b.dots.map((d, k) => (
                  <circle key={k} cx={mid} cy={d} r={2.5} fillOpacity={0.6} />
                ))}
              </g>
            );
          })}
        </Figure>
      );
    }
  }
}
