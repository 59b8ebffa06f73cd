// Which renderer draws the swarm, and the thresholds that keep big swarms readable.
import { expect, test } from 'vitest';
import {
  connectionOpacity,
  connectionRefreshMs,
  LABEL_MAX_PEERS,
  maxLitAnswers,
  rendererFor,
  showLabels,
  SVG_MAX_PEERS,
} from '../../../renderer/src/views/graph/mode';

test('SVG up to 300 peers, Canvas beyond', () => {
  expect(SVG_MAX_PEERS).toBe(300);
  expect(rendererFor(0)).toBe('svg');
  expect(rendererFor(300)).toBe('svg');
  expect(rendererFor(301)).toBe('canvas');
  expect(rendererFor(5_000)).toBe('canvas');
});

test('names are written for small swarms, or when zoomed in far enough to fit them', () => {
  expect(showLabels(LABEL_MAX_PEERS, 10)).toBe(true);
  expect(showLabels(LABEL_MAX_PEERS + 1, 40)).toBe(false);
  expect(showLabels(5_000, 80)).toBe(true);
});

test('a classroom swarm lights many answers at once, a big one only the newest', () => {
  expect(maxLitAnswers(10)).toBe(12);
  expect(maxLitAnswers(200)).toBe(1);
});

test('connections fade and refresh less often as they multiply', () => {
  expect(connectionOpacity(100)).toBe(0.6);
  expect(connectionOpacity(2_000)).toBeCloseTo(0.3, 5);
  expect(connectionOpacity(10_000_000)).toBe(0.04);
  expect(connectionRefreshMs(10)).toBe(150);
  expect(connectionRefreshMs(20_000)).toBe(1_000);
  expect(connectionRefreshMs(1e6)).toBe(2_000);
});
