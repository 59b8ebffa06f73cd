// @vitest-environment jsdom
// The truth panel: divergences highlighted with their words, filters, sorting, selection, scale.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { TruthPanel } from '../../../renderer/src/views/truth';
import { renderPanel, statusAt } from './renderPanel';
import { SwarmLog } from './swarmLog';

afterEach(cleanup);

const MiB = 1024 * 1024;

function session() {
  const log = new SwarmLog().client('seeder', { left: 0 }).client('crashy').client('mover').client('done');
  log.announce('seeder', { event: 'started', left: 0 });
  log.announce('crashy', { event: 'started' });
  log.announce('mover', { event: 'started' });
  log.announce('done', { event: 'started' });
  log.at(60_000).progress([
    { name: 'seeder', up: 4 * MiB },
    { name: 'crashy', down: 3 * MiB, left: 100 },
    { name: 'done', down: MiB, left: 0 },
  ]);
  log.state('crashy', 'crashed').moved('mover', '10.9.9.9').forgetEntry('mover');
  log.announce('mover', { event: 'none' });
  log.announce('done', { event: 'completed', downloaded: MiB, left: 0 });
  return log.model();
}

const cell = (column: string, name: string) => screen.getByTestId(`truth-${column}-${name}`);
const rowNames = () =>
  screen.getAllByTestId(/^truth-row-/).map((r) => r.dataset.testid!.slice('truth-row-'.length));

test('a ghost with lost credit: its cells are flagged and the divergence says why', () => {
  renderPanel(TruthPanel, session(), statusAt(360_000));
  expect(cell('state', 'crashy').textContent).toBe('crashed');
  expect(cell('state', 'crashy').className).toContain('flagged ghost');
  expect(cell('listed', 'crashy').textContent).toBe('leeching');
  expect(cell('credited-down', 'crashy').className).toContain('flagged lost-credit');
  expect(cell('true-down', 'crashy').textContent).toBe('3.00 MiB');
  const lines = [...cell('divergence', 'crashy').querySelectorAll('.divergence-line')].map(
    (l) => l.textContent,
  );
  expect(lines).toEqual([
    'ghost: the tracker still lists it as a leecher, but it crashed 5m00s ago',
    'lost credit: 3.00 MiB moved after its last announce will never be credited',
  ]);
  expect(cell('last-heard', 'crashy').textContent).toBe('6m00s ago');
});

test('double listing and stale credit appear with their text; an honest row has none', () => {
  renderPanel(TruthPanel, session(), statusAt(360_000));
  expect(cell('entries', 'mover').textContent).toBe('2');
  expect(cell('entries', 'mover').className).toContain('flagged double-listing');
  expect(cell('divergence', 'mover').textContent).toBe(
    'listed 2 times: an old entry lingers until the peer timeout',
  );
  expect(cell('divergence', 'seeder').textContent).toBe(
    'stale since the last announce 6m00s ago: 4.00 MiB not yet credited',
  );
  expect(cell('divergence', 'done').textContent).toBe('');
  expect(cell('listed', 'done').textContent).toBe('seeding');
});

test('filtering by divergence kind and by name', () => {
  renderPanel(TruthPanel, session(), statusAt(360_000));
  expect(rowNames()).toEqual(['crashy', 'done', 'mover', 'seeder']);
  fireEvent.change(screen.getByTestId('truth-filter-divergence'), { target: { value: 'ghost' } });
  expect(rowNames()).toEqual(['crashy']);
  expect(screen.getByTestId('truth-count').textContent).toBe('1 of 4 clients');
  fireEvent.change(screen.getByTestId('truth-filter-divergence'), { target: { value: 'none' } });
  expect(rowNames()).toEqual(['done']);
  fireEvent.change(screen.getByTestId('truth-filter-divergence'), { target: { value: 'all' } });
  fireEvent.change(screen.getByTestId('truth-filter-text'), { target: { value: 'MOV' } });
  expect(rowNames()).toEqual(['mover']);
});

test('sorting by a column header, again to reverse', () => {
  renderPanel(TruthPanel, session(), statusAt(360_000));
  fireEvent.click(screen.getByTestId('truth-sort-true-down'));
  expect(rowNames()).toEqual(['crashy', 'done', 'seeder', 'mover']);
  const header = screen.getByTestId('truth-sort-true-down').closest('th')!;
  expect(header.getAttribute('aria-sort')).toBe('descending');
  fireEvent.click(screen.getByTestId('truth-sort-true-down'));
  expect(rowNames()).toEqual(['seeder', 'mover', 'done', 'crashy']);
  expect(header.getAttribute('aria-sort')).toBe('ascending');
});

test('clicking a row selects the client; the selected row is highlighted', () => {
  const { store } = renderPanel(TruthPanel, session(), statusAt(360_000));
  fireEvent.click(screen.getByTestId('truth-row-mover'));
  expect(store.getState().selectedClient).toBe(2);
  const row = screen.getByTestId('truth-row-mover');
  expect(row.className).toContain('selected');
  expect(row.getAttribute('aria-current')).toBe('true');
  act(() => store.setState({ selectedClient: 0 }));
  expect(screen.getByTestId('truth-row-seeder').className).toContain('selected');
  expect(screen.getByTestId('truth-row-mover').className).not.toContain('selected');
});

test('every column header and cell has a tooltip', () => {
  renderPanel(TruthPanel, session(), statusAt(360_000));
  for (const th of screen.getByRole('table', { name: /per client/ }).querySelectorAll('th'))
    expect(th.title).not.toBe('');
  for (const td of within(screen.getByTestId('truth-row-crashy')).getAllByRole('cell'))
    expect(td.title).not.toBe('');
  expect(cell('credited-up', 'seeder').title).toBe('0 bytes credited; last reported uploaded=0');
});

test('per user: credited totals and snatches beside the truth, gaps flagged', () => {
  renderPanel(TruthPanel, session(), statusAt(360_000));
  expect(screen.getByTestId('user-credited-up-seeder').textContent).toBe('0 B');
  expect(screen.getByTestId('user-true-up-seeder').textContent).toBe('4.00 MiB');
  expect(screen.getByTestId('user-credited-up-seeder').title).toBe(
    '4.00 MiB upload not credited (yet, or lost)',
  );
  expect(screen.getByTestId('user-snatches-done').textContent).toBe('1');
  expect(screen.getByTestId('user-finished-done').textContent).toBe('1');
  expect(screen.getByTestId('user-listed-done').textContent).toBe('1 / 0');
});

test('5,000 clients: only the visible rows are in the DOM, and the selected one scrolls into view', () => {
  const log = new SwarmLog();
  for (let i = 0; i < 5000; i++) log.client(`peer-${String(i).padStart(4, '0')}`, { user: null });
  const { store } = renderPanel(TruthPanel, log.model(), statusAt(0));
  expect(screen.getByTestId('truth-count').textContent).toBe('5000 of 5000 clients');
  const rendered = screen.getAllByTestId(/^truth-row-/);
  expect(rendered.length).toBeGreaterThan(10);
  expect(rendered.length).toBeLessThan(60);
  expect(screen.queryByTestId('truth-row-peer-4000')).toBeNull();
  act(() => store.setState({ selectedClient: 4000 }));
  expect(screen.getByTestId('truth-row-peer-4000').className).toContain('selected');
  expect(screen.queryByTestId('truth-row-peer-0000')).toBeNull(); // scrolled out of the window
});
