// @vitest-environment jsdom
// The sequence chart as a component, on real preset logs (fixtures kept equal to the engine's output
// by test/views/sequenceFixtures.test.ts): one arrow per request and per answer, paused spans, the
// tracker's expiries and restart, selection shared with the request log, tooltips, scrubbing, and
// only the rows and times in view rendered.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { LoggedEvent } from '../../../shared/events';
import { SwarmModel } from '../../../shared/views/model';
import { SequenceChart } from '../../../renderer/src/views/sequence';
import { renderPanel } from '../truth/renderPanel';
import pauseLog from './fixtures/pause-sends-nothing.json';
import restartLog from './fixtures/tracker-restart.json';

const pauseEvents = pauseLog as unknown as LoggedEvent[];
const restartEvents = restartLog as unknown as LoggedEvent[];

function modelOf(events: readonly LoggedEvent[], until = Infinity): SwarmModel {
  const model = new SwarmModel();
  model.apply(events.filter((e) => e.t <= until));
  return model;
}

/** The tracker's request id for an announce, as the log links them. */
function requestOf(events: readonly LoggedEvent[], announceId: number): number {
  const e = events.find((x) => x.type === 'announceDelivered' && x.announceId === announceId);
  if (e?.type !== 'announceDelivered') throw new Error(`announce ${announceId} never arrived`);
  return e.requestId;
}

const arrows = (selector = '') => document.querySelectorAll(`[data-testid="seq-arrow"]${selector}`);
const all = (testid: string, selector = '') =>
  document.querySelectorAll(`[data-testid="${testid}"]${selector}`);

/** jsdom has no layout: give the chart's viewport a size. */
function viewport(width: number, height: number): void {
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(width);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(height);
}

