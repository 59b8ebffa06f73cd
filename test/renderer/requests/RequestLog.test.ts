// @vitest-environment jsdom
// The request log: rows as on the wire, filters, and the seed's first GET decoded when selected.
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { SwarmModel } from '../../../shared/views/model';
import type { LoggedEvent } from '../../../shared/events';
import { RequestLog } from '../../../renderer/src/views/requests';
import { renderPanel, statusAt } from '../truth/renderPanel';
import { SEED_FIRST_GET, SEED_PASSKEY, SwarmLog } from '../truth/swarmLog';

afterEach(cleanup);

/** The seed's session: the uploader seeds, "you" starts with the capture's own GET. */
function session() {
  const log = new SwarmLog()
    .client('seeder', { left: 0 })
    .client('you', { peerId: '-TR1320-ph6nbw6phum2', passkey: SEED_PASSKEY });
  log.announce('seeder', { event: 'started', left: 0 }); // 1
  log.at(60_000).announce('you', {
    event: 'started',
    target: SEED_FIRST_GET,
    returns: [{ name: 'seeder', reason: 'random' }],
  }); // 2
  log.at(960_000).announce('you', { event: 'none', downloaded: 13_852_248, left: 62_930_944 }); // 3
  log.refused('you', '/announce?info_hash=%D9&event=started', 'info_hash must be 20 bytes, got 1'); // 4
  log.at(2_000_000).announce('you', { event: 'completed', downloaded: 76_781_572, left: 0 }); // 5
  return log.model();
}

const text = (id: string) => screen.getByTestId(id).textContent;
const rowIds = () => screen.getAllByTestId(/^request-row-/).map((r) => Number(r.dataset.testid!.slice(12)));

test('one row per request, exactly as the tracker received it', () => {
  renderPanel(RequestLog, session(), statusAt(2_000_000));
  expect(rowIds()).toEqual([1, 2, 3, 4, 5]);
  expect(text('request-target-2')).toBe(`GET ${SEED_FIRST_GET}`);
  expect(text('request-time-2')).toBe('1m00s');
  expect(text('request-client-2')).toBe('you');
  expect(text('request-event-2')).toBe('started');
  expect(text('request-event-3')).toBe('regular');
  expect(text('request-status-2')).toBe('200 OK');
  expect(text('request-status-4')).toBe('failure: info_hash must be 20 bytes, got 1');
  expect(text('request-client-4')).toBe('127.10.0.3:40001');
});

test('selecting the seed’s first GET decodes every parameter', () => {
  const { store } = renderPanel(RequestLog, session(), statusAt(2_000_000));
  fireEvent.click(screen.getByTestId('request-row-2'));
  expect(store.getState().selectedRequest).toBe(2);
  expect(screen.getByTestId('request-row-2').className).toContain('selected');
  expect(text('param-info_hash-hex')).toBe('d9a57bb40e1e5af971530d38b0bf269f740f92f3');
  expect(screen.queryByTestId('param-info_hash-text')).toBeNull();
  expect(text('param-peer_id-text')).toBe('-TR1320-ph6nbw6phum2');
  expect(text('param-peer_id-human')).toBe('-TR1320-: Transmission 1.32, the rest chosen at random');
  expect(text('param-left-text')).toBe('76781572');
  expect(text('param-left-human')).toBe('73.2 MiB');
  expect(text('param-event-text')).toBe('started');
  expect(text('param-numwant-text')).toBe('80');
  expect(text('param-key-text')).toBe('36vk3vk5rt');
  expect(text('param-passkey-text')).toBe(SEED_PASSKEY);
  expect(text('param-port-text')).toBe('51413');
  expect(text('param-compact-human')).toBe('accepts the packed peer list');
  expect(text('param-event-human')).toMatch(/^The first announce of a session/);
  // Every parameter explains itself in a tooltip naming its source.
  expect(within(screen.getByTestId('param-info_hash')).getByRole('rowheader').title).toMatch(
    /SHA-1.*\(BEP 3; from the query string\)$/,
  );
});

