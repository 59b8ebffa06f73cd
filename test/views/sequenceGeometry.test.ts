// Where the sequence chart draws things, in exact pixels: rows, each announce's two arrows (or the
// half arrow of one that failed), arrow heads, spans, and what is visible when scrolled.
import { describe, expect, it } from 'vitest';
import {
  arrowHead,
  defaultMetrics as m,
  exchangeLegs,
  legSegment,
  overlaps,
  placeTickLabels,
  rowLineY,
  rowsTop,
  scrollToRevealRow,
  scrollToRevealX,
  spanExtent,
  trackerLineY,
  viewX,
  visibleRowRange,
  visibleXRange,
} from '../../shared/views/sequenceGeometry';
import { exchangeOf, type SequenceExchange } from '../../shared/views/sequenceHistory';
import { compressedScale } from '../../shared/views/sequenceScale';
import { flight } from '../renderer/graph/graphLog';

// Stops 24, 49, 74 | break | 110, 135, 160 (see sequenceScale.test.ts).
const scale = compressedScale([60_000, 60_050, 60_100, 960_100, 960_150, 960_200]);

const answered: SequenceExchange = exchangeOf(
  flight({ sentAt: 60_000, deliveredAt: 60_050, answeredAt: 60_100, requestId: 7 }),
);

describe('rows', () => {
  it('the tracker’s lifeline is pinned under the axis; client rows scroll below it', () => {
    expect(trackerLineY(m)).toBe(52); // 30 axis + 44 / 2
    expect(rowsTop(m)).toBe(74);
    expect(rowLineY(0, 0, m)).toBe(91);
    expect(rowLineY(2, 50, m)).toBe(109); // 74 + 2 × 34 + 17 − 50
    expect(viewX(110, 40, m)).toBe(190); // 120 names column + 110 − 40
  });

  it('renders only the rows in view plus 4 either side', () => {
    // 474 px tall: 400 px of rows, 12 rows of 34 px; scrolled to row 10
    expect(visibleRowRange(340, 474, 100, m)).toEqual([6, 26]);
    expect(visibleRowRange(0, 474, 100, m)).toEqual([0, 16]);
    expect(visibleRowRange(0, 474, 3, m)).toEqual([0, 3]);
    expect(visibleRowRange(3400, 474, 100, m)).toEqual([96, 100]);
  });

  it('scrolls just enough to reveal a row', () => {
    expect(scrollToRevealRow(5, 0, 474, m)).toBeNull();
    expect(scrollToRevealRow(30, 0, 474, m)).toBe(654); // 30 × 34 + 34 − 400
    expect(scrollToRevealRow(2, 200, 474, m)).toBe(68);
  });
});

