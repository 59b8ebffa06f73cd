// Every announce of the clients in view as two arrows: the request from the client's lifeline to
// the tracker's, the answer back. One that never arrived (or was never answered) stops halfway at
// a cross. Clicking an arrow selects its request (the request log and the graph follow); the
// selected request's arrows are drawn thick, on top.
import type { ReactElement } from 'react';
import {
  arrowHead,
  exchangeLegs,
  legSegment,
  overlaps,
  visibleXRange,
  rowLineY,
  trackerLineY,
  viewX,
  type Leg,
  type SequenceMetrics,
} from '../../../../shared/views/sequenceGeometry';
import type { SequenceExchange } from '../../../../shared/views/sequenceHistory';
import { exchangeTitle, legTip } from '../../../../shared/views/sequenceText';
import { legStyle } from './arrowStyle';
import { hoverProps, type ShowTip } from './tooltip';
import type { SequenceData } from './useSequenceData';
import type { Viewport } from './useViewport';

interface Props {
  data: SequenceData;
  view: Viewport;
  m: SequenceMetrics;
  rowRange: [number, number];
  selectedRequest: number | null;
  showTip: ShowTip;
  onSelect: (x: SequenceExchange) => void;
}

function Arrow({
  x,
  leg,
  clientY,
  selected,
  props,
}: {
  x: SequenceExchange;
  leg: Leg;
  clientY: number;
  selected: boolean;
  props: Props;
}) {
  const { data, view, m, showTip, onSelect } = props;
  const s = legSegment(
    { ...leg, x1: viewX(leg.x1, view.left, m), x2: viewX(leg.x2, view.left, m) },
    clientY,
    trackerLineY(m),
  );
  const style = legStyle(leg.leg, leg.outcome);
  const name = data.model.client(x.clientId)?.name ?? `client ${x.clientId}`;
  const tip = () =>
    legTip(x, leg.leg, name, x.requestId === null ? undefined : data.model.request(x.requestId));
  const c = 5;
  return (
    <g
      data-testid="seq-arrow"
      data-leg={leg.leg}
      data-request-seq={x.requestId ?? ''}
      data-announce-id={x.announceId}
      data-client-id={x.clientId}
      data-outcome={leg.outcome}
      data-selected={selected ? 'true' : undefined}
      className={`seq-arrow${selected ? ' selected' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={`${exchangeTitle(x, name)}, ${leg.leg}: select this request`}
      onClick={() => onSelect(x)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(x);
        }
      }}
      {...hoverProps(showTip, tip)}
    >
      <line className="seq-arrow-hit" x1={s.x1} y1={s.y1} x2={s.x2} y2={s.y2} />
      <line
        className="seq-arrow-line"
        x1={s.x1}
        y1={s.y1}
        x2={s.x2}
        y2={s.y2}
        stroke={style.stroke}
        strokeDasharray={style.dash || undefined}
      />
      {leg.reaches ? (
        <polygon points={arrowHead(s, selected ? 10 : 8, selected ? 5 : 4)} fill={style.stroke} />
      ) : (
        <path
          className="seq-arrow-cross"
          d={`M${s.x2 - c} ${s.y2 - c}L${s.x2 + c} ${s.y2 + c}M${s.x2 + c} ${s.y2 - c}L${s.x2 - c} ${s.y2 + c}`}
          stroke={style.stroke}
        />
      )}
    </g>
  );
}

export function Arrows(props: Props) {
  const { data, view, m, rowRange, selectedRequest } = props;
  const [left, right] = visibleXRange(view.left, view.width, m, 20);
  const plain: ReactElement[] = [];
  const chosen: ReactElement[] = [];
  for (let i = rowRange[0]; i < rowRange[1]; i++) {
    const id = data.rows[i]!;
    const exchanges = data.history.clients.get(id)?.exchanges ?? [];
    const clientY = rowLineY(i, view.top, m);
    for (const x of exchanges) {
      const legs = exchangeLegs(x, data.scale, data.now);
      if (!overlaps(legs[0]!.x1, legs[legs.length - 1]!.x2, left, right)) continue;
      const selected = x.requestId !== null && x.requestId === selectedRequest;
      for (const leg of legs) {
        const el = (
          <Arrow
            key={`${x.announceId}${leg.leg}`}
            x={x}
            leg={leg}
            clientY={clientY}
            selected={selected}
            props={props}
          />
        );
        (selected ? chosen : plain).push(el);
      }
    }
  }
  return (
    <g className="seq-arrows">
      {plain}
      {chosen}
    </g>
  );
}