test('the answer: decoded tree, compact peers as ip:port named by client, why each was chosen, raw hex', () => {
  renderPanel(RequestLog, session(), { ...statusAt(2_000_000), selectedRequest: 2 });
  expect(text('response-status')).toBe('HTTP 200, 97 bytes');
  expect(text('response-key-interval')).toBe('interval: 900');
  expect(text('response-key-min interval')).toBe('min interval: 300');
  expect(text('peers-entry-1')).toBe('127.10.0.2:51413 (seeder)');
  const peer = screen.getByTestId('returned-peer-1');
  expect(
    within(peer)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['1', '127.10.0.2:51413', 'seeder', 'seeder', 'picked uniformly at random']);
  expect(text('response-hex').split('\n')[0]).toBe(
    '0000  64 38 3a 63 6f 6d 70 6c  65 74 65 69 30 65 31 30  |d8:completei0e10|',
  );
});

test('a regular announce shows the event as not sent; completed carries the BEP 3 meaning', () => {
  renderPanel(RequestLog, session(), { selectedRequest: 3 });
  expect(text('param-event-text')).toBe('(not sent)');
  expect(text('param-left-human')).toBe('60.0 MiB');
  cleanup();
  renderPanel(RequestLog, session(), { selectedRequest: 5 });
  expect(text('param-event-human')).toContain(
    'Sent once, when the download finishes (left reaches 0), per BEP 3',
  );
  expect(text('param-event-human')).toContain('a misconception');
});

test('a refused request shows its failure reason and the parameter at fault', () => {
  renderPanel(RequestLog, session(), { selectedRequest: 4 });
  expect(text('response-failure')).toBe(' failure reason: info_hash must be 20 bytes, got 1');
  expect(text('param-info_hash-problem')).toBe('⚠ must be exactly 20 bytes, got 1');
  expect(text('response-key-failure reason')).toBe('failure reason: info_hash must be 20 bytes, got 1');
});

test('filters: by event, by client, both', () => {
  renderPanel(RequestLog, session());
  const event = screen.getByTestId('request-filter-event');
  fireEvent.change(event, { target: { value: 'completed' } });
  expect(rowIds()).toEqual([5]);
  fireEvent.change(event, { target: { value: 'failed' } });
  expect(rowIds()).toEqual([4]);
  fireEvent.change(event, { target: { value: 'started' } });
  expect(rowIds()).toEqual([1, 2, 4]);
  fireEvent.change(screen.getByTestId('request-filter-client'), { target: { value: '1' } });
  expect(rowIds()).toEqual([2]);
  expect(text('request-count')).toBe('1 of 5 requests');
  fireEvent.change(event, { target: { value: '' } });
  expect(rowIds()).toEqual([2, 3, 5]);
});

test('100,000 requests: only a window of rows is rendered', () => {
  const events: LoggedEvent[] = [];
  for (let i = 0; i < 100_000; i++) {
    events.push({
      seq: i,
      type: 'requestReceived',
      t: i * 10,
      requestId: i + 1,
      transport: 'http',
      remoteIp: '10.0.0.1',
      remotePort: 1,
      method: 'GET',
      target: `/announce?n=${i}`,
    });
  }
  const model = new SwarmModel();
  model.apply(events);
  const started = performance.now();
  renderPanel(RequestLog, model, { selectedRequest: 99_000 });
  expect(performance.now() - started).toBeLessThan(2000);
  expect(text('request-count')).toBe('100000 of 100000 requests');
  const rows = screen.getAllByTestId(/^request-row-/);
  expect(rows.length).toBeLessThan(60);
  expect(screen.getByTestId('request-row-99000').className).toContain('selected');
  expect(text('request-status-99000')).toBe('pending');
});