describe('the arrows of an announce', () => {
  it('answered: client → tracker at the delivery, tracker → client at the answer', () => {
    expect(exchangeLegs(answered, scale, 960_200)).toEqual([
      { leg: 'request', x1: 24, x2: 49, reaches: true, outcome: 'answered' },
      { leg: 'response', x1: 49, x2: 74, reaches: true, outcome: 'answered' },
    ]);
  });

  it('a request that never arrived stops halfway at the time the client gave up', () => {
    const lost = exchangeOf(flight({ sentAt: 60_000, failedAt: 960_100, failure: 'timeout' }));
    const legs = exchangeLegs(lost, scale, 960_200);
    expect(legs).toEqual([{ leg: 'request', x1: 24, x2: 110, reaches: false, outcome: 'timeout' }]);
    expect(legSegment(legs[0]!, 200, 52)).toEqual({ x1: 24, y1: 200, x2: 110, y2: 126 });
  });

  it('aborted after it arrived: the request reaches the tracker, the answer stops halfway', () => {
    const aborted = exchangeOf(
      flight({ sentAt: 60_000, deliveredAt: 60_050, failedAt: 960_100, failure: 'aborted', requestId: 3 }),
    );
    const legs = exchangeLegs(aborted, scale, 960_200);
    expect(legs).toEqual([
      { leg: 'request', x1: 24, x2: 49, reaches: true, outcome: 'aborted' },
      { leg: 'response', x1: 49, x2: 110, reaches: false, outcome: 'aborted' },
    ]);
    expect(legSegment(legs[1]!, 200, 52)).toEqual({ x1: 49, y1: 52, x2: 110, y2: 126 });
  });

  it('rejected with a failure reason: both arrows reach, drawn as a rejection', () => {
    const rejected = exchangeOf(
      flight({ sentAt: 960_100, deliveredAt: 960_150, answeredAt: 960_200, failure: 'unregistered torrent' }),
    );
    expect(exchangeLegs(rejected, scale, 960_200).map((l) => [l.x1, l.x2, l.reaches, l.outcome])).toEqual([
      [110, 135, true, 'rejected'],
      [135, 160, true, 'rejected'],
    ]);
  });

  it('pending: the request runs to the shown time; arrived but unanswered: no answer arrow yet', () => {
    const onItsWay = exchangeOf(flight({ sentAt: 60_000 }));
    expect(exchangeLegs(onItsWay, scale, 60_100)).toEqual([
      { leg: 'request', x1: 24, x2: 74, reaches: false, outcome: 'pending' },
    ]);
    const arrived = exchangeOf(flight({ sentAt: 60_000, deliveredAt: 60_050, requestId: 1 }));
    expect(exchangeLegs(arrived, scale, 60_100)).toHaveLength(1);
  });

  it('segments run client ↔ tracker lifeline', () => {
    const [request, response] = exchangeLegs(answered, scale, 0);
    expect(legSegment(request!, 91, 52)).toEqual({ x1: 24, y1: 91, x2: 49, y2: 52 });
    expect(legSegment(response!, 91, 52)).toEqual({ x1: 49, y1: 52, x2: 74, y2: 91 });
  });

  it('arrow heads: the tip on the end point, the base `length` back along the arrow', () => {
    expect(arrowHead({ x1: 0, y1: 0, x2: 10, y2: 0 }, 6, 3)).toBe('10,0 4,3 4,-3');
    expect(arrowHead({ x1: 0, y1: 0, x2: 0, y2: 10 }, 6, 3)).toBe('0,10 -3,4 3,4');
    expect(arrowHead({ x1: 0, y1: 0, x2: 30, y2: 40 }, 5, 2)).toBe('30,40 25.4,37.2 28.6,34.8'); // base (27, 36), ±2 across (−0.8, 0.6);
  });
});

describe('spans and the visible range', () => {
  it('a closed span runs from its start to its end; an open one to the shown time', () => {
    expect(spanExtent({ kind: 'paused', from: 60_050, to: 960_150 }, scale, 0)).toEqual({ x0: 49, x1: 135 });
    expect(spanExtent({ kind: 'offline', from: 60_050, to: null }, scale, 960_200)).toEqual({
      x0: 49,
      x1: 160,
    });
  });

  it('the chart x range visible in the viewport, and what overlaps it', () => {
    expect(visibleXRange(100, 920, m)).toEqual([100, 900]);
    expect(visibleXRange(100, 920, m, 20)).toEqual([80, 920]);
    expect(overlaps(50, 120, 100, 900)).toBe(true);
    expect(overlaps(120, 50, 100, 900)).toBe(true);
    expect(overlaps(10, 99, 100, 900)).toBe(false);
    expect(overlaps(901, 950, 100, 900)).toBe(false);
  });

  it('scrolls to centre an x that is out of view', () => {
    expect(scrollToRevealX(300, 0, 920, m)).toBeNull();
    expect(scrollToRevealX(1000, 0, 920, m)).toBe(600);
    expect(scrollToRevealX(20, 500, 920, m)).toBe(0);
  });
});

describe('tick labels', () => {
  it('a label under the names column is pushed clear of it, or dropped when it would meet the next', () => {
    // names column ends at 120; labels centred ≥ 148; 80 px per label
    expect(placeTickLabels([144, 230, 400], 148, 80)).toEqual([148, 230, 400]);
    expect(placeTickLabels([100, 220], 148, 80)).toEqual([null, 220]);
    expect(placeTickLabels([100, 228], 148, 80)).toEqual([148, 228]);
    expect(placeTickLabels([100], 148, 80)).toEqual([148]);
    expect(placeTickLabels([], 148, 80)).toEqual([]);
  });
});
