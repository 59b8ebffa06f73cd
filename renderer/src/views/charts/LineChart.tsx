// A line chart with optional shaded bands, drawn from lineChartLayout (shared/views/chartLayout).
import type { LineChartLayout } from '../../../../shared/views/chartLayout';
import { Axes } from './Axes';

export interface SeriesStyle {
  label: string;
  /** What the series is, for its legend tooltip. */
  tooltip: string;
  color: string;
  /** SVG dash pattern: the cue besides colour. */
  dash: string;
  /** Bands only: fill opacity. */
  fillOpacity?: number;
}

interface Props {
  layout: LineChartLayout;
  width: number;
  height: number;
  fontSize: number;
  styles: Record<string, SeriesStyle>;
  label: string;
  yTitle: string;
}

export function LineChart({ layout, width, height, fontSize, styles, label, yTitle }: Props) {
  return (
    <svg width={width} height={height} role="img" aria-label={label} className="chart-svg">
      <title>{label}</title>
      {layout.bands.map((b) => (
        <path
          key={b.key}
          d={b.d}
          fill={styles[b.key]!.color}
          fillOpacity={styles[b.key]!.fillOpacity ?? 0.2}
          stroke="none"
          data-testid={`band-${b.key}`}
        >
          <title>{styles[b.key]!.tooltip}</title>
        </path>
      ))}
      <Axes axes={layout} fontSize={fontSize} yTitle={yTitle} />
      {layout.lines.map((l) => (
        <path
          key={l.key}
          d={l.d}
          fill="none"
          stroke={styles[l.key]!.color}
          strokeWidth={fontSize > 14 ? 3.5 : 2.5}
          strokeDasharray={styles[l.key]!.dash || undefined}
          data-testid={`line-${l.key}`}
        >
          <title>{styles[l.key]!.tooltip}</title>
        </path>
      ))}
    </svg>
  );
}

/** The legend: a sample of each line or band with its name; the tooltip says what it is. */
export function Legend({ styles }: { styles: Record<string, SeriesStyle> }) {
  return (
    <ul className="chart-legend">
      {Object.entries(styles).map(([key, s]) => (
        <li key={key} title={s.tooltip}>
          <svg width={28} height={12} aria-hidden="true">
            {s.fillOpacity !== undefined ? (
              <rect x={0} y={1} width={28} height={10} fill={s.color} fillOpacity={s.fillOpacity} />
            ) : (
              <line
                x1={0}
                x2={28}
                y1={6}
                y2={6}
                stroke={s.color}
                strokeWidth={3}
                strokeDasharray={s.dash || undefined}
              />
            )}
          </svg>{' '}
          {s.label}
        </li>
      ))}
    </ul>
  );
}
