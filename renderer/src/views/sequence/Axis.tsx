// The compressed time axis: real times (HH:MM:SS) at the start of every burst, and each squeezed
// gap shown as a shaded band with a break mark, so nobody reads its width as a duration.
import { useMemo } from 'react';
import {
  overlaps,
  placeTickLabels,
  viewX,
  visibleXRange,
  type SequenceMetrics,
} from '../../../../shared/views/sequenceGeometry';
import { axisTicks, formatClock, type CompressedScale } from '../../../../shared/views/sequenceScale';
import type { Viewport } from './useViewport';

interface Props {
  scale: CompressedScale;
  view: Viewport;
  m: SequenceMetrics;
  /** Label width in px, so labels never overlap. */
  labelPx: number;
}

function visibleBreaks(scale: CompressedScale, view: Viewport, m: SequenceMetrics) {
  const [left, right] = visibleXRange(view.left, view.width, m);
  return scale.breaks.filter((b) => overlaps(b.x0, b.x1, left, right));
}

/** Squeezed gaps as shaded bands under everything else. */
export function BreakBands({ scale, view, m }: Omit<Props, 'labelPx'>) {
  return (
    <g className="seq-break-bands" aria-hidden="true">
      {visibleBreaks(scale, view, m).map((b) => (
        <rect
          key={b.from}
          x={viewX(b.x0, view.left, m)}
          y={m.axisHeight}
          width={b.x1 - b.x0}
          height={Math.max(0, view.height - m.axisHeight)}
          className="seq-break-band"
        />
      ))}
    </g>
  );
}

export function Axis({ scale, view, m, labelPx }: Props) {
  const ticks = useMemo(() => axisTicks(scale, labelPx), [scale, labelPx]);
  const [left, right] = visibleXRange(view.left, view.width, m, labelPx / 2);
  const y = m.axisHeight;
  const visible = ticks.filter((t) => t.x >= left && t.x <= right);
  // Labels are kept clear of the names column (the first time stays readable at the start).
  const labelXs = placeTickLabels(
    visible.map((t) => viewX(t.x, view.left, m)),
    m.labelWidth + labelPx / 2 - 12,
    labelPx,
  );
  return (
    <g className="seq-axis">
      <rect x={0} y={0} width={view.width} height={y} className="seq-axis-bg" />
      <line x1={0} x2={view.width} y1={y - 0.5} y2={y - 0.5} className="seq-axis-line" />
      {visible.map((t, i) => {
        const x = viewX(t.x, view.left, m);
        const labelX = labelXs[i];
        return (
          <g key={t.t} data-testid="seq-tick" data-t={t.t}>
            <line x1={x} x2={x} y1={y - 6} y2={y} className="seq-axis-line" />
            {labelX !== null && labelX !== undefined && (
              <text x={labelX} y={y - 9} className="seq-tick-label">
                {t.label}
              </text>
            )}
          </g>
        );
      })}
      {visibleBreaks(scale, view, m).map((b) => {
        const x = viewX((b.x0 + b.x1) / 2, view.left, m);
        return (
          <g key={b.from} data-testid="seq-break" className="seq-break">
            <title>{`${formatClock(b.from)} → ${formatClock(b.to)}: ${Math.round((b.to - b.from) / 1000)} s squeezed`}</title>
            <path d={`M${x - 6} ${y + 4}l4 -8M${x + 2} ${y + 4}l4 -8`} className="seq-break-mark" />
          </g>
        );
      })}
    </g>
  );
}
