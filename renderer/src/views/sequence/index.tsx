// The sequence chart: the tracker's lifeline and one per client against an event-compressed time
// axis, every announce as an arrow out and an answer back, paused and offline spans, crashes and
// expiries. It shows the model at the timeline cursor. Layout is computed by shared/views/sequence*
// (pure); this draws only the rows and the time range in view, so a 1,000-peer swarm stays smooth.
import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import {
  defaultMetrics,
  largeTextMetrics,
  rowsTop,
  scrollToRevealRow,
  scrollToRevealX,
  visibleRowRange,
} from '../../../../shared/views/sequenceGeometry';
import type { SequenceExchange } from '../../../../shared/views/sequenceHistory';
import type { SequenceTip } from '../../../../shared/views/sequenceText';
import { useApp, useAppState } from '../../store/context';
import { Arrows } from './Arrows';
import { Axis, BreakBands } from './Axis';
import { SequenceLegend } from './Legend';
import { ClientRows, NamesColumn, TrackerBand } from './Lifelines';
import { useSequenceData } from './useSequenceData';
import { useViewport } from './useViewport';
import './sequence.css';

interface HoverTip {
  tip: SequenceTip;
  x: number;
  y: number;
  /** Near the right edge the tooltip opens to the left of the pointer. */
  flip: boolean;
}

const TOOLTIP_ROOM_PX = 360;

export function SequenceChart() {
  const { store } = useApp();
  const largeText = useAppState((s) => s.display.largeText);
  const selectedRequest = useAppState((s) => s.selectedRequest);
  const selectedClient = useAppState((s) => s.selectedClient);
  const m = largeText ? largeTextMetrics : defaultMetrics;
  const data = useSequenceData();
  const contentWidth = m.labelWidth + data.scale.width;
  const contentHeight = rowsTop(m) + data.rows.length * m.rowHeight;
  const { ref, view, onScroll, scrollTo } = useViewport(contentWidth);
  const rowRange = visibleRowRange(view.top, view.height, data.rows.length, m);
  const rootRef = useRef<HTMLElement>(null);
  const [hover, setHover] = useState<HoverTip | null>(null);

  const showTip = useCallback((tip: SequenceTip | null, e?: MouseEvent) => {
    if (tip === null || !e) return setHover(null);
    const rect = rootRef.current?.getBoundingClientRect();
    const x = e.clientX - (rect?.left ?? 0);
    const flip = rect !== undefined && rect.width > 0 && x > rect.width - TOOLTIP_ROOM_PX;
    setHover({ tip, x: flip ? rect.width - x + 14 : x + 14, y: e.clientY - (rect?.top ?? 0) + 14, flip });
  }, []);

  const onSelect = useCallback(
    (x: SequenceExchange) => store.setState({ selectedRequest: x.requestId, selectedClient: x.clientId }),
    [store],
  );
  const onSelectClient = useCallback((id: number) => store.setState({ selectedClient: id }), [store]);

  // A request or client selected anywhere (request log, graph) is scrolled into view here.
  const { history, scale, rowIndex } = data;
  const revealed = useRef<string>('');
  useEffect(() => {
    const x = selectedRequest === null ? undefined : history.byRequest.get(selectedRequest);
    const clientId = x?.clientId ?? selectedClient;
    const key = `${selectedRequest}|${clientId}`;
    if (key === revealed.current) return;
    revealed.current = key;
    const row = clientId === null ? undefined : rowIndex.get(clientId);
    const el = ref.current;
    const width = el?.clientWidth || view.width;
    const height = el?.clientHeight || view.height;
    const top = row === undefined ? null : scrollToRevealRow(row, el?.scrollTop ?? 0, height, m);
    const left = x ? scrollToRevealX(scale.x(x.sentAt), el?.scrollLeft ?? 0, width, m) : null;
    if (top !== null || left !== null) scrollTo(left, top);
  }, [selectedRequest, selectedClient, history, scale, rowIndex, m, ref, scrollTo, view.width, view.height]);

  const layer = { data, view, m, rowRange, selectedClient };
  return (
    <section
      ref={rootRef}
      className="sequence-chart"
      aria-label="Sequence chart"
      data-testid="sequence-chart"
      onMouseLeave={() => setHover(null)}
    >
      <p
        className="panel-caption"
        title="Every announce and its answer, pauses, outages, crashes and expiries. Long idle stretches are squeezed (shaded, with a break mark): read the times on the axis."
      >
        Each client’s announces and the tracker’s answers; idle stretches squeezed (//). Click an arrow to
        select its request.
      </p>
      <SequenceLegend />
      {data.rows.length === 0 && <p className="panel-empty">No clients yet.</p>}
      {/* Always mounted, so its size is measured from the start (it fills up as clients arrive). */}
      <div className="seq-scroll" ref={ref} onScroll={onScroll} data-testid="seq-scroll">
        <div className="seq-content" style={{ width: contentWidth, height: contentHeight }}>
          <svg
            className="seq-svg"
            width={view.width}
            height={view.height}
            role="group"
            aria-label={`Sequence chart of the tracker and ${data.rows.length} clients`}
          >
            <defs>
              <clipPath id="seq-rows-clip">
                <rect x={m.labelWidth} y={rowsTop(m)} width={view.width} height={view.height} />
              </clipPath>
              <clipPath id="seq-rows-clip-names">
                <rect x={0} y={rowsTop(m)} width={m.labelWidth} height={view.height} />
              </clipPath>
            </defs>
            <BreakBands scale={scale} view={view} m={m} />
            <ClientRows {...layer} showTip={showTip} />
            <TrackerBand {...layer} showTip={showTip} />
            <Arrows {...layer} selectedRequest={selectedRequest} showTip={showTip} onSelect={onSelect} />
            <Axis scale={scale} view={view} m={m} labelPx={largeText ? 110 : 80} />
            <NamesColumn {...layer} onSelectClient={onSelectClient} />
          </svg>
        </div>
      </div>
      {hover && (
        <div
          className="seq-tooltip"
          role="tooltip"
          data-testid="seq-tooltip"
          style={hover.flip ? { right: hover.x, top: hover.y } : { left: hover.x, top: hover.y }}
        >
          <strong>{hover.tip.title}</strong>
          {hover.tip.lines.map((line, i) => (
            <div key={i}>{line}</div>
          ))}
        </div>
      )}
    </section>
  );
}
