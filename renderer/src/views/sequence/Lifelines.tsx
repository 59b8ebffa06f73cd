// The lifelines: the tracker's across the top band (its downtime, the entries it expired, its
// restarts), one per client below (solid while the client is around, paused and offline spans as
// shaded bars, a cross where it crashed), and the names column. Only the rows in view are drawn.
import {
  overlaps,
  visibleXRange,
  rowLineY,
  rowsTop,
  spanExtent,
  trackerLineY,
  viewX,
  type SequenceMetrics,
} from '../../../../shared/views/sequenceGeometry';
import type { SequenceMark, SequenceSpan } from '../../../../shared/views/sequenceHistory';
import { markTip, spanTip } from '../../../../shared/views/sequenceText';
import { accent, markColor, spanDash, spanFill } from './arrowStyle';
import { hoverProps, type ShowTip } from './tooltip';
import type { SequenceData } from './useSequenceData';
import type { Viewport } from './useViewport';

interface LayerProps {
  data: SequenceData;
  view: Viewport;
  m: SequenceMetrics;
  rowRange: [number, number];
  selectedClient: number | null;
  showTip: ShowTip;
}

const nameOf = (data: SequenceData, id: number | null): string | null =>
  id === null ? null : (data.model.client(id)?.name ?? `client ${id}`);

function Span({
  span,
  owner,
  lane,
  y,
  height,
  props: { data, view, m, showTip },
}: {
  span: SequenceSpan;
  owner: string;
  lane: string;
  y: number;
  height: number;
  props: LayerProps;
}) {
  const { x0, x1 } = spanExtent(span, data.scale, data.now);
  return (
    <rect
      data-testid="seq-span"
      data-kind={span.kind}
      data-lane={lane}
      className="seq-span"
      x={viewX(x0, view.left, m)}
      y={y - height / 2}
      width={Math.max(2, x1 - x0)}
      height={height}
      fill={spanFill[span.kind]}
      stroke={spanFill[span.kind]}
      strokeDasharray={spanDash[span.kind]}
      {...hoverProps(showTip, () => spanTip(span, owner))}
    />
  );
}

function Mark({ mark, x, y, props }: { mark: SequenceMark; x: number; y: number; props: LayerProps }) {
  const s = 6;
  const d =
    mark.kind === 'crash'
      ? `M${x - s} ${y - s}L${x + s} ${y + s}M${x + s} ${y - s}L${x - s} ${y + s}`
      : mark.kind === 'expiry'
        ? `M${x} ${y - s}L${x + s} ${y}L${x} ${y + s}L${x - s} ${y}Z`
        : `M${x} ${y - 2 * s}V${y + 2 * s}`;
  return (
    <path
      data-testid="seq-mark"
      data-kind={mark.kind}
      data-client-id={mark.clientId ?? ''}
      className={`seq-mark ${mark.kind}`}
      d={d}
      stroke={markColor[mark.kind]}
      fill={mark.kind === 'expiry' ? '#ffffff' : 'none'}
      {...hoverProps(props.showTip, () => markTip(mark, nameOf(props.data, mark.clientId)))}
    />
  );
}

/** The client rows: lifelines, spans and crash marks (drawn under the arrows). */
export function ClientRows(props: LayerProps) {
  const { data, view, m, rowRange, selectedClient } = props;
  const [left, right] = visibleXRange(view.left, view.width, m, 20);
  const rows = [];
  for (let i = rowRange[0]; i < rowRange[1]; i++) {
    const id = data.rows[i]!;
    const h = data.history.clients.get(id);
    const y = rowLineY(i, view.top, m);
    const owner = nameOf(data, id)!;
    rows.push(
      <g key={id} data-testid="seq-row" data-client-id={id}>
        {id === selectedClient && (
          <rect
            x={0}
            y={y - m.rowHeight / 2}
            width={view.width}
            height={m.rowHeight}
            className="seq-row-selected"
          />
        )}
        {h?.lifespans.map((l) => {
          const x0 = data.scale.x(l.from);
          const x1 = data.scale.x(l.to ?? data.now);
          if (!overlaps(x0, x1, left, right)) return null;
          return (
            <line
              key={l.from}
              className="seq-lifeline"
              x1={viewX(x0, view.left, m)}
              x2={viewX(x1, view.left, m)}
              y1={y}
              y2={y}
            />
          );
        })}
        {h?.spans.map((s) => (
          <Span
            key={s.from}
            span={s}
            owner={owner}
            lane={String(id)}
            y={y}
            height={m.rowHeight * 0.5}
            props={props}
          />
        ))}
        {h?.marks.map((mark) => (
          <Mark
            key={`${mark.kind}${mark.t}`}
            mark={mark}
            x={viewX(data.scale.x(mark.t), view.left, m)}
            y={y}
            props={props}
          />
        ))}
      </g>,
    );
  }
  return (
    <g className="seq-rows" clipPath="url(#seq-rows-clip)">
      {rows}
    </g>
  );
}

/** The tracker's band under the axis: its lifeline, downtime, expiries and restarts. */
export function TrackerBand(props: LayerProps) {
  const { data, view, m } = props;
  const y = trackerLineY(m);
  const [left, right] = visibleXRange(view.left, view.width, m, 20);
  const x0 = viewX(data.scale.x(data.scale.times[0] ?? 0), view.left, m);
  const x1 = viewX(data.scale.x(data.now), view.left, m);
  return (
    <g className="seq-tracker" data-testid="seq-tracker">
      <rect x={0} y={m.axisHeight} width={view.width} height={m.trackerHeight} className="seq-tracker-bg" />
      <line x1={Math.max(m.labelWidth, x0)} x2={x1} y1={y} y2={y} className="seq-tracker-line" />
      {data.history.trackerSpans.map((s) => (
        <Span
          key={s.from}
          span={s}
          owner="tracker"
          lane="tracker"
          y={y}
          height={m.trackerHeight * 0.5}
          props={props}
        />
      ))}
      {data.history.trackerMarks.map((mark, i) => {
        const x = data.scale.x(mark.t);
        if (x < left || x > right) return null;
        return <Mark key={i} mark={mark} x={viewX(x, view.left, m)} y={y} props={props} />;
      })}
    </g>
  );
}

/** The names column, pinned on the left; a click on a name selects the client. */
export function NamesColumn({
  data,
  view,
  m,
  rowRange,
  selectedClient,
  onSelectClient,
}: Omit<LayerProps, 'showTip'> & { onSelectClient: (id: number) => void }) {
  const names = [];
  for (let i = rowRange[0]; i < rowRange[1]; i++) {
    const id = data.rows[i]!;
    const y = rowLineY(i, view.top, m);
    names.push(
      <text
        key={id}
        x={8}
        y={y}
        className={`seq-name${id === selectedClient ? ' selected' : ''}`}
        fill={id === selectedClient ? accent : undefined}
        onClick={() => onSelectClient(id)}
        data-testid="seq-name"
      >
        {nameOf(data, id)}
      </text>,
    );
  }
  return (
    <g className="seq-names">
      <rect x={0} y={0} width={m.labelWidth} height={view.height} className="seq-names-bg" />
      <g clipPath="url(#seq-rows-clip-names)">{names}</g>
      <text x={8} y={trackerLineY(m)} className="seq-name tracker">
        tracker
      </text>
      <line x1={0} x2={view.width} y1={rowsTop(m) - 0.5} y2={rowsTop(m) - 0.5} className="seq-band-line" />
    </g>
  );
}
