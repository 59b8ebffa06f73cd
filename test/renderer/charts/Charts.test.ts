// @vitest-environment jsdom
// The charts drawn from a model: captions, readouts of the current values, the now line, and
// 100,000-point series drawn from at most a few points per pixel.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { Charts } from '../../../renderer/src/views/charts';
import { renderPanel, statusAt } from '../truth/renderPanel';
import { SEED_INFO_HASH, SwarmLog } from '../truth/swarmLog';

afterEach(cleanup);

const MiB = 1024 * 1024;

function session() {
  const log = new SwarmLog().client('seeder', { left: 0 }).client('you');
  log.announce('seeder', { event: 'started', left: 0 });
  log.at(60_000).announce('you', { event: 'started' });
  log.at(120_000).progress([
    { name: 'seeder', up: 5 * MiB },
    { name: 'you', down: 5 * MiB, left: 1000 },
  ]);
  log.at(960_000).announce('you', { event: 'none', downloaded: 5 * MiB, left: 1000 });
  log.announce('seeder', { event: 'none', uploaded: 2 * MiB, left: 0 });
  log.at(1_000_000).progress([{ name: 'seeder', up: MiB }]);
  log.push({
    type: 'countsChanged',
    t: 1_000_000,
    infoHash: SEED_INFO_HASH,
    complete: 1,
    incomplete: 1,
    downloaded: 0,
    downloaders: 1,
  });
  return log.model();
}

function pathPoints(d: string): number {
  return (d.match(/[MLHV]/g) ?? []).length;
}

test('each chart has a title, a caption, and a reading of the current values', () => {
  renderPanel(Charts, session(), statusAt(1_200_000));
  expect(screen.getByTestId('chart-counts-readout').textContent).toBe('Now: 1 seeder, 1 leecher.');
  expect(screen.getByTestId('chart-credit-upload-readout').textContent).toBe(
    'Now: 6.00 MiB really uploaded, 2.00 MiB credited, 4.00 MiB not credited.',
  );
  expect(screen.getByTestId('chart-credit-download-readout').textContent).toBe(
    'Now: 5.00 MiB really downloaded, 5.00 MiB credited, 0 B not credited.',
  );
  expect(screen.getByTestId('chart-requests-readout').textContent).toBe(
    'This minute: 0 requests; busiest minute: 2; 4 in all by 20m00s.',
  );
  expect(screen.getByTestId('chart-credit-upload').querySelector('figcaption')!.textContent).toMatch(
    /^The shaded gap is upload the tracker has not credited yet/,
  );
  expect(screen.getAllByRole('img').map((s) => s.getAttribute('aria-label'))).toEqual([
    'Seeders and leechers over virtual time; now 1 seeder, 1 leecher',
    'Total upload: really 6.00 MiB, credited 2.00 MiB, over virtual time',
    'Total download: really 5.00 MiB, credited 5.00 MiB, over virtual time',
    'Tracker requests per minute over virtual time; busiest minute 2',
  ]);
});

test('the time axis is labelled in virtual time and the now line is drawn', () => {
  renderPanel(Charts, session(), statusAt(1_200_000));
  const counts = screen.getByTestId('chart-counts');
  const labels = [...counts.querySelectorAll('.x-axis text')].map((t) => t.textContent);
  expect(labels[0]).toBe('0s');
  expect(labels).toContain('20m00s');
  expect(counts.querySelector('[data-testid="chart-now-line"]')).not.toBeNull();
  expect(screen.getAllByTestId('band-gap')).toHaveLength(2);
  for (const legend of counts.querySelectorAll('.chart-legend li'))
    expect((legend as HTMLElement).title).not.toBe('');
});

test('large-text mode draws bigger labels', () => {
  renderPanel(Charts, session(), {
    ...statusAt(1_200_000),
    display: { largeText: true, showConnections: true },
  });
  expect(screen.getByTestId('chart-counts').querySelector('.axes')!.getAttribute('font-size')).toBe('18');
});

test('100,000 progress points: the lines stay within two points per pixel', () => {
  const log = new SwarmLog().client('a');
  for (let i = 0; i < 100_000; i++) {
    // A steady trickle with a burst every 1,000 points.
    log.push({
      type: 'transfersProgressed',
      t: i * 100,
      clients: [0],
      uploaded: [i % 1000 === 0 ? 50 * MiB : 1000],
      downloaded: [0],
      left: [0],
    });
  }
  const started = performance.now();
  renderPanel(Charts, log.model(), statusAt(10_000_000));
  expect(performance.now() - started).toBeLessThan(3000);
  const d = screen.getAllByTestId('line-truth')[0]!.getAttribute('d')!;
  // 640 px wide (jsdom has no layout): at most 1280 points, plus the point held until now.
  expect(pathPoints(d)).toBeLessThanOrEqual(1281);
  expect(pathPoints(d)).toBeGreaterThan(100);
});