beforeEach(() => viewport(5000, 2000));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('pause-sends-nothing', () => {
  test('11 announces: 11 arrows to the tracker and 11 answers back, one row per client', () => {
    renderPanel(SequenceChart, modelOf(pauseEvents));
    expect([...all('seq-name')].map((n) => n.textContent)).toEqual(['seeder', 'silent', 'bep21']);
    expect(arrows('[data-leg="request"]')).toHaveLength(11);
    expect(arrows('[data-leg="response"]')).toHaveLength(11);
    expect(arrows('[data-outcome="answered"]')).toHaveLength(22);
    // bep21 (libtorrent) announces event=paused three times while paused; silent (µTorrent) nothing.
    const perClient = [0, 1, 2].map((id) => arrows(`[data-leg="request"][data-client-id="${id}"]`).length);
    expect(perClient).toEqual([4, 2, 5]);
  });

  test('both clients’ pauses are shaded spans; the silent client’s expiry is marked on the tracker', () => {
    renderPanel(SequenceChart, modelOf(pauseEvents));
    const spans = [...all('seq-span')];
    expect(spans.map((s) => [s.getAttribute('data-kind'), s.getAttribute('data-lane')])).toEqual([
      ['paused', '1'],
      ['paused', '2'],
    ]);
    const marks = [...all('seq-mark')];
    expect(marks.map((m) => [m.getAttribute('data-kind'), m.getAttribute('data-client-id')])).toEqual([
      ['expiry', '1'],
    ]);
    expect(marks[0]!.closest('[data-testid="seq-tracker"]')).not.toBeNull();
  });

  test('the axis labels the start of every burst with its real time, and marks the squeezed gaps', () => {
    renderPanel(SequenceChart, modelOf(pauseEvents));
    const labels = [...all('seq-tick')].map((t) => t.textContent);
    // 00:50:00 (bep21's second paused announce) sits too close to the expiry at 00:47:00 to be labelled;
    // the announces at 01:30:00.000 and 01:30:00.300 are two bursts with one label.
    expect(labels).toEqual([
      '00:00:00',
      '00:01:00',
      '00:20:00',
      '00:30:00',
      '00:47:00',
      '01:00:00',
      '01:20:00',
      '01:30:00',
    ]);
    expect(all('seq-break')).toHaveLength(9);
  });

  test('clicking an arrow selects its request and its client; both arrows of that request are highlighted', () => {
    const { store } = renderPanel(SequenceChart, modelOf(pauseEvents));
    const requestId = requestOf(pauseEvents, 4); // bep21's first event=paused
    const arrow = document.querySelector(
      `[data-testid="seq-arrow"][data-announce-id="4"][data-leg="request"]`,
    )!;
    expect(arrow.getAttribute('data-request-seq')).toBe(String(requestId));
    fireEvent.click(arrow);
    expect(store.getState().selectedRequest).toBe(requestId);
    expect(store.getState().selectedClient).toBe(2);
    expect([...arrows('[data-selected="true"]')].map((a) => a.getAttribute('data-leg'))).toEqual([
      'request',
      'response',
    ]);
    expect(arrows('.selected')).toHaveLength(2);
  });

  test('a request selected elsewhere (the request log) is highlighted here', () => {
    const requestId = requestOf(pauseEvents, 10);
    renderPanel(SequenceChart, modelOf(pauseEvents), { selectedRequest: requestId });
    const selected = [...arrows('[data-selected="true"]')];
    expect(
      selected.map((a) => [a.getAttribute('data-request-seq'), a.getAttribute('data-client-id')]),
    ).toEqual([
      [String(requestId), '1'],
      [String(requestId), '1'],
    ]);
  });

  test('hovering an arrow shows the event, the parameters as sent and the real time', () => {
    renderPanel(SequenceChart, modelOf(pauseEvents));
    fireEvent.mouseEnter(
      document.querySelector(`[data-testid="seq-arrow"][data-announce-id="4"][data-leg="request"]`)!,
    );
    const tip = screen.getByTestId('seq-tooltip');
    expect(tip.querySelector('strong')!.textContent).toBe('bep21: paused announce — request');
    const lines = [...tip.querySelectorAll('div')].map((d) => d.textContent);
    expect(lines[0]).toBe('sent 00:20:00.000');
    expect(lines[1]).toMatch(/^uploaded=\d+ downloaded=\d+ left=\d+ numwant=\d+$/);
    expect(lines[2]).toBe(`arrived 00:20:00.050 as request #${requestOf(pauseEvents, 4)}`);
    fireEvent.mouseLeave(document.querySelector(`[data-testid="seq-arrow"][data-announce-id="4"]`)!);
    expect(screen.queryByTestId('seq-tooltip')).toBeNull();
  });

  test('scrubbed to 0:25, the chart shows the state then: 4 announces, pauses still open', () => {
    const cursor = 25 * 60_000;
    renderPanel(SequenceChart, modelOf(pauseEvents, cursor), { cursor });
    expect(arrows('[data-leg="request"]')).toHaveLength(4);
    expect(all('seq-span', '[data-kind="paused"]')).toHaveLength(2);
    expect(all('seq-mark')).toHaveLength(0);
  });
});

describe('tracker-restart', () => {
  test('the request in flight at the restart is aborted: a half arrow with a cross, and a restart mark', () => {
    renderPanel(SequenceChart, modelOf(restartEvents));
    expect(arrows('[data-leg="request"]')).toHaveLength(21);
    expect(arrows('[data-leg="response"]')).toHaveLength(20);
    const aborted = [...arrows('[data-outcome="aborted"]')];
    expect(aborted.map((a) => [a.getAttribute('data-leg'), a.getAttribute('data-announce-id')])).toEqual([
      ['request', '9'],
    ]);
    expect(aborted[0]!.getAttribute('data-request-seq')).toBe('');
    expect(aborted[0]!.querySelector('.seq-arrow-cross')).not.toBeNull();
    expect(aborted[0]!.querySelector('polygon')).toBeNull();
    expect([...all('seq-mark')].map((m) => m.getAttribute('data-kind'))).toEqual(['restart']);
  });

  test('clicking the aborted arrow selects its client and no request (it never reached the tracker)', () => {
    const { store } = renderPanel(SequenceChart, modelOf(restartEvents), { selectedRequest: 3 });
    fireEvent.click(arrows('[data-outcome="aborted"]')[0]!);
    expect(store.getState().selectedRequest).toBeNull();
    expect(store.getState().selectedClient).toBe(1);
  });
});

