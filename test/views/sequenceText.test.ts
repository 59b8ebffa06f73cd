// The sequence chart's tooltips: which announce an arrow is, its parameters as sent, the answer's
// figures or how it failed, with the real (virtual) times.
import { describe, expect, it } from 'vitest';
import { exchangeOf, type ExchangeDetail } from '../../shared/views/sequenceHistory';
import { legTip, markTip, paramsSummary, spanTip } from '../../shared/views/sequenceText';
import type { RequestRow } from '../../shared/views/types';
import { flight } from '../renderer/graph/graphLog';

const TARGET =
  '/pk/announce?info_hash=%D9%A5&peer_id=-TR1320-x&port=51413&uploaded=0&downloaded=13852248&left=62930944&numwant=80';

const detail = (o: Partial<ExchangeDetail> = {}): ExchangeDetail => ({
  target: TARGET,
  attempt: 1,
  forced: false,
  interval: 900,
  peersReceived: 1,
  warning: null,
  retryAt: null,
  ...o,
});

const row = { peers: [4], eligible: 3, strategy: 'random', warning: null } as unknown as RequestRow;

describe('sequence tooltips', () => {
  it('sums up the parameters a sequence reader cares about, as sent', () => {
    expect(paramsSummary(TARGET)).toBe('uploaded=0 downloaded=13852248 left=62930944 numwant=80');
    expect(paramsSummary('/announce')).toBeNull();
  });

  it('an answered announce: the request with its parameters, the answer with its figures', () => {
    const x = exchangeOf(
      flight({ event: 'started', sentAt: 60_000, deliveredAt: 60_050, answeredAt: 60_100, requestId: 2 }),
      detail(),
    );
    expect(legTip(x, 'request', 'you')).toEqual({
      title: 'you: started announce — request',
      lines: [
        'sent 00:01:00.000',
        'uploaded=0 downloaded=13852248 left=62930944 numwant=80',
        'arrived 00:01:00.050 as request #2',
      ],
    });
    expect(legTip(x, 'response', 'you', row)).toEqual({
      title: 'you: started announce — response',
      lines: [
        'answered, received 00:01:00.100',
        '1 peer returned of 3 eligible, random',
        'next announce in 900 s (interval)',
      ],
    });
  });

  it('a rejected announce shows the tracker’s failure reason', () => {
    const x = exchangeOf(
      flight({ sentAt: 0, deliveredAt: 50, answeredAt: 100, failure: 'unregistered torrent', requestId: 4 }),
      detail({ warning: null }),
    );
    expect(legTip(x, 'response', 'you').lines).toEqual([
      'failure reason: unregistered torrent',
      'received 00:00:00.100',
    ]);
  });

  it('a lost request says why, when the client gave up and when it retries; a retry says so', () => {
    const x = exchangeOf(
      flight({ event: 'none', sentAt: 3_000_000, failedAt: 3_030_000, failure: 'timeout' }),
      detail({ attempt: 3, forced: true, retryAt: 3_090_000, target: '/announce' }),
    );
    expect(legTip(x, 'request', 'laptop')).toEqual({
      title: 'laptop: regular announce (retry 2) (forced) — request',
      lines: [
        'sent 00:50:00.000',
        'never arrived: the client is offline (timed out) — gave up 00:50:30.000',
        'retries 00:51:30.000',
      ],
    });
  });

  it('aborted mid-request, and a request still on its way', () => {
    const aborted = exchangeOf(
      flight({ sentAt: 0, deliveredAt: 40, failedAt: 50, failure: 'aborted', requestId: 9 }),
      detail({ target: '/announce' }),
    );
    expect(legTip(aborted, 'response', 'p').lines).toEqual([
      'no answer: the tracker restarted mid-request — gave up 00:00:00.050',
    ]);
    const pending = exchangeOf(flight({ sentAt: 0 }), detail({ target: '/announce' }));
    expect(legTip(pending, 'request', 'p').lines).toEqual(['sent 00:00:00.000', 'on its way']);
  });

  it('spans and marks', () => {
    expect(spanTip({ kind: 'paused', from: 1_200_000, to: 5_400_000 }, 'silent')).toEqual({
      title: 'silent: paused: a paused client sends nothing (or BEP 21 event=paused)',
      lines: ['from 00:20:00.000', 'until 01:30:00.000'],
    });
    expect(spanTip({ kind: 'down', from: 0, to: null }, 'tracker').lines).toEqual([
      'from 00:00:00.000',
      'still',
    ]);
    expect(markTip({ kind: 'expiry', t: 2_820_000, clientId: 1 }, 'silent')).toEqual({
      title: 'tracker: silent’s entry expired',
      lines: ['00:47:00.000', 'not heard from within the peer timeout: removed from the peer list'],
    });
    expect(markTip({ kind: 'crash', t: 1_200_000, clientId: 1 }, 'crasher').title).toBe('crasher crashed');
    expect(markTip({ kind: 'restart', t: 0, clientId: null }, null).title).toBe('tracker restarted');
  });
});
