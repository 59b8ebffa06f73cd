// Filtering the request log by client and by kind of request.
import { expect, test } from 'vitest';
import { requestEvent, requestStatusText, selectRequests } from '../../../shared/views/requestFilter';
import { SwarmLog } from '../truth/swarmLog';

function session() {
  const log = new SwarmLog().client('seeder', { left: 0 }).client('you');
  log.announce('seeder', { event: 'started', left: 0 }); // 1
  log.at(60_000).announce('you', { event: 'started' }); // 2
  log.at(960_000).announce('you', { event: 'none', downloaded: 13_852_248, left: 62_930_944 }); // 3
  log.refused('you', '/pk1/announce?info_hash=%00&event=started', 'info_hash must be 20 bytes, got 1'); // 4
  log.at(2_000_000).announce('you', { event: 'completed', downloaded: 76_781_572, left: 0 }); // 5
  log.at(3_000_000).announce('you', { event: 'stopped', downloaded: 76_781_572, left: 0 }); // 6
  return log.model();
}

function ids(model: ReturnType<typeof session>, filter: Parameters<typeof selectRequests>[1]): number[] {
  const sel = selectRequests(model.requests, filter);
  return Array.from({ length: sel.count }, (_, i) => model.requests[sel.at(i)]!.requestId);
}

test('no filter keeps every row without building an index', () => {
  const model = session();
  const sel = selectRequests(model.requests, { clientId: null, category: null });
  expect(sel.count).toBe(6);
  expect(sel.find(5)).toBe(5);
});

test('by event: started, regular, completed, stopped, failed', () => {
  const model = session();
  expect(ids(model, { clientId: null, category: 'started' })).toEqual([1, 2, 4]);
  expect(ids(model, { clientId: null, category: 'regular' })).toEqual([3]);
  expect(ids(model, { clientId: null, category: 'completed' })).toEqual([5]);
  expect(ids(model, { clientId: null, category: 'stopped' })).toEqual([6]);
  expect(ids(model, { clientId: null, category: 'failed' })).toEqual([4]);
  expect(ids(model, { clientId: null, category: 'scrape' })).toEqual([]);
});

test('by client, and both together; find maps a row back to its place', () => {
  const model = session();
  expect(ids(model, { clientId: 0, category: null })).toEqual([1]);
  // The refused request never reached the simulation's announce (no announceDelivered): no client.
  expect(ids(model, { clientId: 1, category: null })).toEqual([2, 3, 5, 6]);
  expect(ids(model, { clientId: 1, category: 'started' })).toEqual([2]);
  const sel = selectRequests(model.requests, { clientId: 1, category: null });
  expect(sel.find(4)).toBe(2);
  expect(sel.find(3)).toBe(-1);
});

test('a refused request’s event comes from its target; its status names the failure', () => {
  const model = session();
  const refused = model.request(4)!;
  expect(refused.event).toBeNull();
  expect(requestEvent(refused)).toBe('started');
  expect(requestStatusText(refused)).toBe('failure: info_hash must be 20 bytes, got 1');
  expect(requestStatusText(model.request(3)!)).toBe('200 OK');
});