test('before any client arrives: a note, the tracker’s lifeline alone, and nothing else', () => {
  renderPanel(SequenceChart, new SwarmModel());
  expect(screen.getByText('No clients yet.')).toBeTruthy();
  expect(screen.getByTestId('seq-tracker')).toBeTruthy();
  expect(all('seq-row')).toHaveLength(0);
  expect(arrows()).toHaveLength(0);
});

describe('a big swarm', () => {
  /** `clients` clients that each announce once, 1 s apart. */
  function bigSwarm(clients: number): SwarmModel {
    const events: LoggedEvent[] = [];
    const push = (e: Record<string, unknown>) =>
      events.push({ ...e, seq: events.length } as unknown as LoggedEvent);
    for (let id = 0; id < clients; id++) {
      push({
        type: 'clientCreated',
        t: 0,
        clientId: id,
        name: `peer-${id}`,
        group: 'peer',
        profile: 'transmission-1.32',
        infoHash: 'aa'.repeat(20),
        ip: '127.0.0.1',
        port: 6881 + id,
        peerId: id.toString(16).padStart(40, '0'),
        key: null,
        user: null,
        uploadCapacity: 1,
        downloadCapacity: 1,
        maxConnections: 1,
        size: 1,
        left: 1,
      });
    }
    for (let id = 0; id < clients; id++) {
      const t = id * 1000;
      push({
        type: 'announceSent',
        t,
        clientId: id,
        announceId: id + 1,
        event: 'started',
        target: '/announce',
        ip: '127.0.0.1',
        attempt: 1,
        forced: false,
      });
      push({ type: 'announceDelivered', t: t + 50, clientId: id, announceId: id + 1, requestId: id + 1 });
      push({
        type: 'announceCompleted',
        t: t + 100,
        clientId: id,
        announceId: id + 1,
        requestId: id + 1,
        failureReason: null,
        warning: null,
        interval: 1800,
        minInterval: 900,
        peersReceived: 0,
        nextAnnounceAt: null,
      });
    }
    const model = new SwarmModel();
    model.apply(events);
    return model;
  }

  test('1,000 clients: only the rows in view are drawn, and only their arrows', () => {
    viewport(960, 480);
    const started = performance.now();
    renderPanel(SequenceChart, bigSwarm(1000));
    expect(performance.now() - started).toBeLessThan(2000);
    // 480 px − 74 px of axis and tracker = 12 rows of 34 px, plus 4 below
    expect(all('seq-row')).toHaveLength(16);
    expect(all('seq-name')).toHaveLength(16);
    // Client k announces at k s: its burst starts at 24 + 86k px (50 + 50 ms, then a 36 px break).
    // 840 px of time are in view (+20 px margin): clients 0–9.
    const shown = [...arrows('[data-leg="request"]')].map((a) => Number(a.getAttribute('data-client-id')));
    expect(shown).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(arrows()).toHaveLength(20);
  });

  test('a client selected elsewhere, far down, is scrolled into view', () => {
    viewport(960, 480);
    const { store } = renderPanel(SequenceChart, bigSwarm(1000));
    const scroller = screen.getByTestId('seq-scroll');
    let top = 0;
    Object.defineProperty(scroller, 'scrollTop', { get: () => top, set: (v: number) => (top = v) });
    act(() => store.setState({ selectedClient: 500 }));
    // row 500 ends at 500 × 34 + 34; 480 − 74 = 406 px of rows in view
    expect(top).toBe(16_628);
    const names = [...all('seq-name')].map((n) => n.textContent);
    expect(names).toContain('peer-500');
    expect(names).not.toContain('peer-3');
    expect(document.querySelector('.seq-name.selected')!.textContent).toBe('peer-500');
  });
});
